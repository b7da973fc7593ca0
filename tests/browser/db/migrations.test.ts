/**
 * Schema migrations on a real IndexedDB: a database left at every earlier version (with data in it)
 * opens at DB_VERSION with its records intact and every store of the current schema present.
 */
import { assert } from '@open-wc/testing';
import { openDB } from 'idb';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { DB_VERSION, type OkcDB } from '../../../web/src/db/schema.ts';
import { migrate001 } from '../../../web/src/db/migrations/001-initial.ts';
import { migrate002 } from '../../../web/src/db/migrations/002-outbox-drafts.ts';
import { migrate003 } from '../../../web/src/db/migrations/003-server.ts';
import { migrate004 } from '../../../web/src/db/migrations/004-reads.ts';
import type { ThreadRecord } from '../../../protocol/projections.ts';

const MIGRATIONS = [migrate001, migrate002, migrate003, migrate004];
const CURRENT_STORES = ['approvals', 'drafts', 'items', 'meta', 'outbox', 'reads', 'server', 'threads', 'turns'];

// A thread as version 1 stored it: later fields are missing, and the database must keep it as it was.
const v1Thread = {
  id: 'thr_old', name: 'From an old version', preview: 'hi', cwd: '/w', status: 'idle',
  createdAt: 1, updatedAt: 2, activeTurnId: null, nextOrd: 1, rev: 3,
} as const;
// why: the typed schema describes today's records; an old build wrote a narrower shape.
const thread = v1Thread as unknown as ThreadRecord;

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = r.onerror = r.onblocked = () => resolve();
  });
}

suite('IndexedDB migrations', () => {
  test('the migration list covers every version', () => {
    assert.equal(MIGRATIONS.length, DB_VERSION);
  });

  for (let from = 0; from < DB_VERSION; from++) {
    test(`opens a database left at version ${from} and keeps its records`, async () => {
      const name = `okcode-migrate-${from}-${crypto.randomUUID()}`;
      try {
        if (from > 0) {
          const old = await openDB<OkcDB>(name, from, {
            upgrade(db, oldVersion) {
              for (let v = oldVersion; v < from; v++) MIGRATIONS[v]?.(db);
            },
          });
          await old.put('threads', thread);
          await old.put('items', { threadId: 'thr_old', itemId: 'i1', turnId: 'u', ord: 0, streaming: false, rev: 1, kind: 'userMessage', text: 'hi' });
          old.close();
        }
        const db = await openOkcDB(name);
        assert.deepEqual([...db.objectStoreNames].sort(), CURRENT_STORES);
        assert.deepEqual([...db.transaction('items').store.indexNames], ['byThreadOrd']);
        if (from > 0) {
          assert.deepEqual(await db.get('threads', 'thr_old'), thread);
          assert.equal((await db.getAllFromIndex('items', 'byThreadOrd')).length, 1);
        }
        db.close();
      } finally {
        await deleteDb(name);
      }
    });
  }

  test('an older connection steps aside (blocking) so a newer version can open', async () => {
    const name = `okcode-blocking-${crypto.randomUUID()}`;
    let told = false;
    const db = await openOkcDB(name, { onBlocking: () => (told = true) });
    const newer = await openDB(name, DB_VERSION + 1);
    assert.isTrue(told, 'the old connection was told to close');
    newer.close();
    db.close();
    await deleteDb(name);
  });
});
