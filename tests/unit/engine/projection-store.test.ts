/**
 * The ProjectionStore's indexes and change tracking (items per thread, streaming items per turn,
 * records changed since the last flush), and the shapes the fast paths of the fold rely on: a delta's
 * record keeps every field of the one before it, and the shared empty patch cannot be filled.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent, ItemSnapshot } from '../../../protocol/events.ts';
import type { ItemRecord } from '../../../protocol/projections.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { reduce } from '../../../web/src/engine/reducers/reduce.ts';
import { NO_CHANGE, patchOf } from '../../../web/src/engine/reducers/state-view.ts';
import { foldEvents } from './fold.ts';
import { T, U, agent, base, command, completed, item, started, textDelta, threadUpserted, type Case } from './events.ts';

const T2 = 'thr_2';
const inThread = (threadId: string, e: DomainEvent): DomainEvent => ({ ...e, threadId }) as DomainEvent;
const streamingIds = (s: ProjectionStore, turnId = U): string[] => s.streamingItems(T, turnId).map((i) => i.itemId).sort();
const textOf = (s: ProjectionStore, threadId: string, itemId: string): string | undefined => {
  const i = s.item(threadId, itemId);
  return i?.kind === 'agentMessage' ? i.text : undefined;
};
const reconciled = (itemIds: string[]): DomainEvent => ({ type: 'turn.reconciled', threadId: T, turnId: U, itemIds });

const cases: [Case, ...Case[]] = [
  {
    name: 'streaming items are those of the turn that have not completed',
    events: [...base, started(agent('m1')), started(command('c1')), completed(agent('m1', 'done'))],
    expect: (s) => assert.deepEqual(streamingIds(s), ['c1']),
  },
  {
    name: 'an item that completes under another turn leaves the streaming items of its first turn',
    events: [...base, started(agent('m1')), started(agent('m2'), 'turn_2'), completed(agent('m1', 'x'), 'turn_2')],
    expect: (s) => {
      assert.deepEqual([streamingIds(s), streamingIds(s, 'turn_2')], [[], ['m2']]);
      assert.equal(item(s, 'm1').turnId, 'turn_2');
    },
  },
  {
    name: 'deltas interleaved across two threads with the same item id each reach their own thread',
    events: [
      ...base,
      inThread(T2, threadUpserted),
      started(agent('m1')),
      inThread(T2, started(agent('m1'))),
      ...['a', 'b', 'c'].flatMap((d) => [textDelta('m1', d), inThread(T2, textDelta('m1', d.toUpperCase()))]),
    ],
    expect: (s) => {
      assert.deepEqual([textOf(s, T, 'm1'), textOf(s, T2, 'm1')], ['abc', 'ABC']);
      assert.deepEqual([s.itemsOf(T).length, s.itemsOf(T2).length], [1, 1]);
    },
  },
  {
    name: 'an item is found in a thread that had none when it was first read',
    events: [...base],
    expect: (s) => {
      assert.equal(s.item(T2, 'm1'), undefined);
      foldEvents([inThread(T2, textDelta('m1', 'hi'))], s);
      assert.equal(textOf(s, T2, 'm1'), 'hi');
    },
  },
  {
    name: 'a removed item is gone from every index and reported removed, not changed',
    events: [...base, started(agent('m1')), started(agent('m2')), reconciled(['m2'])],
    expect: (s) => {
      assert.deepEqual([s.item(T, 'm1'), streamingIds(s), s.itemsOf(T).map((i) => i.itemId)], [undefined, ['m2'], ['m2']]);
      const d = s.takeDirty();
      assert.deepEqual([d.items.map((i) => i.itemId), d.removedItems], [['m2'], [{ threadId: T, itemId: 'm1' }]]);
    },
  },
  {
    name: 'an item stored again after its removal in the same flush is changed, not removed',
    events: [...base, started(agent('m1')), reconciled([]), textDelta('m1', 'back')],
    expect: (s) => {
      const d = s.takeDirty();
      assert.deepEqual([d.items.map((i) => i.itemId), d.removedItems, streamingIds(s)], [['m1'], [], ['m1']]);
    },
  },
  {
    name: 'takeDirty lists items in the order they first changed since the last flush, across threads',
    events: [...base, inThread(T2, threadUpserted), started(agent('m1')), inThread(T2, started(agent('x'))), textDelta('m1', 'a')],
    expect: (s) => {
      assert.deepEqual(s.takeDirty().items.map((i) => `${i.threadId}/${i.itemId}`), [`${T}/m1`, `${T2}/x`]);
      foldEvents([inThread(T2, textDelta('x', 'b')), textDelta('m1', 'c'), inThread(T2, textDelta('x', 'd'))], s);
      const items = s.takeDirty().items;
      assert.deepEqual(items.map((i) => `${i.threadId}/${i.itemId}:${textOf(s, i.threadId, i.itemId) ?? ''}`), [`${T2}/x:bd`, `${T}/m1:ac`]);
      assert.equal(s.hasDirty(), false);
    },
  },
  {
    name: 'turnsOf gives the turns of that thread only',
    events: [...base, inThread(T2, threadUpserted), { type: 'turn.started', threadId: T2, turnId: 'turn_9' }],
    expect: (s) => assert.deepEqual([s.turnsOf(T).map((t) => t.turnId), s.turnsOf(T2).map((t) => t.turnId)], [[U], ['turn_9']]),
  },
];

/** One streamed delta per kind that streams, and the field it changes. */
const deltaCases: { name: string; snapshot: ItemSnapshot; event: DomainEvent; changed: Partial<ItemRecord> }[] = [
  { name: 'text', snapshot: agent('i', 'a'), event: textDelta('i', 'b'), changed: { text: 'ab' } },
  {
    name: 'plan',
    snapshot: { itemId: 'i', kind: 'plan', text: '1.' },
    event: { type: 'item.planDelta', threadId: T, turnId: U, itemId: 'i', delta: ' A' },
    changed: { text: '1. A' },
  },
  {
    name: 'command output',
    snapshot: command('i', { output: 'x', exitCode: 3, durationMs: 9 }),
    event: { type: 'item.outputDelta', threadId: T, turnId: U, itemId: 'i', delta: 'y' },
    changed: { output: 'xy' },
  },
  {
    name: 'reasoning summary',
    snapshot: { itemId: 'i', kind: 'reasoning', summary: ['s'], content: ['c'] },
    event: { type: 'item.reasoningDelta', threadId: T, turnId: U, itemId: 'i', part: 'summary', index: 0, delta: '!' },
    changed: { summary: ['s!'] },
  },
  {
    name: 'reasoning content',
    snapshot: { itemId: 'i', kind: 'reasoning', summary: ['s'], content: ['c'] },
    event: { type: 'item.reasoningDelta', threadId: T, turnId: U, itemId: 'i', part: 'content', index: 1, delta: 'd' },
    changed: { content: ['c', 'd'] },
  },
  {
    name: 'reasoning part',
    snapshot: { itemId: 'i', kind: 'reasoning', summary: ['s'], content: ['c'] },
    event: { type: 'item.reasoningPartAdded', threadId: T, turnId: U, itemId: 'i', index: 1 },
    changed: { summary: ['s', ''] },
  },
];

