import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent } from '../../../protocol/events.ts';
import type { NoticeView, ThreadRecord, TurnRecord } from '../../../protocol/projections.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { foldEvents } from './fold.ts';
import { T, U, base, commandRequest as request, threadUpserted, type Case } from './events.ts';

const warn = (message: string): NoticeView => ({ kind: 'warning', message, details: null });
const accept = { kind: 'commandExecution', decision: 'accept' } as const;

const threadCases: [Case, ...Case[]] = [
  {
    name: 'thread status and name follow their notifications',
    events: [...base, { type: 'thread.statusChanged', threadId: T, status: 'waitingOnApproval' }, { type: 'thread.renamed', threadId: T, name: 'Fix tests' }],
    expect: (s) => assert.deepEqual([s.thread(T)?.status, s.thread(T)?.name], ['waitingOnApproval', 'Fix tests']),
  },
  {
    name: 'archived until unarchived',
    events: [threadUpserted, { type: 'thread.archived', threadId: T, archived: true }],
    expect: (s) => {
      assert.equal(s.thread(T)?.archived, true);
      foldEvents([{ type: 'thread.archived', threadId: T, archived: false }], s);
      assert.equal(s.thread(T)?.archived, false);
    },
  },
  {
    name: 'a closed thread is not loaded and runs nothing',
    events: [...base, { type: 'thread.closed', threadId: T }],
    expect: (s) => assert.deepEqual([s.thread(T)?.status, s.thread(T)?.activeTurnId], ['notLoaded', null]),
  },
  {
    name: 'a deleted thread says so',
    events: [threadUpserted, { type: 'thread.deleted', threadId: T }],
    expect: (s) => assert.equal(s.thread(T)?.deleted, true),
  },
  {
    name: 'token usage is the last report, context window included',
    events: [
      threadUpserted,
      {
        type: 'thread.tokenUsage',
        threadId: T,
        usage: { total: { total: 10, input: 8, cachedInput: 0, output: 2, reasoningOutput: 0 }, last: { total: 10, input: 8, cachedInput: 0, output: 2, reasoningOutput: 0 }, contextWindow: 200_000 },
      },
    ],
    expect: (s) => assert.deepEqual([s.thread(T)?.tokenUsage?.total.total, s.thread(T)?.tokenUsage?.contextWindow], [10, 200_000]),
  },
  {
    name: 'a repeated warning shows once, at its latest place',
    events: [threadUpserted, ...['a', 'b', 'a'].map((m): DomainEvent => ({ type: 'thread.notice', threadId: T, notice: warn(m) }))],
    expect: (s) => assert.deepEqual(s.thread(T)?.notices.map((n) => n.message), ['b', 'a']),
  },
  {
    name: 'notices are bounded',
    events: [threadUpserted, ...Array.from({ length: 30 }, (_, i): DomainEvent => ({ type: 'thread.notice', threadId: T, notice: warn(`w${i}`) }))],
    expect: (s) => assert.deepEqual([s.thread(T)?.notices.length, s.thread(T)?.notices[0]?.message], [20, 'w10']),
  },
];

const serverCases: [Case, ...Case[]] = [
  {
    name: 'rate-limit updates are sparse: null keeps what was known',
    events: [
      { type: 'server.rateLimits', update: { primary: { usedPercent: 40, windowMinutes: 300, resetsAt: 9 }, secondary: null, hasCredits: true, planType: 'pro' } },
      { type: 'server.rateLimits', update: { primary: null, secondary: { usedPercent: 5, windowMinutes: 10080, resetsAt: null }, hasCredits: null, planType: null } },
    ],
    expect: (s) => {
      const r = s.server()?.rateLimits;
      assert.deepEqual([r?.primary?.usedPercent, r?.secondary?.usedPercent, r?.hasCredits, r?.planType], [40, 5, true, 'pro']);
    },
  },
  {
    name: 'account and login follow their notifications',
    events: [{ type: 'server.accountUpdated', authMode: 'apikey', planType: null }, { type: 'server.loginCompleted', success: false, error: 'Login cancelled' }],
    expect: (s) => assert.deepEqual([s.server()?.authMode, s.server()?.lastLogin?.error], ['apikey', 'Login cancelled']),
  },
  {
    name: 'server notices (config warnings, deprecations) are kept once each',
    events: [{ type: 'server.notice', notice: { kind: 'deprecation', message: 'd', details: null } }, { type: 'server.notice', notice: { kind: 'deprecation', message: 'd', details: null } }],
    expect: (s) => assert.equal(s.server()?.notices.length, 1),
  },
];

const approvalCases: [Case, ...Case[]] = [
  {
    name: 'a request goes pending, answered, resolved',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.answered', requestKey: 'n:0', decision: accept }, { type: 'approval.resolved', requestKey: 'n:0' }],
    expect: (s) => {
      assert.deepEqual([s.approval('n:0')?.state, s.approval('n:0')?.decision], ['resolved', accept]);
      assert.deepEqual(s.openApprovals(), []);
    },
  },
  {
    name: 'a second answer does not replace the first',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.answered', requestKey: 'n:0', decision: { kind: 'commandExecution', decision: 'decline' } }, { type: 'approval.answered', requestKey: 'n:0', decision: accept }],
    expect: (s) => assert.deepEqual(s.approval('n:0')?.decision, { kind: 'commandExecution', decision: 'decline' }),
  },
  {
    name: 'an answer of another kind is not an answer',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.answered', requestKey: 'n:0', decision: { kind: 'fileChange', decision: 'accept' } }],
    expect: (s) => assert.equal(s.approval('n:0')?.state, 'pending'),
  },
  {
    name: 'a re-sent request (after resume) keeps the answer already given',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.answered', requestKey: 'n:0', decision: accept }, { type: 'approval.requested', request }],
    expect: (s) => assert.equal(s.approval('n:0')?.state, 'answered'),
  },
  {
    name: 'all open requests expire when the codex connection is replaced',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.allExpired' }],
    expect: (s) => assert.equal(s.approval('n:0')?.state, 'resolved'),
  },
  {
    name: 'a resolved id that comes again (codex restarted its counter) is a new request',
    events: [...base, { type: 'approval.requested', request }, { type: 'approval.resolved', requestKey: 'n:0' }, { type: 'approval.requested', request: { ...request, turnId: 'turn_2' } }],
    expect: (s) => assert.deepEqual([s.approval('n:0')?.state, s.approval('n:0')?.turnId], ['pending', 'turn_2']),
  },
];

suite('reduce: threads, server, requests', () => {
  for (const c of [...threadCases, ...serverCases, ...approvalCases]) test(c.name, () => c.expect(foldEvents(c.events)));

  test('records read from IndexedDB that an older build wrote get the new fields', () => {
    const s = new ProjectionStore();
    const oldThread: unknown = { id: T, name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1, activeTurnId: null, nextOrd: 0, rev: 3 };
    const oldTurn: unknown = { threadId: T, turnId: U, status: 'completed', error: null, rev: 1 };
    // why: exactly the shapes build 1 wrote, which lack fields ThreadRecord and TurnRecord have now.
    s.load({ threads: [oldThread as ThreadRecord], turns: [oldTurn as TurnRecord] });
    assert.deepEqual([s.thread(T)?.notices, s.thread(T)?.archived, s.thread(T)?.rev, s.turn(T, U)?.plan], [[], false, 3, null]);
    foldEvents([{ type: 'thread.notice', threadId: T, notice: warn('x') }], s);
    assert.equal(s.thread(T)?.notices.length, 1);
  });
});
