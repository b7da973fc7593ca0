/** Version 4: per-thread unread markers. */
import type { IDBPDatabase } from 'idb';
import type { OkcDB } from '../schema.ts';

export function migrate004(db: IDBPDatabase<OkcDB>): void {
  db.createObjectStore('reads', { keyPath: 'threadId' });
}
