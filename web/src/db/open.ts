/**
 * Opens the database, running every migration from the stored version up to DB_VERSION in order.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { DB_NAME, DB_VERSION, type OkcDB } from './schema.ts';
import { migrate001 } from './migrations/001-initial.ts';
import { migrate002 } from './migrations/002-outbox-drafts.ts';
import { migrate003 } from './migrations/003-server.ts';
import { migrate004 } from './migrations/004-reads.ts';

export type OkcDatabase = IDBPDatabase<OkcDB>;

/** Index i holds the migration that takes the database from version i to i + 1. */
const MIGRATIONS: ReadonlyArray<(db: OkcDatabase) => void> = [migrate001, migrate002, migrate003, migrate004];

export interface OpenHandlers {
  /** Another context wants a newer version: close, and tell the user to reload. */
  onBlocking?: () => void;
  /**
   * This version cannot open yet: another context (an older tab, a frozen one) holds an older version
   * open and has not closed it. The open goes on waiting and completes once it closes.
   */
  onBlocked?: () => void;
  /** The browser closed the connection abnormally (e.g. storage cleared). */
  onTerminated?: () => void;
}

export function openOkcDB(name: string = DB_NAME, handlers: OpenHandlers = {}): Promise<OkcDatabase> {
  let db: OkcDatabase | undefined;
  return openDB<OkcDB>(name, DB_VERSION, {
    upgrade(database, oldVersion) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]?.(database);
    },
    blocking() {
      // why: an older connection must step aside so a newer app version can upgrade the schema.
      db?.close();
      handlers.onBlocking?.();
    },
    blocked() {
      handlers.onBlocked?.();
    },
    terminated() {
      handlers.onTerminated?.();
    },
  }).then((d) => (db = d));
}
