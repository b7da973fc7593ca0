/**
 * Storage faults against a real IndexedDB, seen from the tab store the UI renders: the disk is full
 * (every put refused with a QuotaExceededError, as Chromium does when the origin's quota is used up;
 * Chromium's DevTools quota override does not reach Playwright's browser contexts), and a newer
 * version of the app opens the database while this tab holds it. The live session keeps working and
 * the tab says what happened. (The engine side of a failed write: tests/browser/engine/projector.test.ts;
 * migrations and the old connection stepping aside: tests/browser/db/migrations.test.ts.)
 */
import { assert } from '@open-wc/testing';
import { openDB } from 'idb';
import { CHANGES_CHANNEL, type ChannelMessage } from '../../../protocol/engine-api.ts';
import type { DomainEvent } from '../../../protocol/events.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { DB_VERSION } from '../../../web/src/db/schema.ts';
import { Projector } from '../../../web/src/engine/projector.ts';
import type { EngineClient } from '../../../web/src/state/engine-client.ts';
import { createStore } from '../../../web/src/state/store.ts';
import { report } from '../support/test-report.ts';

const T = 'thr_faults';
const U = 'turn_faults';
const thread: DomainEvent = { type: 'thread.upserted', thread: { id: T, name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1 } };
const user: DomainEvent = { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'u1', kind: 'userMessage', text: 'hello' } };
const agent: DomainEvent = { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'm1', kind: 'agentMessage', text: '' } };
const delta = (d: string): DomainEvent => ({ type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta: d });

/** An engine whose every call pends: these tests are about storage, not the bridge. */
function idleEngine(): EngineClient {
  return new Proxy({}, { get: () => () => new Promise(() => undefined) }) as EngineClient;
}

const realPut = IDBObjectStore.prototype.put;
/** While on, every IndexedDB put fails as it does on a full disk. */
function diskFull(on: boolean): void {
  IDBObjectStore.prototype.put = on
    ? function put(): IDBRequest<IDBValidKey> {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    : realPut;
}

function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) return resolve();
      if (performance.now() - start > timeoutMs) return reject(new Error(`${what}: not within ${timeoutMs} ms`));
      setTimeout(tick, 10);
    };
    tick();
  });
}

suite('storage faults, as the tab sees them', () => {
  let dbName: string;
  let channel: BroadcastChannel;

  setup(() => {
    dbName = `okcode-faults-${crypto.randomUUID()}`;
    channel = new BroadcastChannel(CHANGES_CHANNEL);
    sessionStorage.clear();
  });
  teardown(async () => {
    diskFull(false);
    channel.close();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  test('the disk is full: the tab says so, the session stays live, and saving resumes once there is room', async () => {
    const db = await openOkcDB(dbName);
    const projector = new Projector(db, (m: ChannelMessage) => channel.postMessage(m));
    const store = await createStore({ engine: idleEngine(), dbName });
    store.selectThread(T);
    projector.apply([thread, user, agent]);
    await projector.flushNow();
    diskFull(true);
    const big = 'x'.repeat(2 * 1024 * 1024);
    projector.apply([delta(big)]);
    await projector.flushNow();
    await until(() => store.lastError.get() !== null, 'the tab hears about the refused write');
    const said = store.lastError.get() ?? '';
    await report('faults', { storage: 1, failures: /QuotaExceededError/.test(said) ? 0 : 1 });
    assert.include(said, 'refused to save');
    assert.include(said, 'QuotaExceededError');
    assert.include(said, 'free some disk space');
    await until(() => store.selectedItems.get().some((i) => i.kind === 'agentMessage' && i.text.length === big.length), 'the live change still arrives');

    diskFull(false);
    projector.apply([delta('!')]);
    await projector.flushNow();
    await until(() => store.lastError.get() === null, 'the message goes once writes succeed again');
    const stored = await db.get('items', [T, 'm1']);
    assert.equal(stored?.kind === 'agentMessage' && stored.text.length, big.length + 1, 'the newest copy was saved');
    db.close();
  });

  test('a newer version of the app opens the database: this tab steps aside and asks for a reload', async () => {
    const store = await createStore({ engine: idleEngine(), dbName });
    assert.isNull(store.lastError.get());
    // The "other tab": a newer build, upgrading the schema. It must not be blocked by this one.
    const newer = await Promise.race([
      openDB(dbName, DB_VERSION + 1),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000)),
    ]);
    const said = store.lastError.get() ?? '';
    await report('faults', { storage: 1, failures: newer !== null && said.includes('Reload') ? 0 : 1 });
    assert.isNotNull(newer, 'the newer version opened');
    assert.include(said, 'updated in another tab');
    assert.include(said, 'Reload this tab');
    newer?.close();
  });
});
