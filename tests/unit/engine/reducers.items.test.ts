import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent } from '../../../protocol/events.ts';
import { foldEvents } from './fold.ts';
import { T, U, agent, base, command, completed, item, itemOf, started, textDelta, turnCompleted, user, type Case } from './events.ts';

const ref = { threadId: T, turnId: U };

const cases: [Case, ...Case[]] = [
  {
    name: 'appends agent message deltas in order while it streams',
    events: [...base, started(agent('m1')), ...['Hel', 'lo', '!'].map((d) => textDelta('m1', d))],
    expect: (s) => {
      assert.equal(itemOf(s, 'm1', 'agentMessage').text, 'Hello!');
      assert.equal(item(s, 'm1').streaming, true);
    },
  },
  {
    name: 'the completed item replaces the streamed text and stops streaming',
    events: [...base, started(agent('m1')), textDelta('m1', 'Hel'), completed(agent('m1', 'Hello'))],
    expect: (s) => {
      assert.equal(itemOf(s, 'm1', 'agentMessage').text, 'Hello');
      assert.equal(item(s, 'm1').streaming, false);
    },
  },
  {
    name: 'a delta after completion changes nothing (a re-sent or late frame)',
    events: [...base, started(agent('m1')), completed(agent('m1', 'Hello')), textDelta('m1', ' again')],
    expect: (s) => assert.equal(itemOf(s, 'm1', 'agentMessage').text, 'Hello'),
  },
  {
    name: 'a late item/started never reopens a completed item',
    events: [...base, completed(command('c1', { status: 'completed', exitCode: 0, output: 'ok' })), started(command('c1'))],
    expect: (s) => {
      const c = itemOf(s, 'c1', 'commandExecution');
      assert.deepEqual([c.status, c.output, c.streaming], ['completed', 'ok', false]);
    },
  },
  {
    name: 'keeps first-appearance order whatever order completions arrive in',
    events: [...base, started(agent('a')), started(agent('b')), completed(agent('b', 'B')), completed(agent('a', 'A'))],
    expect: (s) => {
      assert.deepEqual([item(s, 'a').ord, item(s, 'b').ord, s.thread(T)?.nextOrd], [0, 1, 2]);
    },
  },
  {
    name: 'starts an item from a delta for an item never started',
    events: [...base, textDelta('ghost', 'boo')],
    expect: (s) => assert.equal(itemOf(s, 'ghost', 'agentMessage').text, 'boo'),
  },
  {
    name: 'keeps streamed command output when the completed item has less (missing aggregatedOutput)',
    events: [...base, started(command('c1')), { type: 'item.outputDelta', ...ref, itemId: 'c1', delta: 'hi\n' }, completed(command('c1', { status: 'completed', exitCode: 0 }))],
    expect: (s) => assert.deepEqual([itemOf(s, 'c1', 'commandExecution').output, itemOf(s, 'c1', 'commandExecution').exitCode], ['hi\n', 0]),
  },
  {
    name: 'uses aggregatedOutput when the first output delta never came',
    events: [...base, started(command('c1')), { type: 'item.outputDelta', ...ref, itemId: 'c1', delta: 'two\n' }, completed(command('c1', { status: 'completed', exitCode: 0, output: 'one\ntwo\n' }))],
    expect: (s) => assert.equal(itemOf(s, 'c1', 'commandExecution').output, 'one\ntwo\n'),
  },
  {
    name: 'a steer preempts the streaming reply: the new user message closes it, keeping its text',
    events: [...base, started(user('u1', 'go')), started(agent('m1')), textDelta('m1', 'part'), started(user('u2', 'also this'))],
    expect: (s) => {
      assert.equal(item(s, 'm1').streaming, false);
      assert.equal(itemOf(s, 'm1', 'agentMessage').text, 'part');
      assert.equal(item(s, 'u2').ord, 2);
    },
  },
  {
    name: 'a steer leaves a running command alone',
    events: [...base, started(command('c1')), started(user('u2', 'also this'))],
    expect: (s) => assert.equal(item(s, 'c1').streaming, true),
  },
  {
    name: 'reasoning collects summary parts and raw text by index',
    events: [
      ...base,
      started({ itemId: 'r1', kind: 'reasoning', summary: [], content: [] }),
      { type: 'item.reasoningPartAdded', ...ref, itemId: 'r1', index: 0 },
      { type: 'item.reasoningDelta', ...ref, itemId: 'r1', part: 'summary', index: 0, delta: '**A**' },
      { type: 'item.reasoningPartAdded', ...ref, itemId: 'r1', index: 1 },
      { type: 'item.reasoningDelta', ...ref, itemId: 'r1', part: 'summary', index: 1, delta: 'B' },
      { type: 'item.reasoningDelta', ...ref, itemId: 'r1', part: 'content', index: 0, delta: 'raw' },
    ],
    expect: (s) => {
      const r = itemOf(s, 'r1', 'reasoning');
      assert.deepEqual([r.summary, r.content], [['**A**', 'B'], ['raw']]);
    },
  },
  {
    name: 'a completed reasoning item without parts keeps the streamed ones',
    events: [...base, { type: 'item.reasoningDelta', ...ref, itemId: 'r1', part: 'summary', index: 0, delta: 'S' }, completed({ itemId: 'r1', kind: 'reasoning', summary: [], content: [] })],
    expect: (s) => assert.deepEqual(itemOf(s, 'r1', 'reasoning').summary, ['S']),
  },
  {
    name: 'plan deltas build the plan text',
    events: [...base, started({ itemId: 'p1', kind: 'plan', text: '' }), { type: 'item.planDelta', ...ref, itemId: 'p1', delta: '1. A\n' }, { type: 'item.planDelta', ...ref, itemId: 'p1', delta: '2. B\n' }],
    expect: (s) => assert.equal(itemOf(s, 'p1', 'plan').text, '1. A\n2. B\n'),
  },
  {
    name: 'a streamed patch starts the file change before item/started, which then completes it',
    events: [
      ...base,
      { type: 'item.patchUpdated', ...ref, itemId: 'f1', changes: [{ path: 'a.txt', kind: 'add', movePath: null, diff: 'x\n' }] },
      completed({ itemId: 'f1', kind: 'fileChange', status: 'completed', changes: [{ path: '/w/a.txt', kind: 'add', movePath: null, diff: 'x\n' }] }),
    ],
    expect: (s) => {
      const f = itemOf(s, 'f1', 'fileChange');
      assert.deepEqual([f.changes[0]?.path, f.status, f.ord], ['/w/a.txt', 'completed', 0]);
    },
  },
  {
    name: 'MCP progress shows on the running call and survives its completion snapshot',
    events: [
      ...base,
      started({ itemId: 't1', kind: 'mcpToolCall', server: 's', tool: 't', arguments: '{}', status: 'inProgress', result: null, error: null, durationMs: null, progress: null }),
      { type: 'item.progress', ...ref, itemId: 't1', message: '50%' },
    ],
    expect: (s) => assert.equal(itemOf(s, 't1', 'mcpToolCall').progress, '50%'),
  },
  {
    name: 'progress for an unknown call is dropped (it carries no server or tool to show)',
    events: [...base, { type: 'item.progress', ...ref, itemId: 'nope', message: '50%' }],
    expect: (s) => assert.equal(s.item(T, 'nope'), undefined),
  },
  {
    name: 'an interrupted turn closes its dangling items; a running command becomes interrupted',
    events: [...base, started(agent('m1', 'partial')), started(command('c1')), turnCompleted('interrupted')],
    expect: (s) => {
      assert.equal(item(s, 'm1').streaming, false);
      assert.deepEqual([item(s, 'c1').streaming, itemOf(s, 'c1', 'commandExecution').status], [false, 'interrupted']);
    },
  },
  {
    name: 'a completed turn leaves background commands running, and they complete after it',
    events: [...base, started(command('c1')), turnCompleted('completed'), { type: 'item.outputDelta', ...ref, itemId: 'c1', delta: 'tick\n' }],
    expect: (s) => assert.deepEqual([item(s, 'c1').streaming, itemOf(s, 'c1', 'commandExecution').output], [true, 'tick\n']),
  },
  {
    name: 'a thread without a preview takes its first prompt as preview',
    events: [...base, started(user('u1', 'Fix the build')), started(user('u2', 'Later prompt'))],
    expect: (s) => assert.equal(s.thread(T)?.preview, 'Fix the build'),
  },
];

suite('reduce: items', () => {
  for (const c of cases) test(c.name, () => c.expect(foldEvents(c.events)));

  test('bumps rev on every change of a record', () => {
    const s = foldEvents([...base, started(agent('m1'))]);
    const before = s.item(T, 'm1')?.rev ?? 0;
    foldEvents([textDelta('m1', 'x')], s);
    assert.equal(s.item(T, 'm1')?.rev, before + 1);
  });

  test('takeDirty returns each changed record once, in its newest version', () => {
    const s = foldEvents([...base, started(agent('m1'))]);
    s.takeDirty();
    foldEvents(['a', 'b', 'c'].map((d): DomainEvent => textDelta('m1', d)), s);
    const d = s.takeDirty();
    assert.equal(d.items.length, 1);
    assert.equal(d.items[0]?.kind === 'agentMessage' && d.items[0].text, 'abc');
    assert.equal(s.hasDirty(), false);
  });
});
