/**
 * The tab ↔ engine boundary. Tabs call `EngineApi` over comlink (arguments and results are plain
 * structured-clone data, never functions: SharedWorker ports give no close signal, so proxied callbacks
 * would leak). The engine announces changes on the BroadcastChannel `CHANGES_CHANNEL`.
 */
import type {
  ApprovalRecord,
  ConnectionRecord,
  ItemRecord,
  RequestAnswer,
  ServerRecord,
  ThreadRecord,
  TurnRecord,
} from './projections.ts';
import type { DraftRecord, OutboxRecord, ReadStateRecord } from './local-records.ts';

/** Name of the BroadcastChannel the engine posts `ChangeNotice`s on. */
export const CHANGES_CHANNEL = 'okcode.changes.v1';

/** Where the engine finds the bridge. The token comes from the `#token=` fragment of the ready URL. */
export interface BridgeTarget {
  /** e.g. `ws://127.0.0.1:3773/ws` */
  url: string;
  token: string;
}

export interface StartThreadParams {
  /** Absolute working directory; the bridge's own directory when omitted. */
  cwd?: string;
}

export interface SendMessageParams {
  threadId: string;
  text: string;
  /**
   * 'now' (default): start a turn, or steer the running one. 'afterTurn': wait until the running turn
   * ends (Queue).
   */
  when?: 'now' | 'afterTurn';
  overrides?: TurnOverrides;
  /** Images to attach, as `data:image/…;base64,…` URLs (pasted or dropped). */
  images?: string[];
}

/** Per-turn settings; they stick for later turns of the thread (codex keeps them). */
export interface TurnOverrides {
  model?: string;
  /** Reasoning effort, one of the model's `reasoningEfforts`. */
  effort?: string;
  approvalPolicy?: 'untrusted' | 'on-request' | 'never';
  sandbox?: 'read-only' | 'workspace-write' | 'danger-full-access';
}

export interface SendMessageResult {
  /** The outbox record that carries the message until codex records it. */
  outboxId: string;
  /** false when it waits in the outbox (bridge down, or queued after the running turn). */
  sent: boolean;
}

export interface AnswerApprovalParams {
  requestKey: string;
  /** The answer; its `kind` must be the request's. */
  decision: RequestAnswer;
}

export interface ThreadRef {
  threadId: string;
}

export interface RenameThreadParams {
  threadId: string;
  name: string;
}

export interface DraftParams {
  threadId: string;
  text: string;
}

export interface OutboxRef {
  outboxId: string;
}

/** A model codex offers (from model/list). */
export interface ModelOption {
  id: string;
  displayName: string;
  isDefault: boolean;
  reasoningEfforts: string[];
  defaultReasoningEffort: string;
}

export interface SearchHit {
  threadId: string;
  /** null when the thread's name or preview matched. */
  itemId: string | null;
  /** Text around the match. */
  snippet: string;
}

export type ExportFormat = 'markdown' | 'jsonl';

/** Who codex is signed in as. */
export interface AccountView {
  /** 'apiKey', 'chatgpt', another provider's name, or null when signed out. */
  type: string | null;
  email: string | null;
  planType: string | null;
  /** false when the configured provider needs no OpenAI sign-in (e.g. a custom provider). */
  requiresOpenaiAuth: boolean;
}

export interface ChatGptLogin {
  loginId: string;
  /** Open this in a browser on the machine codex runs on: it redirects to 127.0.0.1:1455 there. */
  authUrl: string;
}

/** A file in the thread's directory matching a fuzzy query (for `@` mentions). */
export interface FileMatch {
  path: string;
  fileName: string;
}

export interface ExportParams {
  threadId: string;
  format: ExportFormat;
}

/** What the engine could not project or answer: shown in the diagnostics view. */
export interface DiagnosticsSnapshot {
  unknown: Record<string, number>;
  ignored: Record<string, number>;
  malformed: Array<{ method: string; problem: string }>;
  refusedRequests: Record<string, number>;
  bridgeErrors: Array<{ code: string; message: string }>;
  malformedFrames: number;
  /** The last IndexedDB write failure (quota, closed database), or null. */
  storageError: string | null;
  /** Damaged records the engine skipped when it read IndexedDB at start-up, by store (absent from older engines). */
  damagedRecords?: Record<string, number>;
}

