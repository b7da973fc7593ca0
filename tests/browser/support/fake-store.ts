/**
 * A fake AppStore for element tests, built from real signals so elements re-render exactly as they
 * would on the real store. Tests set state through `state.*` and read what elements asked for in
 * `calls`. Async actions resolve at once with `results.*`, or stay in flight until a test releases a
 * `Deferred` put there.
 */
import { computed, signal } from '../../../web/src/state/signals.ts';
import type { AppStore } from '../../../web/src/state/app-store.ts';
import type {
  ApprovalRecord,
  ConnectionRecord,
  ItemRecord,
  RequestAnswer,
  ThreadRecord,
  TurnRecord,
  ServerRecord,
} from '../../../protocol/projections.ts';
import type { OutboxRecord } from '../../../protocol/local-records.ts';
import type { SendOptions } from '../../../web/src/state/app-store.ts';
import type { StoreApi } from '../../../web/src/state/store-api.ts';

/** An engine API that reports it is not connected, unless a test replaces a method. */
export function fakeApi(): StoreApi {
  const down = async (): Promise<{ ok: false; code: 'OKC_NOT_CONNECTED'; message: string }> => ({ ok: false, code: 'OKC_NOT_CONNECTED', message: 'fake store' });
  return {
    search: async () => [],
    loadMoreThreads: down,
    exportThread: down,
    forkThread: down,
    unarchiveThread: down,
    listModels: down,
    diagnostics: async () => null,
    readAccount: down,
    loginWithApiKey: down,
    startChatGptLogin: down,
    cancelLogin: down,
    logout: down,
    searchFiles: down,
  };
}
import { connection } from './builders.ts';

export type StoreCall =
  | { method: 'selectThread'; threadId: string | null }
  | { method: 'newThread'; cwd?: string }
  | { method: 'send'; text: string; when: 'now' | 'afterTurn' }
  | { method: 'interrupt' }
  | { method: 'saveDraft'; text: string }
  | { method: 'renameThread'; threadId: string; name: string }
  | { method: 'archiveThread'; threadId: string }
  | { method: 'retryOutbox'; outboxId: string }
  | { method: 'discardOutbox'; outboxId: string }
  | { method: 'answerApproval'; requestKey: string; decision: RequestAnswer };

/** A promise a test settles by hand, to observe an element while an action is in flight. */
export class Deferred<T> {
  readonly promise: Promise<T>;
  resolve!: (value: T) => void;
  constructor() {
    this.promise = new Promise<T>((resolve) => {
      this.resolve = resolve;
    });
  }
}

export class FakeStore implements AppStore {
  /** The writable state behind the computed signals. */
  readonly state = {
    threads: signal<readonly ThreadRecord[]>([]),
    selectedThreadId: signal<string | null>(null),
    items: signal<readonly ItemRecord[]>([]),
    turns: signal<readonly TurnRecord[]>([]),
    approvals: signal<readonly ApprovalRecord[]>([]),
    connection: signal<ConnectionRecord>(connection('ready')),
    lastError: signal<string | null>(null),
    outbox: signal<readonly OutboxRecord[]>([]),
    drafts: signal<ReadonlyMap<string, string>>(new Map()),
    server: signal<ServerRecord | null>(null),
    unread: signal<ReadonlySet<string>>(new Set()),
  };

  /** What each async action resolves with; a Deferred keeps the call in flight until resolved. */
  readonly results: {
    newThread: Deferred<void> | null;
    /** What newThread resolves with (false: codex refused; the test sets lastError). */
    newThreadOk: boolean;
    send: boolean | Deferred<boolean>;
    answerApproval: Deferred<void> | null;
  } = { newThread: null, newThreadOk: true, send: true, answerApproval: null };

  /** Every action an element called, in order. */
  readonly calls: StoreCall[] = [];

  readonly threads = computed(() => this.state.threads.get());
  readonly selectedThreadId = computed(() => this.state.selectedThreadId.get());
  readonly selectedThread = computed(
    () => this.state.threads.get().find((t) => t.id === this.state.selectedThreadId.get()) ?? null,
  );
  readonly selectedItems = computed(() =>
    this.state.items
      .get()
      .filter((i) => i.threadId === this.state.selectedThreadId.get())
      .sort((a, b) => a.ord - b.ord),
  );
  readonly selectedTurns = computed(() =>
    this.state.turns.get().filter((t) => t.threadId === this.state.selectedThreadId.get()),
  );
  readonly selectedApprovals = computed(() =>
    this.state.approvals.get().filter((a) => a.threadId === this.state.selectedThreadId.get()),
  );
  readonly pendingApprovals = computed(() => this.state.approvals.get().filter((a) => a.state === 'pending'));
  readonly allTurns = computed(() => this.state.turns.get());
  readonly connection = computed(() => this.state.connection.get());
  readonly server = computed(() => this.state.server.get());
  readonly lastError = computed(() => this.state.lastError.get());
  readonly selectedOutbox = computed(() =>
    this.state.outbox.get().filter((o) => o.threadId === this.state.selectedThreadId.get()),
  );
  readonly outboxCount = computed(() => this.state.outbox.get().length);
  readonly unreadThreads = computed(() => this.state.unread.get());
  readonly selectedDraft = computed(() => this.state.drafts.get().get(this.state.selectedThreadId.get() ?? '') ?? '');

  selectThread(threadId: string | null): void {
    this.calls.push({ method: 'selectThread', threadId });
    this.state.selectedThreadId.set(threadId);
  }

  async newThread(cwd?: string): Promise<boolean> {
    this.calls.push(cwd === undefined ? { method: 'newThread' } : { method: 'newThread', cwd });
    await this.results.newThread?.promise;
    return this.results.newThreadOk;
  }

  /** Engine calls, answered by `apiResults` (tests set what they need). */
  readonly api: StoreApi = fakeApi();

  /** The options of each `send`, in order (kept apart from `calls` so its entries stay short). */
  readonly sendOptions: SendOptions[] = [];

  async send(text: string, when: 'now' | 'afterTurn' = 'now', options: SendOptions = {}): Promise<boolean> {
    this.calls.push({ method: 'send', text, when });
    this.sendOptions.push(options);
    const result = this.results.send;
    return typeof result === 'boolean' ? result : result.promise;
  }

  async answerApproval(requestKey: string, decision: RequestAnswer): Promise<void> {
    this.calls.push({ method: 'answerApproval', requestKey, decision });
    await this.results.answerApproval?.promise;
  }

  async interrupt(): Promise<void> {
    this.calls.push({ method: 'interrupt' });
  }

  saveDraft(text: string): void {
    this.calls.push({ method: 'saveDraft', text });
  }

  async renameThread(threadId: string, name: string): Promise<void> {
    this.calls.push({ method: 'renameThread', threadId, name });
  }

  async archiveThread(threadId: string): Promise<void> {
    this.calls.push({ method: 'archiveThread', threadId });
  }

  async retryOutbox(outboxId: string): Promise<void> {
    this.calls.push({ method: 'retryOutbox', outboxId });
  }

  async discardOutbox(outboxId: string): Promise<void> {
    this.calls.push({ method: 'discardOutbox', outboxId });
  }

  /** The calls of one method, e.g. `callsOf('send')`. */
  callsOf<M extends StoreCall['method']>(method: M): Extract<StoreCall, { method: M }>[] {
    return this.calls.filter((c): c is Extract<StoreCall, { method: M }> => c.method === method);
  }
}
