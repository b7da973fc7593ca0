/** Version 3: the server record (account, rate limits, notices codex reports about itself). */
import type { IDBPDatabase } from 'idb';
import type { OkcDB } from '../schema.ts';

export function migrate003(db: IDBPDatabase<OkcDB>): void {
  db.createObjectStore('server', { keyPath: 'id' });
}