/** Engine errors surfaced to tabs: a code for control flow plus words for people. */
export type EngineErrorCode =
  | 'OKC_NOT_CONNECTED'
  | 'OKC_RPC_FAILED'
  | 'OKC_UNKNOWN_APPROVAL'
  | 'OKC_ALREADY_ANSWERED'
  /** The answer does not fit the request (another kind, or something codex did not offer). */
  | 'OKC_INVALID_ANSWER'
  | 'OKC_UNKNOWN_THREAD'
  | 'OKC_NOT_FOUND';

export type EngineResult<T> = { ok: true; value: T } | { ok: false; code: EngineErrorCode; message: string };

export interface EngineApi {
  /** Points the engine at a bridge (idempotent; the target is persisted for later workers). */
  connect(target: BridgeTarget): Promise<void>;
  connection(): Promise<ConnectionRecord>;
  startThread(params: StartThreadParams): Promise<EngineResult<{ threadId: string }>>;
  /** A tab shows this thread: subscribe to it and bring its history up to date from codex. */
  watchThread(params: ThreadRef): Promise<EngineResult<null>>;
  /** Loads the next page of codex's thread list (threads from the Codex CLI and other clients too). */
  loadMoreThreads(): Promise<EngineResult<{ more: boolean }>>;
  sendMessage(params: SendMessageParams): Promise<EngineResult<SendMessageResult>>;
  interruptTurn(params: ThreadRef): Promise<EngineResult<null>>;
  answerApproval(params: AnswerApprovalParams): Promise<EngineResult<null>>;
  renameThread(params: RenameThreadParams): Promise<EngineResult<null>>;
  archiveThread(params: ThreadRef): Promise<EngineResult<null>>;
  unarchiveThread(params: ThreadRef): Promise<EngineResult<null>>;
  forkThread(params: ThreadRef): Promise<EngineResult<{ threadId: string }>>;
  listModels(): Promise<EngineResult<ModelOption[]>>;
  saveDraft(params: DraftParams): Promise<void>;
  /**
   * A tab read damaged records of these threads from IndexedDB (and skipped them): re-read them from
   * codex, now or on the next connect, so codex's copies replace the damaged ones.
   */
  repairThreads(params: { threadIds: string[] }): Promise<void>;
  /** A visible tab shows this thread: clear its unread marker. */
  markRead(params: ThreadRef): Promise<void>;
  retryOutbox(params: OutboxRef): Promise<EngineResult<null>>;
  discardOutbox(params: OutboxRef): Promise<EngineResult<null>>;
  search(params: { query: string }): Promise<SearchHit[]>;
  exportThread(params: ExportParams): Promise<EngineResult<string>>;
  diagnostics(): Promise<DiagnosticsSnapshot>;
  readAccount(): Promise<EngineResult<AccountView>>;
  loginWithApiKey(params: { apiKey: string }): Promise<EngineResult<null>>;
  startChatGptLogin(): Promise<EngineResult<ChatGptLogin>>;
  cancelLogin(params: { loginId: string }): Promise<EngineResult<null>>;
  logout(): Promise<EngineResult<null>>;
  searchFiles(params: { query: string; cwd: string }): Promise<EngineResult<FileMatch[]>>;
}

/** One batch of changed records, posted after they were written to IndexedDB. */
export interface ChangeNotice {
  type: 'changes';
  threads: ThreadRecord[];
  turns: TurnRecord[];
  items: ItemRecord[];
  approvals: ApprovalRecord[];
  outbox: OutboxRecord[];
  /** Ids of outbox records that were sent (or discarded). */
  removedOutbox: string[];
  drafts: DraftRecord[];
  /** Unread markers that changed (absent from engines older than the marker). */
  reads?: ReadStateRecord[];
  /** Zero or one server record (account, rate limits, notices). */
  server: ServerRecord[];
  /** Items codex has no record of (dropped by a resync). */
  removedItems: Array<{ threadId: string; itemId: string }>;
  connection: ConnectionRecord | null;
}

/** Everything the engine posts on CHANGES_CHANNEL. */
export type ChannelMessage =
  | ChangeNotice
  /** The database is being upgraded by a newer version of the app: this tab must reload. */
  | { type: 'reload-required' }
  /** Writing to IndexedDB failed (quota, closed database), or works again (error null). */
  | { type: 'storage'; error: string | null };
