/**
 * The projector on a real IndexedDB: one transaction per flush, and a storage failure (here the
 * database closed under it, as when the browser evicts storage) is reported without stopping the live
 * changes reaching tabs.
 */
import { assert } from '@open-wc/testing';
import type { ChannelMessage } from '../../../protocol/engine-api.ts';
import type { DomainEvent } from '../../../protocol/events.ts';
import { openOkcDB } from '../../../web/src/db/open.ts';
import { Projector } from '../../../web/src/engine/projector.ts';

const T = 'thr_projector';
const events: DomainEvent[] = [
  { type: 'thread.upserted', thread: { id: T, name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1 } },
  { type: 'item.started', threadId: T, turnId: 'u', item: { itemId: 'm', kind: 'agentMessage', text: '' } },
];

suite('Projector', () => {
  let name: string;
  setup(() => {
    name = `okcode-projector-${crypto.randomUUID()}`;
  });
  teardown(
    () =>
      new Promise<void>((resolve) => {
        const r = indexedDB.deleteDatabase(name);
        r.onsuccess = r.onerror = r.onblocked = () => resolve();
      }),
  );

  test('coalesces a burst of deltas into one write of the newest record', async () => {
    const db = await openOkcDB(name);
    const messages: ChannelMessage[] = [];
    const p = new Projector(db, (m) => messages.push(m));
    p.apply(events);
    for (let i = 0; i < 500; i++) p.apply([{ type: 'item.textDelta', threadId: T, turnId: 'u', itemId: 'm', delta: 'x' }]);
    await p.flushNow();
    const changes = messages.filter((m) => m.type === 'changes');
    assert.equal(changes.length, 1, 'one notice for the burst');
    const stored = await db.get('items', [T, 'm']);
    assert.equal(stored?.kind === 'agentMessage' && stored.text.length, 500);
    db.close();
  });

  test('a failed write is reported, and tabs still get the changes', async () => {
    const db = await openOkcDB(name);
    const messages: ChannelMessage[] = [];
    const p = new Projector(db, (m) => messages.push(m));
    db.close(); // every transaction now throws InvalidStateError
    p.apply(events);
    await p.flushNow();
    const storage = messages.find((m) => m.type === 'storage');
    assert.ok(storage && storage.type === 'storage' && storage.error?.includes('InvalidStateError'), 'the failure is announced');
    const change = messages.find((m) => m.type === 'changes');
    assert.ok(change && change.type === 'changes' && change.items.length === 1, 'the live change still went out');
    assert.isNotNull(p.storageError);
  });
});
