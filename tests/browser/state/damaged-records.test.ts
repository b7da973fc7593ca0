/**
 * Damaged records in a real IndexedDB (a thread whose preview is null, an item of a kind no build
 * knows, an agent message whose text is a number): the tab and the engine skip them, the app still
 * shows everything else and says what happened, the tab asks the engine to re-read their threads from
 * codex, and the engine counts them in its diagnostics. An item card that cannot render shows a
 * placeholder instead of throwing.
 */
import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import type { ItemRecord, ThreadRecord } from '../../../protocol/projections.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { Engine } from '../../../web/src/engine/engine.ts';
import { Projector } from '../../../web/src/engine/projector.ts';
import type { EngineClient } from '../../../web/src/state/engine-client.ts';
import { createStore } from '../../../web/src/state/store.ts';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import '../../../web/src/ui/item-card.ts';
import type { ItemCard } from '../../../web/src/ui/item-card.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { item, thread, turn } from '../support/builders.ts';
import { STORE_WAIT, silentEngine } from '../support/silent-engine.ts';
import { report } from '../support/test-report.ts';
import { transcriptSettled } from '../ui/transcript-settle.ts';

const OK = 'thr_ok';
const BAD = 'thr_bad';

/** why the cast: a damaged record is exactly what the record types rule out. */
function damaged<T>(record: object): T {
  return record as T;
}

const goodThread = thread({ id: OK, name: 'Healthy thread', nextOrd: 4 });
const badThread = damaged<ThreadRecord>({ ...thread({ id: BAD, name: 'Damaged thread' }), preview: null });
const goodItems = [
  item({ kind: 'userMessage', text: 'hello before the damage' }, { itemId: 'u1', threadId: OK, ord: 0 }),
  item({ kind: 'agentMessage', text: 'still here after it' }, { itemId: 'm2', threadId: OK, ord: 3 }),
];
const badItems = [
  damaged<ItemRecord>({ ...goodItems[0], itemId: 'x1', ord: 1, kind: 'hologram' }),
  damaged<ItemRecord>({ ...goodItems[1], itemId: 'm1', ord: 2, text: 42 }),
];
/** An item of the damaged thread: kept, and new items of that thread are numbered after it. */
const orphan = item({ kind: 'userMessage', text: 'in the damaged thread' }, { itemId: 'o1', threadId: BAD, ord: 5 });
const DAMAGED = 3;

/** An engine whose every call pends, except `repairThreads`, which it records. */
function recordingEngine(repairs: string[][]): EngineClient {
  return silentEngine({ repairThreads: async ({ threadIds }) => void repairs.push(threadIds) });
}


suite('damaged records in IndexedDB', () => {
  let dbName: string;

  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));
  setup(async () => {
    dbName = `okcode-damaged-${crypto.randomUUID()}`;
    sessionStorage.clear();
    const db = await openOkcDB(dbName);
    const tx = db.transaction(['threads', 'turns', 'items'], 'readwrite');
    for (const t of [goodThread, badThread]) void tx.objectStore('threads').put(t);
    void tx.objectStore('turns').put(turn({ threadId: OK, turnId: 't1' }));
    for (const i of [...goodItems, ...badItems, orphan]) void tx.objectStore('items').put(i);
    await tx.done;
    db.close();
  });
  teardown(async () => {
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  test('the app shows the other threads and items, says what it skipped, and asks for a re-read', async () => {
    sessionStorage.setItem('okcode.selectedThread', OK);
    const repairs: string[][] = [];
    const store = await createStore({ engine: recordingEngine(repairs), dbName });
    const app = await fixture<AppShell>(html`<okc-app .store=${store}></okc-app>`);
    await waitUntil(() => store.selectedItems.get().length === goodItems.length, 'the good items load', STORE_WAIT);
    await transcriptSettled(app);

    const threads = getByRole(app, 'navigation', { name: 'Threads' });
    const shown = visibleText(getByRole(app, 'log'));
    const said = visibleText(getByRole(app, 'alert'));
    const failures = [
      queryAllByRole(threads, 'button', { name: /Healthy thread/ }).length === 1,
      shown.includes('hello before the damage') && shown.includes('still here after it'),
      said.includes(`${DAMAGED} damaged records`),
    ].filter((ok) => !ok).length;
    await report('faults', { storage: DAMAGED, failures });

    assert.lengthOf(queryAllByRole(threads, 'button', { name: /Healthy thread/ }), 1, 'the sound thread is listed');
    assert.lengthOf(queryAllByRole(threads, 'button', { name: /Damaged thread/ }), 0, 'the damaged thread is skipped');
    assert.include(shown, 'hello before the damage');
    assert.include(shown, 'still here after it');
    assert.include(said, `${DAMAGED} damaged records in this browser’s storage were skipped`);
    assert.include(said, 'their threads will be re-read from Codex');
    assert.sameMembers(repairs.at(-1) ?? [], [OK, BAD], 'the engine is asked to re-read both threads');
  });

  test('the engine skips them at start-up, counts them in its diagnostics, and keeps the rest', async () => {
    const db = await openOkcDB(dbName);
    const projector = new Projector(db, () => undefined);
    await projector.hydrate();
    const engine = new Engine(projector, async () => undefined);
    const diagnostics = await engine.diagnostics();
    const kept = projector.store.itemsOf(OK).map((i) => i.itemId);
    const standIn = projector.store.thread(BAD);
    await report('faults', { storage: DAMAGED, failures: kept.join() === 'u1,m2' && standIn?.preview === '' ? 0 : 1 });
    assert.deepEqual(kept, ['u1', 'm2']);
    assert.deepEqual(projector.store.thread(OK), goodThread);
    assert.equal(standIn?.preview, '', 'the damaged thread record is not used');
    assert.equal(standIn?.nextOrd, orphan.ord + 1, 'its stand-in numbers new items after the kept one');
    assert.deepEqual(projector.store.itemsOf(BAD), [orphan]);
    assert.deepEqual(diagnostics.damagedRecords, { threads: 1, items: 2 });
    assert.sameMembers([...projector.damaged.threads], [OK, BAD]);
    db.close();
  });

  test('an item card that cannot render shows a placeholder', async () => {
    const cards = await Promise.all(
      [...badItems, damaged<ItemRecord>({ ...goodItems[0], itemId: 'g1', get text(): string { throw new Error('unreadable'); } })].map(
        (bad) => fixture<ItemCard>(html`<okc-item-card .item=${bad}></okc-item-card>`),
      ),
    );
    for (const card of cards) assert.equal(visibleText(card), 'This item could not be shown.');
  });
});
