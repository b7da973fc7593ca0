/**
 * The tab's store: signals hydrated from IndexedDB (so history shows before the bridge answers), kept
 * current by the engine's change notices, and actions forwarded to the engine.
 */
import { CHANGES_CHANNEL, type ChannelMessage, type EngineResult } from '../../../protocol/engine-api.ts';
import type { DraftRecord, OutboxRecord, ReadStateRecord } from '../../../protocol/local-records.ts';
import type {
  ApprovalRecord,
  ConnectionRecord,
  ItemRecord,
  RequestAnswer,
  ServerRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../protocol/projections.ts';
import { openOkcDB, type OkcDatabase } from '../db/open.ts';
import { DamagedRecords, damagedRecordsMessage } from '../db/damaged-records.ts';
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
import type { AppStore, SendOptions } from './app-store.ts';
import { storeApi } from './store-api.ts';
import type { EngineClient } from './engine-client.ts';
import { mergeByRev, mergeGrouped, removeItems, type Table } from './records.ts';
// Records an older build stored get the fields they lack, exactly as the engine upgrades them.
import { upgradeThread, upgradeTurn } from '../engine/reducers/state-view.ts';
import { computed, signal } from './signals.ts';
import { readNewestHistory, readOlderItems, type NewestHistory } from './thread-history.ts';
import { createReadMarks } from './read-marks.ts';

const SELECTED_KEY = 'okcode.selectedThread';
const DRAFT_SAVE_DELAY_MS = 300;

/**
 * Calls the engine; a failed call (the worker crashed or was replaced) becomes an error result, so store
 * actions never reject: elements re-enable their controls in `finally` and show `lastError`.
 */
async function call<T>(fn: () => Promise<EngineResult<T>>): Promise<EngineResult<T>> {
  try {
    return await fn();
  } catch (e) {
    return { ok: false, code: 'OKC_NOT_CONNECTED', message: `The OK Code engine stopped (${String(e)}). Reload the page.` };
  }
}

export interface StoreOptions {
  engine: EngineClient;
  dbName?: string;
  /**
   * Told what to show while the store cannot load yet (another tab holds an older version of the
   * database open), and null once it loaded. The store keeps waiting meanwhile.
   */
  onWaiting?: (message: string | null) => void;
}

/** What the user reads while an older tab keeps the database from upgrading. */
export const BLOCKED_MESSAGE =
  'Another OK Code tab is using an older version: close it or reload it. OK Code opens as soon as it does.';

interface Tables {
  threads: ThreadRecord[];
  turns: TurnRecord[];
  items: ItemRecord[];
  approvals: ApprovalRecord[];
  outbox: OutboxRecord[];
  removedOutbox: string[];
  drafts: DraftRecord[];
  reads: ReadStateRecord[];
  server: ServerRecord[];
  removedItems: Array<{ threadId: string; itemId: string }>;
}

export async function createStore({ engine, dbName, onWaiting }: StoreOptions): Promise<AppStore> {
  const threads = signal<Table<ThreadRecord>>(new Map());
  const items = signal<Table<Table<ItemRecord>>>(new Map());
  const turns = signal<Table<Table<TurnRecord>>>(new Map());
  const approvals = signal<Table<ApprovalRecord>>(new Map());
  const outbox = signal<Table<OutboxRecord>>(new Map());
  const drafts = signal<Table<DraftRecord>>(new Map());
  const selected = signal<string | null>(sessionStorage.getItem(SELECTED_KEY));
  const reads = createReadMarks((threadId) => engine.markRead({ threadId }), () => selected.get());
  const connection = signal<ConnectionRecord>({ state: 'connecting', detail: 'Starting…', bridgeVersion: null, codexVersion: null, cwd: null });
  const lastError = signal<string | null>(null);
  // why apart from lastError: once another tab upgraded the database, this tab can only reload, and
  // nothing after (a write that fails on the closed connection, an action that works) may hide that.
  const mustReload = signal<string | null>(null);
  const RELOAD = 'OK Code was updated in another tab. Reload this tab to continue.';
  let heardConnection = false;
  const server = signal<ServerRecord | null>(null);

  function apply(n: Partial<Tables>): void {
    if (n.threads) threads.set(mergeByRev(threads.get(), n.threads, (t) => t.id));
    if (n.turns) turns.set(mergeGrouped(turns.get(), n.turns, (t) => t.turnId));
    if (n.items) items.set(mergeGrouped(items.get(), n.items, (i) => i.itemId));
    if (n.approvals) approvals.set(mergeByRev(approvals.get(), n.approvals, (a) => a.requestKey));
    if (n.drafts) drafts.set(mergeByRev(drafts.get(), n.drafts, (d) => d.threadId));
    if (n.reads) reads.apply(n.reads);
    for (const r of n.server ?? []) if (r.rev > (server.get()?.rev ?? 0)) server.set(r);
    if (n.removedItems?.length) items.set(removeItems(items.get(), n.removedItems));
    if (n.outbox?.length || n.removedOutbox?.length) {
      const next = new Map(mergeByRev(outbox.get(), n.outbox ?? [], (o) => o.id));
      for (const id of n.removedOutbox ?? []) next.delete(id);
      outbox.set(next);
    }
  }

  // Listen before reading IndexedDB so no notice falls between the read and the subscription.
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (e: MessageEvent<ChannelMessage>) => {
    if (e.data.type === 'reload-required') {
      mustReload.set(RELOAD);
      return;
    }
    if (e.data.type === 'storage') {
      lastError.set(
        e.data.error
          ? `This browser refused to save OK Code's data (${e.data.error}). The session stays live, but history may not survive a reload: free some disk space.`
          : null,
      );
      return;
    }
    apply(e.data);
    if (e.data.connection) {
      heardConnection = true;
      connection.set(e.data.connection);
    }
  };

  const db: OkcDatabase = await openOkcDB(dbName, {
    onBlocking: () => mustReload.set(RELOAD),
    onBlocked: () => onWaiting?.(BLOCKED_MESSAGE),
  });
  onWaiting?.(null);
  // Records read from IndexedDB are checked first: a damaged one is skipped (rendering it would throw),
  // the user is told, and the engine re-reads its thread from codex.
  const damage = new DamagedRecords();
  let toldDamage = 0;
  function reportDamage(): void {
    if (damage.count === toldDamage) return;
    toldDamage = damage.count;
    lastError.set(damagedRecordsMessage(damage));
    if (damage.threads.size > 0) void engine.repairThreads({ threadIds: [...damage.threads] }).catch(() => undefined);
  }
  const loadedThreads = new Set<string>();
  /**
   * Reads a thread's turns and items into the signals: its newest items first (at once when they were
   * read already), then the rest in pages.
   */
  async function loadThread(threadId: string, newest?: Promise<NewestHistory>): Promise<void> {
    if (loadedThreads.has(threadId)) return;
    loadedThreads.add(threadId);
    const first = await (newest ?? readNewestHistory(db, threadId));
    apply({ items: damage.keep('items', first.items, isItemRecord), turns: damage.keep('turns', first.turns, isTurnRecord).map(upgradeTurn) });
    reportDamage();
    await readOlderItems(db, threadId, first.olderThan, (page) => apply({ items: damage.keep('items', page, isItemRecord) }));
    reportDamage();
  }
  // The selected thread's newest items are read alongside the thread list but not awaited with it: the
  // list renders at once and the end of the transcript as soon as they arrive. why not together: once
  // the list rendered only the rows in view, waiting for the items' two dependent reads was about a
  // third of the list's time to paint; why not after the list's frame: the items then waited for that whole
  // frame and a task after it, which on a busy machine delayed the transcript by seconds
  // (tests/bench/FINDINGS.md §5).
  const initial = selected.get();
  const initialHistory = initial ? readNewestHistory(db, initial) : null;
  const [allThreads, allApprovals, allOutbox, allDrafts, allServer, allReads] = await Promise.all([
    db.getAll('threads'),
    db.getAll('approvals'),
    db.getAll('outbox'),
    db.getAll('drafts'),
    db.getAll('server'),
    db.getAll('reads'),
  ]);
  apply({
    threads: damage.keep('threads', allThreads, isThreadRecord).map(upgradeThread),
    approvals: damage.keep('approvals', allApprovals, isApprovalRecord),
    outbox: damage.keep('outbox', allOutbox, isOutboxRecord),
    drafts: damage.keep('drafts', allDrafts, isDraftRecord),
    server: damage.keep('server', allServer, isServerRecord),
    reads: damage.keep('reads', allReads, isReadStateRecord),
  });
  reportDamage();

  function selectThread(threadId: string | null): void {
    selected.set(threadId);
    if (!threadId) {
      sessionStorage.removeItem(SELECTED_KEY);
      return;
    }
    sessionStorage.setItem(SELECTED_KEY, threadId);
    reads.check();
    void loadThread(threadId);
    // The engine brings the thread up to date from codex (e.g. a thread started in the Codex CLI).
    void call(() => engine.watchThread({ threadId })).then((r) => {
      if (!r.ok) lastError.set(`Could not load the thread from codex: ${r.message}`);
    });
  }
  if (initial && initialHistory) {
    void loadThread(initial, initialHistory);
    selectThread(initial);
  }
  // why: every connection change is broadcast, so once one has arrived it is at least as new as this
  // reply (which may describe an earlier moment); the reply only matters when nothing changed since.
  void engine.connection().then((c) => heardConnection || connection.set(c), () => undefined);

  /** Runs an engine action; its error, if any, becomes lastError. */
  async function act<T>(fn: () => Promise<EngineResult<T>>, what: string): Promise<EngineResult<T>> {
    const r = await call(fn);
    lastError.set(r.ok ? null : `${what}: ${r.message}`);
    return r;
  }

  let draftTimer: ReturnType<typeof setTimeout> | null = null;
  const ofSelected = <T extends { threadId: string }>(table: Table<T>): T[] => [...table.values()].filter((r) => r.threadId === selected.get());

  return {
    threads: computed(() => [...threads.get().values()].sort((a, b) => Math.max(b.updatedAt, b.createdAt) - Math.max(a.updatedAt, a.createdAt))),
    selectedThreadId: computed(() => selected.get()),
    selectedThread: computed(() => threads.get().get(selected.get() ?? '') ?? null),
    selectedItems: computed(() => [...(items.get().get(selected.get() ?? '')?.values() ?? [])].sort((a, b) => a.ord - b.ord)),
    selectedTurns: computed(() => [...(turns.get().get(selected.get() ?? '')?.values() ?? [])]),
    selectedApprovals: computed(() => ofSelected(approvals.get()).filter((a) => a.state !== 'resolved')),
    pendingApprovals: computed(() => [...approvals.get().values()].filter((a) => a.state === 'pending')),
    allTurns: computed(() => [...turns.get().values()].flatMap((byId) => [...byId.values()])),
    selectedOutbox: computed(() => ofSelected(outbox.get()).sort((a, b) => a.createdAt - b.createdAt)),
    outboxCount: computed(() => outbox.get().size),
    selectedDraft: computed(() => drafts.get().get(selected.get() ?? '')?.text ?? ''),
    unreadThreads: reads.unread,
    connection: computed(() => connection.get()),
    server: computed(() => server.get()),
    lastError: computed(() => mustReload.get() ?? lastError.get()),
    selectThread,
    async newThread(cwd?: string) {
      const r = await act(() => engine.startThread(cwd === undefined ? {} : { cwd }), 'Could not start a thread');
      if (r.ok) selectThread(r.value.threadId);
      return r.ok;
    },
    api: storeApi(engine),
    async send(text: string, when: 'now' | 'afterTurn' = 'now', options: SendOptions = {}) {
      const threadId = selected.get();
      if (!threadId) return false;
      const r = await act(() => engine.sendMessage({ threadId, text, when, ...options }), 'Could not send');
      if (r.ok) {
        if (draftTimer) clearTimeout(draftTimer);
        void engine.saveDraft({ threadId, text: '' }).catch(() => undefined);
      }
      return r.ok;
    },
    async interrupt() {
      const threadId = selected.get();
      if (threadId) await act(() => engine.interruptTurn({ threadId }), 'Could not stop the turn');
    },
    saveDraft(text: string) {
      const threadId = selected.get();
      if (!threadId) return;
      if (draftTimer) clearTimeout(draftTimer);
      draftTimer = setTimeout(() => void engine.saveDraft({ threadId, text }).catch(() => undefined), DRAFT_SAVE_DELAY_MS);
    },
    async renameThread(threadId: string, name: string) {
      await act(() => engine.renameThread({ threadId, name }), 'Could not rename the thread');
    },
    async archiveThread(threadId: string) {
      await act(() => engine.archiveThread({ threadId }), 'Could not archive the thread');
    },
    async retryOutbox(outboxId: string) {
      await act(() => engine.retryOutbox({ outboxId }), 'Could not retry');
    },
    async discardOutbox(outboxId: string) {
      await act(() => engine.discardOutbox({ outboxId }), 'Could not discard');
    },
    async answerApproval(requestKey: string, decision: RequestAnswer) {
      const r = await call(() => engine.answerApproval({ requestKey, decision }));
      // Another tab answered first: that answer stands, and this tab shows it; nothing went wrong here.
      lastError.set(r.ok || r.code === 'OKC_ALREADY_ANSWERED' ? null : `Could not answer: ${r.message}`);
    },
  };
}
