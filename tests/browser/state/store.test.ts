/**
 * The tab store against a real IndexedDB and BroadcastChannel, fed by the real Projector: history is
 * hydrated from IndexedDB before any engine answer, live changes arrive by notice, and the newer copy
 * of a record wins whatever order the two come in.
 */
import { assert } from '@open-wc/testing';
import { CHANGES_CHANNEL, type ChangeNotice, type ChannelMessage, type EngineApi } from '../../../protocol/engine-api.ts';
import type { DomainEvent } from '../../../protocol/events.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { Projector } from '../../../web/src/engine/projector.ts';
import type { EngineClient } from '../../../web/src/state/engine-client.ts';
import { createStore } from '../../../web/src/state/store.ts';

const T = 'thr_store';
const U = 'turn_store';
const thread: DomainEvent = {
  type: 'thread.upserted',
  thread: { id: T, name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1 },
};
const user: DomainEvent = { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'u1', kind: 'userMessage', text: 'hello' } };
const agent: DomainEvent = { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'm1', kind: 'agentMessage', text: '' } };
const delta = (d: string): DomainEvent => ({ type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta: d });

/** An engine that never answers (the bridge is down and stays down): the store must show history anyway. */
function silentEngine(): EngineClient {
  const never = (): Promise<never> => new Promise(() => undefined);
  const api: EngineApi = {
    connect: never,
    connection: never,
    startThread: never,
    watchThread: never,
    loadMoreThreads: never,
    sendMessage: never,
    interruptTurn: never,
    answerApproval: async () => {
      throw new Error('worker gone');
    },
    renameThread: never,
    archiveThread: never,
    unarchiveThread: never,
    forkThread: never,
    listModels: never,
    saveDraft: never,
    markRead: never,
    retryOutbox: never,
    discardOutbox: never,
    search: never,
    exportThread: never,
    diagnostics: never,
    readAccount: never,
    loginWithApiKey: never,
    startChatGptLogin: never,
    cancelLogin: never,
    logout: never,
    searchFiles: never,
    repairThreads: never,
  };
  // why: comlink's Remote<EngineApi> has the same call shape for these promise-returning methods.
  return api as unknown as EngineClient;
}

function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) return resolve();
      if (performance.now() - start > timeoutMs) return reject(new Error('condition not met in time'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

suite('createStore', () => {
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

  test('shows stored history from IndexedDB with an engine that never answers', async () => {
    const p = await projector();
    p.apply([thread, user, agent, delta('Hi '), delta('there')]);
    await p.flushNow();
    sessionStorage.setItem('okcode.selectedThread', T);
    const store = await createStore({ engine: silentEngine(), dbName });
    assert.equal(store.threads.get().length, 1);
    assert.equal(store.selectedThread.get()?.preview, 'hello');
    // The thread list comes first; the selected thread's items follow without being awaited.
    await until(() => store.selectedItems.get().length === 2);
    const texts = store.selectedItems.get().map((i) => (i.kind === 'agentMessage' || i.kind === 'userMessage' ? i.text : ''));
    assert.deepEqual(texts, ['hello', 'Hi there']);
  });

  test('applies live change notices in order, coalesced by the projector', async () => {
    const p = await projector();
    const store = await createStore({ engine: silentEngine(), dbName });
    store.selectThread(T);
    p.apply([thread, user, agent]);
    for (const d of ['a', 'b', 'c', 'd']) p.apply([delta(d)]);
    await p.flushNow();
    await until(() => store.selectedItems.get().length === 2);
    const last = store.selectedItems.get()[1];
    assert.equal(last?.kind === 'agentMessage' && last.text, 'abcd');
    assert.equal(last?.streaming, true);
  });

  test('keeps the newer record when an older copy arrives later', async () => {
    const p = await projector();
    const store = await createStore({ engine: silentEngine(), dbName });
    store.selectThread(T);
    p.apply([thread, user, agent, delta('new')]);
    await p.flushNow();
    await until(() => store.selectedItems.get().length === 2);
    const current = p.store.item(T, 'm1');
    assert.ok(current);
    const stale = { ...current, text: 'old', rev: 1 };
    const notice: ChangeNotice = { type: 'changes', threads: [], turns: [], items: [stale], approvals: [], outbox: [], removedOutbox: [], drafts: [], server: [], removedItems: [], connection: null };
    new BroadcastChannel(CHANGES_CHANNEL).postMessage(notice);
    await new Promise((r) => setTimeout(r, 50));
    const m = store.selectedItems.get()[1];
    assert.equal(m?.kind === 'agentMessage' && m.text, 'new');
  });

  test('an engine that crashed becomes an error message, not a rejection', async () => {
    const store = await createStore({ engine: silentEngine(), dbName });
    await store.answerApproval('n:0', { kind: 'commandExecution', decision: 'accept' });
    assert.include(store.lastError.get() ?? '', 'Reload');
  });
});
