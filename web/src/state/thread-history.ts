/**
 * Reading a thread's transcript from IndexedDB newest first: the transcript opens at its end, so the
 * newest items are read (and painted) before the rest of a long thread, which follows in pages.
 */
import type { ItemRecord, TurnRecord } from '../../../protocol/projections.ts';
import type { OkcDatabase } from '../db/open.ts';

/** Items read first (the newest): more than a screenful. */
const NEWEST_ITEMS = 60;
/** Older items are read in pages of this many, oldest first; each page is one task to parse and apply. */
const PAGE_ITEMS = 2000;

/** A thread's turns and its newest items; `olderThan` is where `readOlderItems` starts. */
export interface NewestHistory {
  turns: TurnRecord[];
  items: ItemRecord[];
  olderThan: number;
}

function byOrd(threadId: string, lower: number, upper: number, lowerOpen = false, upperOpen = false): IDBKeyRange {
  return IDBKeyRange.bound([threadId, lower], [threadId, upper], lowerOpen, upperOpen);
}

/**
 * Reads the thread's turns and the items with its last ords (the engine gives a thread's items
 * increasing ords, from `nextOrd`). Several requests, one transaction.
 */
export async function readNewestHistory(db: OkcDatabase, threadId: string): Promise<NewestHistory> {
  const tx = db.transaction(['threads', 'turns', 'items']);
  const turns = tx.objectStore('turns').getAll(IDBKeyRange.bound([threadId, ''], [threadId, '\uffff']));
  const thread = await tx.objectStore('threads').get(threadId);
  // why the check: a damaged thread record must not make the key range throw (its items still show).
  const nextOrd = thread !== undefined && Number.isFinite(thread.nextOrd) ? thread.nextOrd : 0;
  const olderThan = nextOrd - NEWEST_ITEMS;
  const items = await tx.objectStore('items').index('byThreadOrd').getAll(byOrd(threadId, olderThan, Infinity));
  return { turns: await turns, items, olderThan };
}

/** Reads the thread's items with ords below `olderThan`, oldest first, handing each page to `onPage`. */
export async function readOlderItems(
  db: OkcDatabase,
  threadId: string,
  olderThan: number,
  onPage: (items: ItemRecord[]) => void,
): Promise<void> {
  for (let after = -Infinity, open = false; ; open = true) {
    const page = await db.getAllFromIndex('items', 'byThreadOrd', byOrd(threadId, after, olderThan, open, true), PAGE_ITEMS);
    if (page.length > 0) onPage(page);
    const last = page.at(-1);
    if (last === undefined || page.length < PAGE_ITEMS) return;
    after = last.ord;
  }
}
