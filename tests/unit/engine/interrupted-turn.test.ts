/**
 * An interrupted turn against the real codex: codex keeps no record of what the turn left unfinished
 * (a command cancelled at its approval, a reply stopped mid-stream), so the live fold alone would keep
 * items that codex's thread/read and every reload leave out. Reading the turn's items right at
 * turn/completed (as the engine does) and applying `finishedTurnEvents` gives what a full resync gives.
 * Found by the long-session fault test (tests/e2e/long-session.test.ts).
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCodexHarness, type CodexHarness } from '../../support/codex-harness.ts';
import { startThread, startTurn, waitForTurnCompleted, type TurnHandle } from '../../support/codex-turns.ts';
import { isNotification, isServerRequest } from '../../support/codex-frames.ts';
import type { Thread, ThreadItemEntry, Turn } from '../../../protocol/codex/methods.ts';
import { finishedTurnEvents, resyncEvents } from '../../../web/src/engine/resync.ts';
import type { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { foldEvents, foldFrames } from './fold.ts';

function view(store: ProjectionStore, threadId: string): unknown {
  return store.itemsOf(threadId).map(({ rev: _r, ord: _o, streaming: _s, ...rest }) => rest);
}

suite('an interrupted turn, reconciled at turn/completed', () => {
  let h: CodexHarness;
  let threadId: string;
  const atCompletion = new Map<string, ThreadItemEntry[]>();

  /** What the engine does on turn/completed (interrupted): read that turn's items at once. */
  async function finish(turn: TurnHandle): Promise<void> {
    await waitForTurnCompleted(h.client, turn);
    const r = await h.client.request<{ data: ThreadItemEntry[] }>('thread/items/list', { threadId, turnId: turn.turnId, limit: 500 });
    atCompletion.set(turn.turnId, r.data);
  }

  before(async () => {
    h = await startCodexHarness();
    threadId = (await startThread(h.client, { cwd: h.env.workDir, approvalPolicy: 'untrusted' })).thread.id;
    const cancelled = await startTurn(h.client, threadId, '[cmd:echo never-runs]');
    const req = await h.client.waitFor((f) => isServerRequest(f, 'item/commandExecution/requestApproval'));
    h.client.respond(req['id'] as number, { decision: 'cancel' });
    await finish(cancelled);
    const stopped = await startTurn(h.client, threadId, '[slow:150] stop me halfway');
    await h.client.waitFor((f) => isNotification(f, 'item/agentMessage/delta'), 10_000, stopped.from);
    await h.client.request('turn/interrupt', { threadId, turnId: stopped.turnId });
    await finish(stopped);
  });

  after(async () => {
    await h?.close();
  });

  test('the live fold plus the reconciliation equals a resync from codex', async () => {
    const live = foldFrames(h.client.frames).store;
    const before = view(live, threadId);
    for (const [turnId, entries] of atCompletion) foldEvents(finishedTurnEvents(threadId, turnId, entries), live);

    const { thread } = await h.client.request<{ thread: Thread }>('thread/resume', { threadId, excludeTurns: true });
    const turns = await h.client.request<{ data: Turn[] }>('thread/turns/list', { threadId, sortDirection: 'asc', limit: 100 });
    const items = await h.client.request<{ data: ThreadItemEntry[] }>('thread/items/list', { threadId, limit: 500 });
    const synced = foldEvents(resyncEvents(thread, turns.data, items.data));

    assert.deepEqual(view(live, threadId), view(synced, threadId));
    assert.notDeepEqual(before, view(synced, threadId), 'without the reconciliation the live fold keeps what codex dropped');
  });

  test('reconciling twice changes nothing', () => {
    const store = foldFrames(h.client.frames).store;
    for (const [turnId, entries] of atCompletion) foldEvents(finishedTurnEvents(threadId, turnId, entries), store);
    const once = view(store, threadId);
    for (const [turnId, entries] of atCompletion) foldEvents(finishedTurnEvents(threadId, turnId, entries), store);
    assert.deepEqual(view(store, threadId), once);
  });
});
