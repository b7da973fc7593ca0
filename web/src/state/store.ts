/**
 * The tab's store: signals hydrated from IndexedDB (so history shows before the bridge answers), kept
 * current by the engine's change notices, and actions forwarded to the engine.
 */
import { CHANGES_CHANNEL, type ChangeNotice, type EngineResult } from '../../../protocol/engine-api.ts';
import type {
  ApprovalRecord,
  CommandDecision,
  ConnectionRecord,
  ItemRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../protocol/projections.ts';
import { openOkcDB, type OkcDatabase } from '../db/open.ts';
import type { AppStore } from './app-store.ts';
import type { EngineClient } from './engine-client.ts';
import { mergeByRev, mergeGrouped, type Table } from './records.ts';
import { computed, signal } from './signals.ts';

const SELECTED_KEY = 'okcode.selectedThread';
const itemKey = (i: ItemRecord): string => i.itemId;
const turnKey = (t: TurnRecord): string => t.turnId;

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
}

export async function createStore({ engine, dbName }: StoreOptions): Promise<AppStore> {
  const threads = signal<Table<ThreadRecord>>(new Map());
  const items = signal<Table<Table<ItemRecord>>>(new Map());
  const turns = signal<Table<Table<TurnRecord>>>(new Map());
  const approvals = signal<Table<ApprovalRecord>>(new Map());
  const selected = signal<string | null>(sessionStorage.getItem(SELECTED_KEY));
  const connection = signal<ConnectionRecord>({
    state: 'connecting',
    detail: 'Starting…',
    bridgeVersion: null,
    codexVersion: null,
    cwd: null,
  });
  const lastError = signal<string | null>(null);

  function apply(n: Pick<ChangeNotice, 'threads' | 'turns' | 'items' | 'approvals'>): void {
    threads.set(mergeByRev(threads.get(), n.threads, (t) => t.id));
    turns.set(mergeGrouped(turns.get(), n.turns, turnKey));
    items.set(mergeGrouped(items.get(), n.items, itemKey));
    approvals.set(mergeByRev(approvals.get(), n.approvals, (a) => a.requestKey));
  }

  // Listen before reading IndexedDB so no notice falls between the read and the subscription.
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  channel.onmessage = (e: MessageEvent<ChangeNotice>) => {
    apply(e.data);
    if (e.data.connection) connection.set(e.data.connection);
  };

  const db: OkcDatabase = await openOkcDB(dbName, {
    onBlocking: () => lastError.set('OK Code was updated in another tab. Reload this tab to continue.'),
  });
  const loadedThreads = new Set<string>();
  async function loadThread(threadId: string): Promise<void> {
    if (loadedThreads.has(threadId)) return;
    loadedThreads.add(threadId);
    const tx = db.transaction(['items', 'turns']);
    const range = IDBKeyRange.bound([threadId, -Infinity], [threadId, Infinity]);
    const [its, tus] = await Promise.all([
      tx.objectStore('items').index('byThreadOrd').getAll(range),
      tx.objectStore('turns').getAll(IDBKeyRange.bound([threadId, ''], [threadId, '\uffff'])),
    ]);
    apply({ threads: [], approvals: [], items: its, turns: tus });
  }

  const [allThreads, allApprovals] = await Promise.all([db.getAll('threads'), db.getAll('approvals')]);
  apply({ threads: allThreads, approvals: allApprovals, items: [], turns: [] });
  const sel = selected.get();
  if (sel) await loadThread(sel);
  void engine.connection().then((c) => connection.set(c));

  const sortedThreads = computed(() =>
    [...threads.get().values()].sort((a, b) => Math.max(b.updatedAt, b.createdAt) - Math.max(a.updatedAt, a.createdAt)),
  );

  function selectThread(threadId: string | null): void {
    selected.set(threadId);
    if (threadId) {
      sessionStorage.setItem(SELECTED_KEY, threadId);
      void loadThread(threadId);
    } else {
      sessionStorage.removeItem(SELECTED_KEY);
    }
  }

  function reportError(message: string | null): void {
    lastError.set(message);
  }

  return {
    threads: sortedThreads,
    selectedThreadId: computed(() => selected.get()),
    selectedThread: computed(() => {
      const id = selected.get();
      return id ? (threads.get().get(id) ?? null) : null;
    }),
    selectedItems: computed(() => {
      const id = selected.get();
      const table = id ? items.get().get(id) : undefined;
      return table ? [...table.values()].sort((a, b) => a.ord - b.ord) : [];
    }),
    selectedTurns: computed(() => {
      const id = selected.get();
      const table = id ? turns.get().get(id) : undefined;
      return table ? [...table.values()] : [];
    }),
    selectedApprovals: computed(() => {
      const id = selected.get();
      return [...approvals.get().values()].filter((a) => a.threadId === id && a.state !== 'resolved');
    }),
    connection: computed(() => connection.get()),
    lastError: computed(() => lastError.get()),
    selectThread,
    async newThread() {
      const r = await call(() => engine.startThread({}));
      if (r.ok) {
        reportError(null);
        selectThread(r.value.threadId);
      } else {
        reportError(`Could not start a thread: ${r.message}`);
      }
    },
    async send(text: string) {
      const threadId = selected.get();
      if (!threadId) return false;
      const r = await call(() => engine.sendMessage({ threadId, text }));
      reportError(r.ok ? null : `Could not send: ${r.message}`);
      return r.ok;
    },
    async answerApproval(requestKey: string, decision: CommandDecision) {
      const r = await call(() => engine.answerApproval({ requestKey, decision }));
      reportError(r.ok ? null : r.message);
    },
  };
}
