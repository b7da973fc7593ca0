/**
 * The engine's API to tabs (EngineApi): thin methods over the codex link, the outbox and the
 * projections. One engine per origin (SharedWorker), or one elected leader (see main.ts).
 */
import type {
  AccountView,
  AnswerApprovalParams,
  ChatGptLogin,
  FileMatch,
  BridgeTarget,
  DiagnosticsSnapshot,
  DraftParams,
  EngineApi,
  EngineResult,
  ExportParams,
  ModelOption,
  OutboxRef,
  RenameThreadParams,
  SearchHit,
  SendMessageParams,
  SendMessageResult,
  StartThreadParams,
  ThreadRef,
} from '../../../protocol/engine-api.ts';
import type { ConnectionRecord } from '../../../protocol/projections.ts';
import * as account from './account.ts';
import { responseFor } from './answers.ts';
import { CodexLink } from './codex-link.ts';
import { requestIdOf, threadSnapshot } from './ingest.ts';
import { Outbox } from './outbox.ts';
import type { Projector } from './projector.ts';
import { exportThread, searchThreads } from './search-export.ts';
import * as actions from './thread-actions.ts';

/** Persists the bridge target so a later worker (after every tab closed) can reconnect by itself. */
export type SaveTarget = (target: BridgeTarget) => Promise<void>;

const ok = <T>(value: T): EngineResult<T> => ({ ok: true, value });

function failure<T>(e: unknown): EngineResult<T> {
  return { ok: false, code: 'OKC_RPC_FAILED', message: e instanceof Error ? e.message : String(e) };
}

export class Engine implements EngineApi {
  private readonly link: CodexLink;
  private readonly outbox: Outbox;
  /** Threads some tab shows; resynced on every (re)connect. */
  private readonly watched = new Set<string>();
  private threadListCursor: string | null | undefined = undefined;
  /** Threads with a damaged stored record: re-read from codex on the next (re)connect until that works. */
  private readonly toRepair: Set<string>;

  constructor(
    private readonly projector: Projector,
    private readonly saveTarget: SaveTarget,
  ) {
    this.link = new CodexLink(projector, {
      onReady: (newCodex) => void this.onReady(newCodex),
      onDisconnected: () => this.outbox.linkDown(),
      onDelivered: (id) => this.outbox.delivered(id),
      onStrayResponse: (id, error) => this.outbox.strayAnswer(id, error),
      onTurnEnded: () => void this.outbox.pump(),
      onOtherThreadIdle: (id) => void this.refreshSummary(id),
      onActivity: (id) => this.setUnread(id, true),
    });
    this.outbox = new Outbox(this.link, projector, () => crypto.randomUUID(), () => Date.now());
    this.toRepair = new Set(projector.damaged.threads);
  }

  async connect(target: BridgeTarget): Promise<void> {
    if (this.link.connect(target)) await this.saveTarget(target);
  }

  async connection(): Promise<ConnectionRecord> {
    return this.link.connection;
  }

  /** On every (re)connect: resync what tabs show and what was busy, catch up the thread list, send what waits. */
  private async onReady(newCodex: boolean): Promise<void> {
    const busy = this.projector.store
      .allThreads()
      .filter((t) => t.activeTurnId !== null || (t.status !== 'idle' && t.status !== 'notLoaded'))
      .map((t) => t.id);
    const threads = new Set([...this.watched, ...busy]);
    await Promise.all([...threads].map((id) => this.link.resync(id).catch(() => undefined)));
    await this.repair();
    this.threadListCursor = undefined;
    await this.loadMoreThreads();
    await this.outbox.recover(newCodex);
  }

  /**
   * Re-reads a thread's summary without subscribing to it (a failure leaves the old summary). A thread
   * that is new, got its first prompt, or was updated since had a turn end in another client: it is
   * marked unread.
   */
  private async refreshSummary(threadId: string): Promise<void> {
    try {
      const before = this.projector.store.thread(threadId);
      const { thread } = await this.link.rpc.request('thread/read', { threadId, includeTurns: false });
      this.projector.apply([{ type: 'thread.upserted', thread: threadSnapshot(thread) }]);
      // why these signs: the status notice that got us here has already replaced the old status, and
      // codex's times are whole seconds, so a first turn can end within its thread's creation second.
      const news = before === undefined || (before.preview === '' && thread.preview !== '') || thread.updatedAt > before.updatedAt;
      if (news) this.setUnread(threadId, true);
    } catch {
      // not listable yet (no rollout); the next thread/list or resync brings it
    }
  }

