/**
 * What Lit elements read and call. Elements never touch the network or IndexedDB: they read these
 * signals and call these actions, and the store talks to the engine.
 */
import type { Signal } from './signals.ts';
import type {
  ApprovalRecord,
  CommandDecision,
  ConnectionRecord,
  ItemRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../protocol/projections.ts';

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
  readonly connection: Signal.Computed<ConnectionRecord>;
  /** The last action error, in plain words, or null. */
  readonly lastError: Signal.Computed<string | null>;

  selectThread(threadId: string | null): void;
  /** Starts a thread in the bridge's directory and selects it. */
  newThread(): Promise<void>;
  /** Sends a message to the selected thread. Resolves false when it could not be sent (see lastError). */
  send(text: string): Promise<boolean>;
  answerApproval(requestKey: string, decision: CommandDecision): Promise<void>;
}
