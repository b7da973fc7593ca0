/** Version 2: the outbox (messages waiting for the bridge) and per-thread drafts. */
import type { IDBPDatabase } from 'idb';
import type { OkcDB } from '../schema.ts';

export function migrate002(db: IDBPDatabase<OkcDB>): void {
  db.createObjectStore('outbox', { keyPath: 'id' });
  db.createObjectStore('drafts', { keyPath: 'threadId' });
}
