/**
 * Storage faults against a real IndexedDB, seen from the tab store the UI renders: the disk is full
 * (every put refused with a QuotaExceededError, as Chromium does when the origin's quota is used up;
 * Chromium's DevTools quota override does not reach Playwright's browser contexts), and a newer
 * version of the app opens the database while this tab holds it. The live session keeps working and
 * the tab says what happened. (The engine side of a failed write: tests/browser/engine/projector.test.ts;
 * migrations and the old connection stepping aside: tests/browser/db/migrations.test.ts.)
 */
import { assert, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import { CHANGES_CHANNEL, type ChannelMessage } from '../../../protocol/engine-api.ts';
import type { DomainEvent } from '../../../protocol/events.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { DB_VERSION } from '../../../web/src/db/schema.ts';
import { Projector } from '../../../web/src/engine/projector.ts';
import { createStore } from '../../../web/src/state/store.ts';
import { STORE_WAIT, silentEngine } from '../support/silent-engine.ts';
import { report } from '../support/test-report.ts';

const T = 'thr_faults';
const U = 'turn_faults';
const thread: DomainEvent = { type: 'thread.upserted', thread: { id: T, name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1 } };
const user: DomainEvent = { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'u1', kind: 'userMessage', text: 'hello' } };
const agent: DomainEvent = { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'm1', kind: 'agentMessage', text: '' } };
const delta = (d: string): DomainEvent => ({ type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm1', delta: d });


const realPut = IDBObjectStore.prototype.put;
/** While on, every IndexedDB put fails as it does on a full disk. */
function diskFull(on: boolean): void {
  IDBObjectStore.prototype.put = on
    ? function put(): IDBRequest<IDBValidKey> {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    : realPut;
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
    const store = await createStore({ engine: silentEngine(), dbName });
    store.selectThread(T);
    projector.apply([thread, user, agent]);
    await projector.flushNow();
    diskFull(true);
    const big = 'x'.repeat(2 * 1024 * 1024);
    projector.apply([delta(big)]);
    await projector.flushNow();
    await waitUntil(() => store.lastError.get() !== null, 'the tab hears about the refused write', STORE_WAIT);
    const said = store.lastError.get() ?? '';
    await report('faults', { storage: 1, failures: /QuotaExceededError/.test(said) ? 0 : 1 });
    assert.include(said, 'refused to save');
    assert.include(said, 'QuotaExceededError');
    assert.include(said, 'free some disk space');
    await waitUntil(() => store.selectedItems.get().some((i) => i.kind === 'agentMessage' && i.text.length === big.length), 'the live change still arrives', STORE_WAIT);

    diskFull(false);
    projector.apply([delta('!')]);
    await projector.flushNow();
    await waitUntil(() => store.lastError.get() === null, 'the message goes once writes succeed again', STORE_WAIT);
    const stored = await db.get('items', [T, 'm1']);
    assert.equal(stored?.kind === 'agentMessage' && stored.text.length, big.length + 1, 'the newest copy was saved');
    db.close();
  });

  test('a newer version of the app opens the database: this tab steps aside and asks for a reload', async () => {
    const store = await createStore({ engine: silentEngine(), dbName });
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
