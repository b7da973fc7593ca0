/**
 * The engine's projections: what the engine keeps in IndexedDB and fans out to tabs.
 * Plain structured-clone data only (they cross comlink, BroadcastChannel and IndexedDB).
 *
 * Every record carries `rev`, incremented by the engine on each change of that record, so a tab that
 * hydrates from IndexedDB while change notices arrive keeps whichever copy is newer.
 */
export type * from './item-body.ts';
export type * from './pending-requests.ts';
import type { ItemBody } from './item-body.ts';

/** A thread's state in one word (codex's status and its active flags, folded). */
export type ThreadStatusView =
  | 'notLoaded'
  | 'idle'
  | 'working'
  | 'waitingOnApproval'
  | 'waitingOnUserInput'
  | 'systemError';

/** Token counts of one model response, or of a thread so far. */
export interface TokenCounts {
  total: number;
  input: number;
  cachedInput: number;
  output: number;
  reasoningOutput: number;
}

/** A thread's token usage, as codex last reported it (after every model response). */
export interface TokenUsageView {
  /** Everything the thread used so far. */
  total: TokenCounts;
  /** The last model response. */
  last: TokenCounts;
  /** The model's context window in tokens, when codex knows it. */
  contextWindow: number | null;
}

/** Something codex said that is worth showing but belongs to no item: a warning, a deprecation. */
export interface NoticeView {
  kind: 'warning' | 'configWarning' | 'deprecation' | 'modelRerouted' | 'mcpServer';
  message: string;
  details: string | null;
}

/** One thread, as the thread list and the thread header show it. */
export interface ThreadRecord {
  id: string;
  /** Custom name set with thread/name/set, else null. */
  name: string | null;
  /** First user text, as codex reports it. */
  preview: string;
  cwd: string;
  status: ThreadStatusView;
  /** Unix seconds. */
  createdAt: number;
  updatedAt: number;
  /** The turn in progress, if any. */
  activeTurnId: string | null;
  /** Ordinal to give the next new item of this thread. */
  nextOrd: number;
  /** Archived (thread/archived) until unarchived. */
  archived: boolean;
  /** Deleted by some client (thread/deleted); kept so the UI can say so. */
  deleted: boolean;
  tokenUsage: TokenUsageView | null;
  /** Warnings about this thread, oldest first, each message once. */
  notices: NoticeView[];
  rev: number;
}

/** A turn's state: running, or how it ended. */
export type TurnStatusView = 'inProgress' | 'completed' | 'interrupted' | 'failed';

/** A codex error, in parts: the message, codex's machine code and HTTP status, and details. */
export interface TurnErrorView {
  message: string;
  /** codex's `codexErrorInfo` as one word (`contextWindowExceeded`, `httpConnectionFailed`, …), or null. */
  code: string | null;
  httpStatus: number | null;
  details: string | null;
}

/** A plan step's state. */
export type PlanStepStatus = 'pending' | 'inProgress' | 'completed';

/** The turn's checklist (turn/plan/updated): replaced as a whole on every update. */
export interface PlanView {
  explanation: string | null;
  steps: { step: string; status: PlanStepStatus }[];
}

/** One turn: how it ended, and what belongs to the turn rather than to an item. */
export interface TurnRecord {
  threadId: string;
  turnId: string;
  status: TurnStatusView;
  /** Human-readable failure, when the turn failed. */
  error: string | null;
  /** The failure in parts (null when the turn did not fail, or codex gave no details). */
  errorInfo: TurnErrorView | null;
  /** The error codex is retrying after (`error` with willRetry); cleared when the turn ends. */
  retrying: TurnErrorView | null;
  /** The turn's cumulative unified diff (turn/diff/updated), or null before any file changed. */
  diff: string | null;
  plan: PlanView | null;
  rev: number;
}

/** One transcript item: its body, where it belongs, and its place in the transcript. */
export type ItemRecord = ItemBody & {
  threadId: string;
  itemId: string;
  turnId: string;
  /** Order of first appearance within the thread. */
  ord: number;
  /** true until codex sends item/completed (or the turn ends without it). */
  streaming: boolean;
  rev: number;
};

/** Rate-limit use in one window. */
export interface RateLimitWindowView {
  usedPercent: number;
  windowMinutes: number | null;
  /** Unix seconds. */
  resetsAt: number | null;
}

/** The account's rate-limit use, as codex last reported it. */
export interface RateLimitsView {
  primary: RateLimitWindowView | null;
  secondary: RateLimitWindowView | null;
  /** Whether the account has credits left, when codex says. */
  hasCredits: boolean | null;
  planType: string | null;
}

/** The one key of the {@link ServerRecord}. */
export const SERVER_RECORD_ID = 'codex';

/** What codex says about itself rather than about a thread: account, rate limits, notices. */
export interface ServerRecord {
  id: typeof SERVER_RECORD_ID;
  /** How codex is signed in (`apikey`, `chatgpt`, …), null when signed out or not yet known. */
  authMode: string | null;
  planType: string | null;
  /** The outcome of the last login attempt, if any. */
  lastLogin: { success: boolean; error: string | null } | null;
  /** Merged from the sparse `account/rateLimits/updated` notifications. */
  rateLimits: RateLimitsView | null;
  /** Notices not tied to a thread (config warnings, deprecations), oldest first, each message once. */
  notices: NoticeView[];
  rev: number;
}

/** Where the engine's link to codex stands. */
export type ConnectionState =
  /** No bridge URL/token known yet: the user must open the URL okcode-bridge printed. */
  | 'unconfigured'
  | 'connecting'
  | 'ready'
  /** The bridge refused the token or origin. */
  | 'unauthorized'
  /** The bridge is up but codex is not (exited, restarting, missing). */
  | 'codexDown'
  | 'disconnected';

/** The engine's connection, for the connection status element. */
export interface ConnectionRecord {
  state: ConnectionState;
  /** A plain-words explanation for the UI. */
  detail: string;
  bridgeVersion: string | null;
  codexVersion: string | null;
  /** The bridge's working directory (default cwd for new threads). */
  cwd: string | null;
}
