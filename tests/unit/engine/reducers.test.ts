import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent } from '../../../protocol/events.ts';
import type { ItemRecord } from '../../../protocol/projections.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { reduce } from '../../../web/src/engine/reducers/reduce.ts';
import { foldEvents } from './fold.ts';

const T = 'thr_1';
const U = 'turn_1';
const started = (itemId: string, text = ''): DomainEvent => ({
  type: 'item.started',
  threadId: T,
  turnId: U,
  item: { itemId, kind: 'agentMessage', text },
});
const cmd = (itemId: string, status: 'inProgress' | 'completed', output = '', exitCode: number | null = null): DomainEvent => ({
  type: status === 'inProgress' ? 'item.started' : 'item.completed',
  threadId: T,
  turnId: U,
  item: { itemId, kind: 'commandExecution', command: 'echo hi', cwd: '/w', output, exitCode, durationMs: null, status },
});
const base: DomainEvent[] = [
  { type: 'thread.upserted', thread: { id: T, name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1 } },
  { type: 'turn.started', threadId: T, turnId: U },
];

interface Case {
  name: string;
  events: DomainEvent[];
  expect: (s: ProjectionStore) => void;
}

const item = (s: ProjectionStore, id: string): ItemRecord => {
  const i = s.item(T, id);
  assert.ok(i, `item ${id} exists`);
  return i;
};

const cases: [Case, ...Case[]] = [
  {
    name: 'appends agent message deltas in order',
    events: [...base, started('m1'), ...['Hel', 'lo', '!'].map((delta): DomainEvent => ({ type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta }))],
    expect: (s) => {
      const i = item(s, 'm1');
      assert.equal(i.kind === 'agentMessage' && i.text, 'Hello!');
      assert.equal(i.streaming, true);
    },
  },
  {
    name: 'the completed item replaces the streamed text and stops streaming',
    events: [...base, started('m1'), { type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta: 'Hel' }, { type: 'item.completed', threadId: T, turnId: U, item: { itemId: 'm1', kind: 'agentMessage', text: 'Hello' } }],
    expect: (s) => {
      const i = item(s, 'm1');
      assert.equal(i.kind === 'agentMessage' && i.text, 'Hello');
      assert.equal(i.streaming, false);
    },
  },
  {
    name: 'keeps first-appearance order whatever order completions arrive in',
    events: [...base, started('a'), started('b'), { type: 'item.completed', threadId: T, turnId: U, item: { itemId: 'b', kind: 'agentMessage', text: 'B' } }, { type: 'item.completed', threadId: T, turnId: U, item: { itemId: 'a', kind: 'agentMessage', text: 'A' } }],
    expect: (s) => {
      assert.equal(item(s, 'a').ord, 0);
      assert.equal(item(s, 'b').ord, 1);
      assert.equal(s.thread(T)?.nextOrd, 2);
    },
  },
  {
    name: 'starts an item from a delta for an item never started',
    events: [...base, { type: 'item.textDelta', threadId: T, turnId: U, itemId: 'ghost', delta: 'boo' }],
    expect: (s) => assert.equal(item(s, 'ghost').kind === 'agentMessage' && (item(s, 'ghost') as { text: string }).text, 'boo'),
  },
  {
    name: 'keeps streamed command output when the completed item has none (missing aggregatedOutput)',
    events: [...base, cmd('c1', 'inProgress'), { type: 'item.outputDelta', threadId: T, turnId: U, itemId: 'c1', delta: 'hi\n' }, cmd('c1', 'completed', '', 0)],
    expect: (s) => {
      const i = item(s, 'c1');
      assert.equal(i.kind === 'commandExecution' && i.output, 'hi\n');
      assert.equal(i.kind === 'commandExecution' && i.exitCode, 0);
    },
  },
  {
    name: 'an interrupted turn closes its dangling items',
    events: [...base, started('m1', 'partial'), cmd('c1', 'inProgress'), { type: 'turn.completed', threadId: T, turnId: U, status: 'interrupted', error: null }],
    expect: (s) => {
      assert.equal(item(s, 'm1').streaming, false);
      const c = item(s, 'c1');
      assert.equal(c.streaming, false);
      assert.equal(c.kind === 'commandExecution' && c.status, 'declined');
      assert.equal(s.thread(T)?.activeTurnId, null);
      assert.equal(s.turn(T, U)?.status, 'interrupted');
    },
  },
  {
    name: 'a completed turn leaves background commands running',
    events: [...base, cmd('c1', 'inProgress'), { type: 'turn.completed', threadId: T, turnId: U, status: 'completed', error: null }],
    expect: (s) => assert.equal(item(s, 'c1').streaming, true),
  },
  {
    name: 'a failed turn keeps its error text',
    events: [...base, { type: 'turn.completed', threadId: T, turnId: U, status: 'failed', error: 'out of context' }],
    expect: (s) => assert.equal(s.turn(T, U)?.error, 'out of context'),
  },
  {
    name: 'a late turn.started (the turn/start response) does not reopen a finished turn',
    events: [...base, { type: 'turn.completed', threadId: T, turnId: U, status: 'completed', error: null }, { type: 'turn.started', threadId: T, turnId: U }],
    expect: (s) => {
      assert.equal(s.turn(T, U)?.status, 'completed');
      assert.equal(s.thread(T)?.activeTurnId, null);
    },
  },
  {
    name: 'a thread without a preview takes its first prompt as preview',
    events: [...base, { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'u1', kind: 'userMessage', text: 'Fix the build' } }, { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'u2', kind: 'userMessage', text: 'Later prompt' } }],
    expect: (s) => assert.equal(s.thread(T)?.preview, 'Fix the build'),
  },
  {
    name: 'thread status and name follow their notifications',
    events: [...base, { type: 'thread.statusChanged', threadId: T, status: 'waitingOnApproval' }, { type: 'thread.renamed', threadId: T, name: 'Fix tests' }],
    expect: (s) => {
      assert.equal(s.thread(T)?.status, 'waitingOnApproval');
      assert.equal(s.thread(T)?.name, 'Fix tests');
    },
  },
];

