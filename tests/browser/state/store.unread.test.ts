/**
 * Unread markers in the tab store, against a real IndexedDB and BroadcastChannel fed by the real
 * Projector: a stored marker shows after a reload, a new one arrives by notice, and showing the thread
 * in this (visible) tab asks the engine to clear it.
 */
import { assert, waitUntil } from '@open-wc/testing';
import { CHANGES_CHANNEL, type ChannelMessage } from '../../../protocol/engine-api.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { Projector } from '../../../web/src/engine/projector.ts';
import type { EngineClient } from '../../../web/src/state/engine-client.ts';
import { createStore } from '../../../web/src/state/store.ts';
import { silentEngine } from '../support/silent-engine.ts';

/** An engine that never answers, except markRead, which records the thread it was asked about. */
function engineRecordingReads(asked: string[]): EngineClient {
  return silentEngine({ markRead: async ({ threadId }) => void asked.push(threadId) });
}

suite('createStore unread markers', () => {
  let dbName: string;
  let channel: BroadcastChannel;

  setup(() => {
    dbName = `okcode-test-${crypto.randomUUID()}`;
    channel = new BroadcastChannel(CHANGES_CHANNEL);
    sessionStorage.clear();
  });
  teardown(async () => {
    channel.close();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  async function projector(): Promise<Projector> {
    const db = await openOkcDB(dbName);
    return new Projector(db, (n: ChannelMessage) => channel.postMessage(n));
  }

  test('a stored marker shows after a reload; showing the thread asks the engine to clear it', async () => {
    const p = await projector();
    p.local.setUnread('a', true);
    p.local.setUnread('b', true);
    p.localChanged();
    await p.flushNow();
    const asked: string[] = [];
    const store = await createStore({ engine: engineRecordingReads(asked), dbName });
    assert.deepEqual([...store.unreadThreads.get()].sort(), ['a', 'b']);
    assert.deepEqual(asked, []);
    store.selectThread('b');
    assert.deepEqual(asked, ['b']);
    // why: selecting also reads the thread's (empty) history from IndexedDB; let those reads finish
    // before teardown deletes the database under them (they would log an InvalidStateError).
    await new Promise((resolve) => setTimeout(resolve, 100));
  });

  test('a marker set while this tab shows the thread is cleared at once; others stay', async () => {
    const p = await projector();
    const asked: string[] = [];
    const store = await createStore({ engine: engineRecordingReads(asked), dbName });
    store.selectThread('a');
    p.local.setUnread('a', true);
    p.local.setUnread('c', true);
    p.localChanged();
    await p.flushNow();
    await waitUntil(() => store.unreadThreads.get().size === 2, 'both markers arrive');
    assert.deepEqual(asked, ['a']);
  });
});
