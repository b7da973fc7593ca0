/**
 * Opening the app on a long thread: the store hands over the thread list without waiting for any
 * items; the selected thread's newest items follow first, then the rest in pages.
 */
import { assert, waitUntil } from '@open-wc/testing';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { Signal } from '../../../web/src/state/signals.ts';
import { createStore } from '../../../web/src/state/store.ts';
import { item, thread } from '../support/builders.ts';
import { silentEngine } from '../support/silent-engine.ts';

const T = 'thr_long';
const ITEMS = 2500;


/** The selected items' ords, at first and each time they change (read in the microtask after the change). */
function watchOrds(read: () => readonly { ord: number }[]): { seen: number[][]; stop: () => void } {
  const seen: number[][] = [];
  const ords = new Signal.Computed(() => read().map((i) => i.ord));
  const watcher = new Signal.subtle.Watcher(() =>
    queueMicrotask(() => {
      seen.push(ords.get());
      watcher.watch();
    }),
  );
  watcher.watch(ords);
  seen.push(ords.get());
  return { seen, stop: () => watcher.unwatch(ords) };
}

suite('createStore on a long thread', () => {
  let dbName: string;

  setup(async () => {
    dbName = `okcode-test-${crypto.randomUUID()}`;
    sessionStorage.clear();
    const db = await openOkcDB(dbName);
    const tx = db.transaction(['threads', 'items'], 'readwrite');
    void tx.objectStore('threads').put(thread({ id: T, nextOrd: ITEMS }));
    void tx.objectStore('threads').put(thread({ id: 'other' }));
    for (let i = 0; i < ITEMS; i++) {
      void tx.objectStore('items').put(item({ kind: 'userMessage', text: `m${i}` }, { itemId: `i${i}`, threadId: T, ord: i }));
    }
    await tx.done;
    db.close();
    sessionStorage.setItem('okcode.selectedThread', T);
  });

  teardown(async () => {
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  test('returns with the thread list; the selected thread\'s newest items follow, not all of them', async () => {
    const store = await createStore({ engine: silentEngine(), dbName });
    assert.lengthOf(store.threads.get(), 2);
    assert.equal(store.selectedThreadId.get(), T);
    // why a watcher, not a poll: on a loaded machine a poll can first look after the older pages too
    // have arrived; the watcher sees each change as it happens.
    const { seen, stop } = watchOrds(() => store.selectedItems.get());
    await waitUntil(() => seen.some((s) => s.length > 0), 'the newest items arrive');
    stop();
    const first = seen.find((s) => s.length > 0) ?? [];
    assert.isAbove(first.length, 20, 'more than a screenful');
    assert.isBelow(first.length, 100, 'the older items are not awaited');
    assert.equal(first.at(-1), ITEMS - 1, 'the newest items');
  });

  test('reads the newest items first, then the older ones in pages, ending in transcript order', async () => {
    const store = await createStore({ engine: silentEngine(), dbName });
    const { seen, stop } = watchOrds(() => store.selectedItems.get());
    await new Promise<void>((resolve, reject) => {
      const started = performance.now();
      const check = (): void => {
        if (store.selectedItems.get().length === ITEMS) resolve();
        else if (performance.now() - started > 5000) reject(new Error(`only ${store.selectedItems.get().length} items`));
        else setTimeout(check, 10);
      };
      check();
    });
    stop();
    const steps = seen.filter((ords) => ords.length > 0);
    const first = steps[0] ?? [];
    assert.isAbove(first.length, 20, 'more than a screenful comes first');
    assert.isBelow(first.length, 100, 'but not much more');
    assert.equal(first.at(-1), ITEMS - 1, 'the newest items');
    assert.isAbove(steps.length, 2, 'the older ones follow in pages');
    assert.deepEqual(store.selectedItems.get().map((i) => i.ord), Array.from({ length: ITEMS }, (_, i) => i));
  });
});