  /**
   * Re-reads the threads that had a damaged stored record from codex; its copies replace the damaged
   * records (in IndexedDB too). A failure leaves the thread for the next connect.
   */
  private async repair(): Promise<void> {
    await Promise.all([...this.toRepair].map((id) => this.link.resync(id).then(() => this.toRepair.delete(id), () => undefined)));
  }

  async repairThreads({ threadIds }: { threadIds: string[] }): Promise<void> {
    for (const id of threadIds) this.toRepair.add(id);
    if (this.link.ready) await this.repair();
  }

  private notReady<T>(): EngineResult<T> | null {
    return this.link.ready ? null : { ok: false, code: 'OKC_NOT_CONNECTED', message: this.link.connection.detail };
  }

  startThread(params: StartThreadParams): Promise<EngineResult<{ threadId: string }>> {
    return this.value(() => actions.startThread(this.link, this.projector, params.cwd ?? this.link.connection.cwd));
  }

  async loadMoreThreads(): Promise<EngineResult<{ more: boolean }>> {
    if (this.threadListCursor === null) return ok({ more: false });
    return this.value(async () => {
      this.threadListCursor = await actions.listThreadsPage(this.link, this.projector, this.threadListCursor ?? null);
      return { more: this.threadListCursor !== null };
    });
  }

  forkThread({ threadId }: ThreadRef): Promise<EngineResult<{ threadId: string }>> {
    return this.value(() => actions.forkThread(this.link, this.projector, threadId));
  }

  listModels(): Promise<EngineResult<ModelOption[]>> {
    return this.value(() => actions.listModels(this.link));
  }

  async watchThread({ threadId }: ThreadRef): Promise<EngineResult<null>> {
    this.watched.add(threadId);
    if (!this.link.ready) return ok(null); // resynced on connect
    const t = this.projector.store.thread(threadId);
    // A thread started here and never used has no rollout yet: codex cannot resume it, and there is
    // nothing to fetch. (Threads from codex's list always have one, and a preview.)
    if (t && t.nextOrd === 0 && t.activeTurnId === null && t.preview === '') return ok(null);
    try {
      await this.link.ensureSynced(threadId);
      return ok(null);
    } catch (e) {
      return failure(e);
    }
  }

  async sendMessage(params: SendMessageParams): Promise<EngineResult<SendMessageResult>> {
    const { id, outcome } = this.outbox.add(params);
    const o = await outcome;
    await this.projector.flushNow();
    if (!o.sent && o.error) return { ok: false, code: 'OKC_RPC_FAILED', message: o.error };
    return ok({ outboxId: id, sent: o.sent });
  }

  async interruptTurn({ threadId }: ThreadRef): Promise<EngineResult<null>> {
    const turnId = this.projector.store.thread(threadId)?.activeTurnId;
    if (!turnId) return { ok: false, code: 'OKC_NOT_FOUND', message: 'Nothing is running in this thread.' };
    return this.call(() => this.link.rpc.request('turn/interrupt', { threadId, turnId }));
  }

  async answerApproval(params: AnswerApprovalParams): Promise<EngineResult<null>> {
    const approval = this.projector.store.approval(params.requestKey);
    if (!approval) return { ok: false, code: 'OKC_UNKNOWN_APPROVAL', message: 'This request is no longer known.' };
    if (approval.state !== 'pending') {
      return { ok: false, code: 'OKC_ALREADY_ANSWERED', message: 'This request was already answered.' };
    }
    const result = responseFor(approval, params.decision);
    if (result === null) return { ok: false, code: 'OKC_INVALID_ANSWER', message: 'This answer does not fit the request.' };
    if (!this.link.rpc.respond(requestIdOf(params.requestKey), result)) {
      return { ok: false, code: 'OKC_NOT_CONNECTED', message: 'Not connected to the bridge; answer again when it is back.' };
    }
    this.projector.apply([{ type: 'approval.answered', requestKey: params.requestKey, decision: params.decision }]);
    await this.projector.flushNow();
    return ok(null);
  }

