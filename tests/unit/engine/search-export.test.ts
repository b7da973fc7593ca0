import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ItemRecord, ThreadRecord } from '../../../protocol/projections.ts';
import { exportThread, searchThreads } from '../../../web/src/engine/search-export.ts';

const thread = (id: string, name: string | null, preview: string): ThreadRecord => ({
  id, name, preview, cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1, activeTurnId: null, nextOrd: 0,
  archived: false, deleted: false, tokenUsage: null, notices: [], rev: 1,
});
const base = { turnId: 'u', streaming: false, rev: 1 };
const items: ItemRecord[] = [
  { ...base, threadId: 'a', itemId: 'i1', ord: 0, kind: 'userMessage', text: 'Please fix the Flaky test' },
  { ...base, threadId: 'a', itemId: 'i2', ord: 1, kind: 'agentMessage', text: 'Here is ```code``` and more' },
  { ...base, threadId: 'a', itemId: 'i3', ord: 2, kind: 'commandExecution', command: 'npm test', cwd: '/w', output: 'all flaky tests pass', exitCode: 0, durationMs: 5, status: 'completed' },
];
const threads = [thread('a', null, 'Please fix the Flaky test'), thread('b', 'Release notes', '')];
const itemsOf = (id: string): ItemRecord[] => items.filter((i) => i.threadId === id);

suite('searchThreads', () => {
  test('matches titles and item text, case-insensitively, titles first', () => {
    const hits = searchThreads('flaky', threads, itemsOf);
    assert.deepEqual(hits.map((h) => [h.threadId, h.itemId]), [['a', null], ['a', 'i1'], ['a', 'i3']]);
    assert.match(hits[2]?.snippet ?? '', /flaky tests pass/);
  });
  test('finds a thread by its custom name', () => {
    assert.deepEqual(searchThreads('release', threads, itemsOf).map((h) => h.threadId), ['b']);
  });
  test('an empty query finds nothing', () => {
    assert.deepEqual(searchThreads('  ', threads, itemsOf), []);
  });
});

suite('exportThread', () => {
  test('markdown has the conversation and fences that survive backticks in the content', () => {
    const md = exportThread(threads[0] as ThreadRecord, itemsOf('a'), 'markdown');
    assert.match(md, /^# Please fix the Flaky test/);
    assert.match(md, /## You\n\nPlease fix the Flaky test/);
    assert.match(md, /### Command \(completed, exit 0\)\n\n```\n\$ npm test\nall flaky tests pass\n```/);
  });
  test('jsonl has one parseable record per item, in order', () => {
    const lines = exportThread(threads[0] as ThreadRecord, itemsOf('a'), 'jsonl').trim().split('\n');
    assert.deepEqual(lines.map((l) => (JSON.parse(l) as ItemRecord).itemId), ['i1', 'i2', 'i3']);
  });
});
