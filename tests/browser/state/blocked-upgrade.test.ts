/**
 * A blocked upgrade on a real IndexedDB: another tab (here a raw connection that, like a frozen tab or
 * an old build, ignores the version change) holds the previous version of the database open while
 * this version opens. The app says what to do instead of hanging blank, and loads, with the data the
 * old version left, as soon as the old connection closes.
 */
import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { openDB } from 'idb';
import { CHANGES_CHANNEL, type ChannelMessage } from '../../../protocol/engine-api.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { Projector } from '../../../web/src/engine/projector.ts';
import { migrate001 } from '../../../web/src/db/migrations/001-initial.ts';
import { migrate002 } from '../../../web/src/db/migrations/002-outbox-drafts.ts';
import { migrate003 } from '../../../web/src/db/migrations/003-server.ts';
import { migrate004 } from '../../../web/src/db/migrations/004-reads.ts';
import { DB_VERSION, type OkcDB } from '../../../web/src/db/schema.ts';
import { createStore } from '../../../web/src/state/store.ts';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import type { AppStore } from '../../../web/src/state/app-store.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { thread } from '../support/builders.ts';
import { settled } from '../support/settle.ts';
import { STORE_WAIT, silentEngine } from '../support/silent-engine.ts';
import { report } from '../support/test-report.ts';

const MIGRATIONS = [migrate001, migrate002, migrate003, migrate004];



suite('a blocked upgrade', () => {
  let dbName: string;

  setup(() => {
    dbName = `okcode-blocked-${crypto.randomUUID()}`;
    sessionStorage.clear();
  });
  teardown(async () => {
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase(dbName);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  test('an older version held open: the app says so, keeps waiting, and loads once it closes', async () => {
    assert.equal(MIGRATIONS.length, DB_VERSION, 'a migration per version');
    const previous = DB_VERSION - 1;
    // The old tab: the previous version, with a thread in it, and no handler for the version change.
    const old = await openDB<OkcDB>(dbName, previous, {
      upgrade(db, oldVersion) {
        for (let v = oldVersion; v < previous; v++) MIGRATIONS[v]?.(db);
      },
    });
    await old.put('threads', thread({ id: 'thr_old', name: 'Left by the old version' }));

    const app = await fixture<AppShell>(html`<okc-app></okc-app>`);
    let loaded: AppStore | null = null;
    const opening = createStore({ engine: silentEngine(), dbName, onWaiting: (m) => (app.startupNotice = m) }).then((s) => (loaded = s));
    await waitUntil(() => app.startupNotice !== null, 'the app hears it is blocked', STORE_WAIT);
    await settled(app);
    const said = visibleText(getByRole(app, 'alert'));
    const waited = loaded === null;

    old.close();
    app.store = await opening;
    await settled(app);
    const listed = queryAllByRole(getByRole(app, 'navigation', { name: 'Threads' }), 'button', { name: /Left by the old version/ });
    await report('faults', { storage: 1, failures: said.includes('older version') && listed.length === 1 ? 0 : 1 });

    assert.include(said, 'Another OK Code tab is using an older version: close it or reload it');
    assert.isTrue(waited, 'the store waited for the old connection');
    assert.isNull(app.startupNotice, 'the notice goes once the app loaded');
    assert.lengthOf(listed, 1, 'the old version’s thread shows');
    assert.notInclude(visibleText(app), 'older version');
  });

  test('the old side: its engine and tab close their connections, and the tab keeps asking for a reload', async () => {
    const channel = new BroadcastChannel(CHANGES_CHANNEL);
    const engineDb = await openOkcDB(dbName, { onBlocking: () => channel.postMessage({ type: 'reload-required' }) });
    const projector = new Projector(engineDb, (m: ChannelMessage) => channel.postMessage(m));
    const store = await createStore({ engine: silentEngine(), dbName });
    const newer = await Promise.race([openDB(dbName, DB_VERSION + 1), new Promise<null>((r) => setTimeout(() => r(null), 5000))]);
    await waitUntil(() => store.lastError.get() !== null, 'the tab is told', STORE_WAIT);
    // The old engine goes on folding what codex sends; its writes now fail (its connection closed).
    projector.apply([{ type: 'thread.upserted', thread: { id: 'thr_late', name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1 } }]);
    const listener = new BroadcastChannel(CHANGES_CHANNEL);
    const noticed = new Promise<void>((resolve) => {
      listener.onmessage = (e: MessageEvent<ChannelMessage>) => e.data.type === 'storage' && resolve();
    });
    await projector.flushNow();
    await noticed; // the tab's channel got the failed write's notice too
    await new Promise((r) => setTimeout(r, 0));
    listener.close();
    const said = store.lastError.get() ?? '';
    await report('faults', { storage: 1, failures: newer !== null && said.includes('Reload this tab') ? 0 : 1 });
    assert.isNotNull(newer, 'the newer version opened: neither old connection blocked it');
    assert.isNotNull(projector.storageError, 'the old engine’s write failed');
    assert.include(said, 'Reload this tab', 'a failed write after the update does not replace the reload message');
    newer?.close();
    channel.close();
  });
});
