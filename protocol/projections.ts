/**
 * The engine's projections: what the engine keeps in IndexedDB and fans out to tabs.
 * Plain structured-clone data only (they cross comlink, BroadcastChannel and IndexedDB).
 *
 * Every record carries `rev`, incremented by the engine on each change of that record, so a tab that
 * hydrates from IndexedDB while change notices arrive keeps whichever copy is newer.
 */

export type ThreadStatusView =
  | 'notLoaded'
  | 'idle'
  | 'working'
  | 'waitingOnApproval'
  | 'waitingOnUserInput'
  | 'systemError';

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
  rev: number;
}

export type TurnStatusView = 'inProgress' | 'completed' | 'interrupted' | 'failed';

export interface TurnRecord {
  threadId: string;
  turnId: string;
  status: TurnStatusView;
  /** Human-readable failure, when the turn failed. */
  error: string | null;
  rev: number;
}

export type CommandStatusView = 'inProgress' | 'completed' | 'failed' | 'declined';

/** What an item shows; `kind` mirrors codex's ThreadItem `type` for the kinds we render. */
export type ItemBody =
  | { kind: 'userMessage'; text: string }
  | { kind: 'agentMessage'; text: string }
  | {
      kind: 'commandExecution';
      command: string;
      cwd: string;
      output: string;
      exitCode: number | null;
      durationMs: number | null;
      status: CommandStatusView;
    }
  /** An item type this build does not render yet; still shown, so nothing is silently dropped. */
  | { kind: 'other'; type: string; summary: string };

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

/** A decision the user can give to a command approval request. */
export type CommandDecision = 'accept' | 'acceptForSession' | 'decline' | 'cancel';

export type ApprovalKind = 'commandExecution' | 'fileChange';

export type ApprovalState = 'pending' | 'answered' | 'resolved';

export interface ApprovalRecord {
  /** The JSON-RPC id of codex's server request, as a string key (`"n:0"` or `"s:abc"`). */
  requestKey: string;
  threadId: string;
  turnId: string;
  itemId: string;
  /** What is asked: running a command, or applying the file changes of item `itemId`. */
  kind: ApprovalKind;
  /** The command line (empty for file changes). */
  command: string;
  cwd: string;
  reason: string | null;
  state: ApprovalState;
  /** The decision sent, once answered (by any tab). */
  decision: CommandDecision | null;
  rev: number;
}

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

export interface ConnectionRecord {
  state: ConnectionState;
  /** A plain-words explanation for the UI. */
  detail: string;
  bridgeVersion: string | null;
  codexVersion: string | null;
  /** The bridge's working directory (default cwd for new threads). */
  cwd: string | null;
}
