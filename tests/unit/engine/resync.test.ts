/**
 * Resync against the real codex: whatever prefix of the live stream the engine saw before it lost the
 * connection, applying codex's own account of the thread (resume + turns + items) gives the same
 * transcript as having seen every frame, and applying it twice changes nothing.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCodexHarness, type CodexHarness } from '../../support/codex-harness.ts';
import { startThread, startTurn, waitForTurnCompleted } from '../../support/codex-turns.ts';
import { isServerRequest } from '../../support/codex-frames.ts';
import type { Thread, ThreadItemEntry, Turn } from '../../../protocol/codex/methods.ts';
import { deliveredClientIds, resyncEvents } from '../../../web/src/engine/resync.ts';
import type { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { foldEvents, foldFrames } from './fold.ts';

/** What the transcript shows, without bookkeeping (rev, ord numbering of items first seen late). */
function view(store: ProjectionStore, threadId: string): unknown {
  return {
    items: store.itemsOf(threadId).map(({ rev: _r, ord: _o, ...rest }) => rest),
    status: store.thread(threadId)?.status,
    activeTurnId: store.thread(threadId)?.activeTurnId,
  };
}

suite('resync from codex', () => {
  let h: CodexHarness;
  let threadId: string;
  let frames: Record<string, unknown>[];
  let state: { thread: Thread; turns: Turn[]; entries: ThreadItemEntry[] };

  before(async () => {
    h = await startCodexHarness();
    const { thread } = await startThread(h.client, { cwd: h.env.workDir, approvalPolicy: 'untrusted' });
    threadId = thread.id;
    const first = await startTurn(h.client, threadId, 'Hello there', { clientUserMessageId: 'client-msg-1' });
    await waitForTurnCompleted(h.client, first);
    const second = await startTurn(h.client, threadId, '[cmd:echo resync-ok]');
    const req = await h.client.waitFor((f) => isServerRequest(f, 'item/commandExecution/requestApproval'));
    h.client.respond(req['id'] as number, { decision: 'accept' });
    await waitForTurnCompleted(h.client, second);
    frames = [...h.client.frames];
    const resumed = await h.client.request<{ thread: Thread }>('thread/resume', { threadId, excludeTurns: true });
    const turns = await h.client.request<{ data: Turn[] }>('thread/turns/list', { threadId, sortDirection: 'asc', limit: 100 });
    const items = await h.client.request<{ data: ThreadItemEntry[] }>('thread/items/list', { threadId, limit: 500 });
    state = { thread: resumed.thread, turns: turns.data, entries: items.data };
  });

  after(async () => {
    await h?.close();
  });

  test('codex reports the client id it was given for a user message', () => {
    assert.deepEqual(deliveredClientIds(state.entries), ['client-msg-1']);
  });

  test('a resync into an empty projection gives the live transcript', () => {
    const live = foldFrames(frames).store;
    const synced = foldEvents(resyncEvents(state.thread, state.turns, state.entries));
    assert.deepEqual(view(synced, threadId), view(live, threadId));
    assert.ok(live.itemsOf(threadId).length >= 5, 'the scenario produced a real transcript');
  });

  test('a resync after any prefix of the live frames gives the same transcript', () => {
    const expected = view(foldFrames(frames).store, threadId);
    const step = Math.max(1, Math.floor(frames.length / 25));
    for (let cut = 0; cut <= frames.length; cut += step) {
      const store = foldFrames(frames.slice(0, cut)).store;
      foldEvents(resyncEvents(state.thread, state.turns, state.entries), store);
      assert.deepEqual(view(store, threadId), expected, `after a cut at frame ${cut} of ${frames.length}`);
    }
  });

  test('applying the same resync twice changes nothing', () => {
    const store = foldFrames(frames).store;
    const events = resyncEvents(state.thread, state.turns, state.entries);
    foldEvents(events, store);
    const once = view(store, threadId);
    foldEvents(events, store);
    assert.deepEqual(view(store, threadId), once);
  });
});
