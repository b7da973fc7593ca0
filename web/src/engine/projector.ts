/**
 * Folds domain events into the projections and writes the changes out: one IndexedDB transaction per
 * flush (with the bridge sequence number the changes reflect), then one change notice to every tab.
 * why: deltas arrive per token; coalescing them per flush keeps a fast stream from opening a
 * transaction per token.
 */
import type { DomainEvent } from '../../../protocol/events.ts';
import type { ChannelMessage } from '../../../protocol/engine-api.ts';
import type { ConnectionRecord } from '../../../protocol/projections.ts';
import type { OkcDatabase } from '../db/open.ts';
import type { SessionMeta } from '../db/schema.ts';
import { DamagedRecords } from '../db/damaged-records.ts';
import {
  isApprovalRecord,
  isDraftRecord,
  isItemRecord,
  isOutboxRecord,
  isReadStateRecord,
  isServerRecord,
  isThreadRecord,
  isTurnRecord,
} from '../../../protocol/record-guards.ts';
import { LocalStore } from './local-store.ts';
import { ProjectionStore } from './projection-store.ts';
import { reduce } from './reducers/reduce.ts';
import { placeholderThread } from './reducers/state-view.ts';

const FLUSH_DELAY_MS = 16;

export class Projector {
  readonly store = new ProjectionStore();
  readonly local = new LocalStore();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private session: SessionMeta | null = null;
  private sessionDirty = false;
  private connection: ConnectionRecord | null = null;
  private flushing: Promise<void> = Promise.resolve();
  /** The bridge sequence number the stored projections reflect. */
  persistedSeq = 0;
  /** Set when IndexedDB refused a write (quota, closed): the projections still reach tabs. */
  storageError: string | null = null;
  /** Records `hydrate` found damaged and skipped (their threads are re-read from codex). */
  readonly damaged = new DamagedRecords();

  constructor(
    private readonly db: OkcDatabase,
    private readonly notify: (message: ChannelMessage) => void,
  ) {}

  /** Loads what earlier engines stored. */
  async hydrate(): Promise<SessionMeta | null> {
    const tx = this.db.transaction(['threads', 'turns', 'items', 'approvals', 'meta', 'outbox', 'drafts', 'server', 'reads']);
    const [threads, turns, items, approvals, session, outbox, drafts, server, reads] = await Promise.all([
      tx.objectStore('threads').getAll(),
      tx.objectStore('turns').getAll(),
      tx.objectStore('items').getAll(),
      tx.objectStore('approvals').getAll(),
      tx.objectStore('meta').get('session'),
      tx.objectStore('outbox').getAll(),
      tx.objectStore('drafts').getAll(),
      tx.objectStore('server').getAll(),
      tx.objectStore('reads').getAll(),
    ]);
    const d = this.damaged;
    this.store.load({
      threads: d.keep('threads', threads, isThreadRecord),
      turns: d.keep('turns', turns, isTurnRecord),
      items: d.keep('items', items, isItemRecord),
      approvals: d.keep('approvals', approvals, isApprovalRecord),
      server: d.keep('server', server, isServerRecord),
    });
    this.local.load(d.keep('outbox', outbox, isOutboxRecord), d.keep('drafts', drafts, isDraftRecord), d.keep('reads', reads, isReadStateRecord));
    this.standInForDamagedThreads();
    this.session = session && 'sessionId' in session ? session : null;
    this.persistedSeq = this.session?.lastSeq ?? 0;
    return this.session;
  }

  /**
   * A thread whose record was damaged but whose items were kept gets a stand-in until codex's copy
   * arrives. why: it numbers new items after the kept ones; a record made afresh would start at 0 and
   * the re-read items would sort among the first.
   */
  private standInForDamagedThreads(): void {
    for (const id of this.damaged.threads) {
      const last = this.store.itemsOf(id).at(-1);
      if (this.store.thread(id) === undefined && last !== undefined) {
        this.store.load({ threads: [{ ...placeholderThread(id), nextOrd: last.ord + 1 }] });
      }
    }
  }

  apply(events: readonly DomainEvent[]): void {
    for (const e of events) this.store.apply(reduce(this.store, e));
    this.schedule();
  }

  /** Call after changing `local`: schedules the write and the notice. */
  localChanged(): void {
    this.schedule();
  }

  /** Records how far into the bridge session the projections are (persisted with the next flush). */
  setSession(session: SessionMeta | null): void {
    if (session?.sessionId !== this.session?.sessionId) this.persistedSeq = 0;
    this.session = session;
    this.sessionDirty = true;
    this.schedule();
  }

  sessionMeta(): SessionMeta | null {
    return this.session;
  }

  setConnection(connection: ConnectionRecord): void {
    this.connection = connection;
    this.schedule();
  }

  /** Resolves when everything applied so far is written and announced. */
  flushNow(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.flushing = this.flushing.then(() => this.flush());
    return this.flushing;
  }

  private setStorageError(error: string | null): void {
    if (error === this.storageError) return;
    this.storageError = error;
    this.notify({ type: 'storage', error });
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => void this.flushNow(), FLUSH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    const patch = this.store.takeDirty();
    const local = this.local.takeChanges();
    const connection = this.connection;
    this.connection = null;
    const session = this.sessionDirty ? this.session : null;
    this.sessionDirty = false;
    const removedItems = patch.removedItems ?? [];
    const changed =
      patch.threads.length + patch.turns.length + patch.items.length + patch.approvals.length + patch.server.length +
      removedItems.length + local.outbox.length + local.removedOutbox.length + local.drafts.length + local.reads.length;
    if (changed > 0 || session) {
      try {
        const tx = this.db.transaction(['threads', 'turns', 'items', 'approvals', 'meta', 'outbox', 'drafts', 'server', 'reads'], 'readwrite');
        for (const r of patch.server) void tx.objectStore('server').put(r);
        for (const k of removedItems) void tx.objectStore('items').delete([k.threadId, k.itemId]);
        for (const r of local.outbox) void tx.objectStore('outbox').put(r);
        for (const id of local.removedOutbox) void tx.objectStore('outbox').delete(id);
        for (const r of local.drafts) void tx.objectStore('drafts').put(r);
        for (const r of local.reads) void tx.objectStore('reads').put(r);
        for (const r of patch.threads) void tx.objectStore('threads').put(r);
        for (const r of patch.turns) void tx.objectStore('turns').put(r);
        for (const r of patch.items) void tx.objectStore('items').put(r);
        for (const r of patch.approvals) void tx.objectStore('approvals').put(r);
        if (session) void tx.objectStore('meta').put(session, 'session');
        await tx.done;
        if (session) this.persistedSeq = session.lastSeq;
        this.setStorageError(null);
      } catch (e) {
        // why: a full disk must not stop the live view; tabs still get the changes, and the error is shown.
        this.setStorageError(e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      }
    }
    if (changed > 0 || connection) {
      this.notify({ type: 'changes', ...patch, removedItems, ...local, connection });
    }
  }
}
