/**
 * What Lit elements read and call. Elements never touch the network or IndexedDB: they read these
 * signals and call these actions, and the store talks to the engine.
 */
import type { Signal } from './signals.ts';
import type {
  ApprovalRecord,
  ConnectionRecord,
  ItemRecord,
  RequestAnswer,
  ServerRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../protocol/projections.ts';
import type { OutboxRecord } from '../../../protocol/local-records.ts';
import type { TurnOverrides } from '../../../protocol/engine-api.ts';
import type { StoreApi } from './store-api.ts';

export interface SendOptions {
  /** Settings for this and later turns (model, effort, approval policy, sandbox). */
  overrides?: TurnOverrides;
  /** Attached images as data: URLs. */
  images?: string[];
}

export interface AppStore {
  /** All known threads, most recently updated first. */
  readonly threads: Signal.Computed<readonly ThreadRecord[]>;
  readonly selectedThreadId: Signal.Computed<string | null>;
  readonly selectedThread: Signal.Computed<ThreadRecord | null>;
  /** Items of the selected thread, in transcript order. */
  readonly selectedItems: Signal.Computed<readonly ItemRecord[]>;
  /** Turns of the selected thread (for failure messages). */
  readonly selectedTurns: Signal.Computed<readonly TurnRecord[]>;
  /** Pending approvals of the selected thread, oldest first. */
  readonly selectedApprovals: Signal.Computed<readonly ApprovalRecord[]>;
  /** Requests waiting for an answer (state `pending`) in any thread, oldest first (badge, notifications). */
  readonly pendingApprovals: Signal.Computed<readonly ApprovalRecord[]>;
  /** Every turn this tab has read or heard of, any thread (to notice turns ending in the background). */
  readonly allTurns: Signal.Computed<readonly TurnRecord[]>;
  readonly connection: Signal.Computed<ConnectionRecord>;
  /** What codex reports about itself: account, rate limits, notices (null until it says anything). */
  readonly server: Signal.Computed<ServerRecord | null>;
  /** The last action error, in plain words, or null. */
  readonly lastError: Signal.Computed<string | null>;
  /** Messages of the selected thread still on their way to codex (bridge down, queued, or refused). */
  readonly selectedOutbox: Signal.Computed<readonly OutboxRecord[]>;
  /** Messages waiting in the outbox, across all threads. */
  readonly outboxCount: Signal.Computed<number>;
  /** The saved draft of the selected thread ('' when none). */
  readonly selectedDraft: Signal.Computed<string>;
  /**
   * Threads with activity (a turn ended, an agent message) since a visible tab last showed them. The
   * store clears the shown thread's marker itself while the tab is visible.
   */
  readonly unreadThreads: Signal.Computed<ReadonlySet<string>>;

  selectThread(threadId: string | null): void;
  /**
   * Starts a thread in `cwd` (an absolute path; the bridge's directory when omitted) and selects it.
   * Resolves false when codex refused (see lastError).
   */
  newThread(cwd?: string): Promise<boolean>;
  /**
   * Sends a message to the selected thread: 'now' starts a turn or steers the running one, 'afterTurn'
   * queues it until the running turn ends. Resolves true once it is sent or safely waiting in the
   * outbox; false when codex refused it (see lastError).
   */
  send(text: string, when?: 'now' | 'afterTurn', options?: SendOptions): Promise<boolean>;
  /** Engine calls that return data (search, export, account, models, …). */
  readonly api: StoreApi;
  /** Stops the selected thread's running turn. */
  interrupt(): Promise<void>;
  /** Remembers the selected thread's draft (debounced; survives reloads). */
  saveDraft(text: string): void;
  renameThread(threadId: string, name: string): Promise<void>;
  archiveThread(threadId: string): Promise<void>;
  retryOutbox(outboxId: string): Promise<void>;
  discardOutbox(outboxId: string): Promise<void>;
  answerApproval(requestKey: string, decision: RequestAnswer): Promise<void>;
}
