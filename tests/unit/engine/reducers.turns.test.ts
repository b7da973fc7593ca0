import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent } from '../../../protocol/events.ts';
import type { TurnErrorView } from '../../../protocol/projections.ts';
import { foldEvents } from './fold.ts';
import { T, U, base, threadUpserted, turnCompleted, type Case } from './events.ts';

const retry: TurnErrorView = { message: 'Reconnecting... 1/2', code: 'responseStreamDisconnected', httpStatus: null, details: 'stream broke' };
const fatal: TurnErrorView = { message: 'Quota exceeded.', code: 'usageLimitExceeded', httpStatus: null, details: null };
const errored = (error: TurnErrorView, willRetry: boolean): DomainEvent => ({ type: 'turn.errored', threadId: T, turnId: U, error, willRetry });

const cases: [Case, ...Case[]] = [
  {
    name: 'a started turn is the thread’s active turn, and the thread is working',
    events: base,
    expect: (s) => {
      assert.equal(s.turn(T, U)?.status, 'inProgress');
      assert.deepEqual([s.thread(T)?.activeTurnId, s.thread(T)?.status], [U, 'working']);
    },
  },
  {
    name: 'a failed turn keeps its error text, and codex’s details when an error told them first',
    events: [...base, errored(fatal, false), turnCompleted('failed', 'Quota exceeded.')],
    expect: (s) => {
      assert.equal(s.turn(T, U)?.error, 'Quota exceeded.');
      assert.deepEqual(s.turn(T, U)?.errorInfo, fatal);
    },
  },
  {
    name: 'a failed turn with only words gets an error without a code',
    events: [...base, turnCompleted('failed', 'out of context')],
    expect: (s) => assert.deepEqual(s.turn(T, U)?.errorInfo, { message: 'out of context', code: null, httpStatus: null, details: null }),
  },
  {
    name: 'a retry is transient: shown while it lasts, gone once the turn ends',
    events: [...base, errored(retry, true)],
    expect: (s) => {
      assert.deepEqual(s.turn(T, U)?.retrying, retry);
      foldEvents([errored(fatal, false), turnCompleted('failed', 'Quota exceeded.')], s);
      assert.deepEqual([s.turn(T, U)?.retrying, s.turn(T, U)?.errorInfo?.code], [null, 'usageLimitExceeded']);
    },
  },
  {
    name: 'a late turn.started (the turn/start response) does not reopen a finished turn',
    events: [...base, turnCompleted('completed'), { type: 'turn.started', threadId: T, turnId: U }],
    expect: (s) => assert.deepEqual([s.turn(T, U)?.status, s.thread(T)?.activeTurnId], ['completed', null]),
  },
  {
    name: 'a turn that ends takes the thread out of working even if codex’s idle status was lost',
    events: [...base, { type: 'thread.statusChanged', threadId: T, status: 'waitingOnApproval' }, turnCompleted('interrupted')],
    expect: (s) => assert.equal(s.thread(T)?.status, 'idle'),
  },
  {
    name: 'systemError is recoverable: the next turn makes the thread working again',
    events: [threadUpserted, { type: 'thread.statusChanged', threadId: T, status: 'systemError' }, { type: 'turn.started', threadId: T, turnId: 'turn_2' }],
    expect: (s) => assert.deepEqual([s.thread(T)?.status, s.thread(T)?.activeTurnId], ['working', 'turn_2']),
  },
  {
    name: 'the turn diff is replaced by each update (it is cumulative)',
    events: [...base, { type: 'turn.diffUpdated', threadId: T, turnId: U, diff: 'one' }, { type: 'turn.diffUpdated', threadId: T, turnId: U, diff: 'one two' }],
    expect: (s) => assert.equal(s.turn(T, U)?.diff, 'one two'),
  },
  {
    name: 'the plan checklist is replaced by each update',
    events: [
      ...base,
      { type: 'turn.planUpdated', threadId: T, turnId: U, plan: { explanation: null, steps: [{ step: 'A', status: 'inProgress' }] } },
      { type: 'turn.planUpdated', threadId: T, turnId: U, plan: { explanation: 'go', steps: [{ step: 'A', status: 'completed' }, { step: 'B', status: 'pending' }] } },
    ],
    expect: (s) => assert.deepEqual(s.turn(T, U)?.plan?.steps.map((x) => x.status), ['completed', 'pending']),
  },
  {
    name: 'a diff for a turn never announced creates it, in progress',
    events: [threadUpserted, { type: 'turn.diffUpdated', threadId: T, turnId: 'x', diff: 'd' }],
    expect: (s) => assert.deepEqual([s.turn(T, 'x')?.status, s.turn(T, 'x')?.diff], ['inProgress', 'd']),
  },
];

suite('reduce: turns', () => {
  for (const c of cases) test(c.name, () => c.expect(foldEvents(c.events)));
});
