/**
 * Unread markers through the projector on a real IndexedDB: written in the flush's transaction,
 * announced to tabs, and loaded again by the next engine (a reload, every tab closed).
 */
import { assert } from '@open-wc/testing';
import type { ChangeNotice, ChannelMessage } from '../../../protocol/engine-api.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { Projector } from '../../../web/src/engine/projector.ts';

const T = 'thr_unread';

suite('Projector unread markers', () => {
  let name: string;
  setup(() => {
    name = `okcode-unread-${crypto.randomUUID()}`;
  });
  teardown(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase(name);
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
  );

  test('a marker is stored, announced, and loaded by the next engine', async () => {
    const db = await openOkcDB(name);
    const messages: ChannelMessage[] = [];
    const first = new Projector(db, (m) => messages.push(m));
    await first.hydrate();
    first.local.setUnread(T, true);
    first.localChanged();
    await first.flushNow();
    const notice = messages.find((m): m is ChangeNotice => m.type === 'changes');
    assert.deepEqual(notice?.reads, [{ threadId: T, unread: true, rev: 1 }]);
    assert.deepEqual(await db.get('reads', T), { threadId: T, unread: true, rev: 1 });

    const next = new Projector(db, () => undefined);
    await next.hydrate();
    assert.isFalse(next.local.setUnread(T, true), 'the next engine knows it is unread');
    assert.isTrue(next.local.setUnread(T, false));
    next.localChanged();
    await next.flushNow();
    assert.deepEqual(await db.get('reads', T), { threadId: T, unread: false, rev: 2 });
    db.close();
  });
});