const request = { requestKey: 'n:0', kind: 'commandExecution' as const, threadId: T, turnId: U, itemId: 'c1', command: 'echo hi', cwd: '/w', reason: null };
const approvalCases: [Case, ...Case[]] = [
  {
    name: 'an approval goes pending, answered, resolved',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.answered', requestKey: 'n:0', decision: 'accept' }, { type: 'approval.resolved', requestKey: 'n:0' }],
    expect: (s) => {
      assert.equal(s.approval('n:0')?.state, 'resolved');
      assert.equal(s.approval('n:0')?.decision, 'accept');
      assert.deepEqual(s.openApprovals(), []);
    },
  },
  {
    name: 'a second answer does not replace the first',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.answered', requestKey: 'n:0', decision: 'decline' }, { type: 'approval.answered', requestKey: 'n:0', decision: 'accept' }],
    expect: (s) => assert.equal(s.approval('n:0')?.decision, 'decline'),
  },
  {
    name: 'a re-sent request (after resume) keeps the answer already given',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.answered', requestKey: 'n:0', decision: 'accept' }, { type: 'approval.requested', request }],
    expect: (s) => assert.equal(s.approval('n:0')?.state, 'answered'),
  },
  {
    name: 'all open approvals expire when the codex connection is replaced',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.allExpired' }],
    expect: (s) => assert.equal(s.approval('n:0')?.state, 'resolved'),
  },
];

suite('reduce', () => {
  for (const c of [...cases, ...approvalCases]) test(c.name, () => c.expect(foldEvents(c.events)));

  test('never mutates the records it reads', () => {
    const s = foldEvents([...base, started('m1', 'a'), { type: 'approval.requested', request }]);
    const frozen = [s.thread(T), s.item(T, 'm1'), s.approval('n:0'), s.turn(T, U)];
    const snapshot = JSON.stringify(frozen);
    for (const r of frozen) Object.freeze(r);
    const events: DomainEvent[] = [
      { type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta: 'b' },
      { type: 'approval.answered', requestKey: 'n:0', decision: 'accept' },
      { type: 'thread.statusChanged', threadId: T, status: 'working' },
      { type: 'turn.completed', threadId: T, turnId: U, status: 'failed', error: 'x' },
    ];
    for (const e of events) reduce(s, e); // throws on a write to a frozen record (strict mode)
    assert.equal(JSON.stringify(frozen), snapshot);
  });

  test('bumps rev on every change of a record', () => {
    const s = foldEvents([...base, started('m1')]);
    const before = s.item(T, 'm1')?.rev ?? 0;
    foldEvents([{ type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta: 'x' }], s);
    assert.equal(s.item(T, 'm1')?.rev, before + 1);
  });

  test('takeDirty returns each changed record once, in its newest version', () => {
    const s = foldEvents([...base, started('m1')]);
    s.takeDirty();
    foldEvents(['a', 'b', 'c'].map((delta): DomainEvent => ({ type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta })), s);
    const d = s.takeDirty();
    assert.equal(d.items.length, 1);
    assert.equal(d.items[0]?.kind === 'agentMessage' && d.items[0].text, 'abc');
    assert.equal(s.hasDirty(), false);
  });
});
