/** Version 1: the stores of the walking skeleton. */
import type { IDBPDatabase } from 'idb';
import type { OkcDB } from '../schema.ts';

export function migrate001(db: IDBPDatabase<OkcDB>): void {
  db.createObjectStore('threads', { keyPath: 'id' });
  db.createObjectStore('turns', { keyPath: ['threadId', 'turnId'] });
  const items = db.createObjectStore('items', { keyPath: ['threadId', 'itemId'] });
  items.createIndex('byThreadOrd', ['threadId', 'ord']);
  db.createObjectStore('approvals', { keyPath: 'requestKey' });
  db.createObjectStore('meta');
}