suite('ProjectionStore', () => {
  for (const c of cases) test(c.name, () => c.expect(foldEvents(c.events)));

  test('load stores records without marking them changed; apply marks them', () => {
    const source = foldEvents([...base, started(agent('m1'))]);
    const loaded = new ProjectionStore();
    loaded.load({ threads: source.allThreads(), turns: source.turnsOf(T), items: source.itemsOf(T) });
    assert.deepEqual([loaded.hasDirty(), streamingIds(loaded), loaded.takeDirty().items], [false, ['m1'], []]);
    foldEvents([textDelta('m1', 'x')], loaded);
    assert.equal(loaded.hasDirty(), true);
  });
});

suite('reduce: the record after a delta', () => {
  for (const c of deltaCases) {
    test(`${c.name}: keeps every other field of the record before it`, () => {
      const s = foldEvents([...base, started(c.snapshot)]);
      const before = item(s, 'i');
      const patch = reduce(s, c.event);
      assert.deepEqual(patch.items, [{ ...before, ...c.changed, rev: before.rev + 1 }]);
      assert.deepEqual([patch.threads, patch.turns, patch.approvals, patch.server], [[], [], [], []]);
    });
  }
});

suite('shared empty patches', () => {
  test('a delta that changes nothing returns the frozen empty patch, which cannot be filled', () => {
    const s = foldEvents([...base, completed(agent('m1', 'done'))]);
    const patch = reduce(s, textDelta('m1', 'late'));
    assert.equal(patch, NO_CHANGE);
    assert.throws(() => patch.items.push(item(s, 'm1')), TypeError);
    assert.throws(() => patchOf({ items: [] }).threads.push(), TypeError);
  });
});