  renameThread({ threadId, name }: RenameThreadParams): Promise<EngineResult<null>> {
    return this.call(async () => {
      await this.link.rpc.request('thread/name/set', { threadId, name });
      this.projector.apply([{ type: 'thread.renamed', threadId, name }]);
    });
  }

  archiveThread({ threadId }: ThreadRef): Promise<EngineResult<null>> {
    return this.call(() => this.link.rpc.request('thread/archive', { threadId }));
  }

  unarchiveThread({ threadId }: ThreadRef): Promise<EngineResult<null>> {
    return this.call(async () => {
      const r = await this.link.rpc.request('thread/unarchive', { threadId });
      this.projector.apply([{ type: 'thread.upserted', thread: threadSnapshot(r.thread) }]);
    });
  }

  async saveDraft({ threadId, text }: DraftParams): Promise<void> {
    this.projector.local.putDraft(threadId, text);
    this.projector.localChanged();
  }

  async markRead({ threadId }: ThreadRef): Promise<void> {
    this.setUnread(threadId, false);
  }

  private setUnread(threadId: string, unread: boolean): void {
    if (this.projector.local.setUnread(threadId, unread)) this.projector.localChanged();
  }

  async retryOutbox({ outboxId }: OutboxRef): Promise<EngineResult<null>> {
    return this.outbox.retry(outboxId) ? ok(null) : { ok: false, code: 'OKC_NOT_FOUND', message: 'That message is no longer waiting.' };
  }

  async discardOutbox({ outboxId }: OutboxRef): Promise<EngineResult<null>> {
    return this.outbox.discard(outboxId) ? ok(null) : { ok: false, code: 'OKC_NOT_FOUND', message: 'That message is no longer waiting.' };
  }

  async search({ query }: { query: string }): Promise<SearchHit[]> {
    return searchThreads(query, this.projector.store.allThreads(), (id) => this.projector.store.itemsOf(id));
  }

  async exportThread({ threadId, format }: ExportParams): Promise<EngineResult<string>> {
    const thread = this.projector.store.thread(threadId);
    if (!thread) return { ok: false, code: 'OKC_UNKNOWN_THREAD', message: 'No such thread.' };
    return ok(exportThread(thread, this.projector.store.itemsOf(threadId), format));
  }

  async diagnostics(): Promise<DiagnosticsSnapshot> {
    this.link.diagnostics.storage(this.projector.storageError);
    return { ...this.link.diagnostics.snapshot(), damagedRecords: { ...this.projector.damaged.byStore } };
  }

  readAccount(): Promise<EngineResult<AccountView>> {
    return this.value(() => account.readAccount(this.link.rpc));
  }

  loginWithApiKey({ apiKey }: { apiKey: string }): Promise<EngineResult<null>> {
    return this.call(() => account.loginWithApiKey(this.link.rpc, apiKey));
  }

  startChatGptLogin(): Promise<EngineResult<ChatGptLogin>> {
    return this.value(() => account.startChatGptLogin(this.link.rpc));
  }

  cancelLogin({ loginId }: { loginId: string }): Promise<EngineResult<null>> {
    return this.call(() => account.cancelLogin(this.link.rpc, loginId));
  }

  logout(): Promise<EngineResult<null>> {
    return this.call(() => account.logout(this.link.rpc));
  }

  searchFiles({ query, cwd }: { query: string; cwd: string }): Promise<EngineResult<FileMatch[]>> {
    return this.value(() => account.searchFiles(this.link.rpc, query, cwd));
  }

  /** Runs a codex call when connected and returns its value; failures become error results. */
  private async value<T>(fn: () => Promise<T>): Promise<EngineResult<T>> {
    const down = this.notReady<T>();
    if (down) return down;
    try {
      return ok(await fn());
    } catch (e) {
      return failure(e);
    }
  }

  /** Runs a codex call when connected; failures become error results. */
  private async call(fn: () => Promise<unknown>): Promise<EngineResult<null>> {
    const down = this.notReady<null>();
    if (down) return down;
    try {
      await fn();
      return ok(null);
    } catch (e) {
      return failure(e);
    }
  }
}
