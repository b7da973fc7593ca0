/**
 * The tab ↔ engine boundary. Tabs call `EngineApi` over comlink (arguments and results are plain
 * structured-clone data, never functions: SharedWorker ports give no close signal, so proxied callbacks
 * would leak). The engine announces changes on the BroadcastChannel `CHANGES_CHANNEL`.
 */
import type {
  ApprovalRecord,
  CommandDecision,
  ConnectionRecord,
  ItemRecord,
  ThreadRecord,
  TurnRecord,
} from './projections.ts';

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
}

export interface AnswerApprovalParams {
  requestKey: string;
  decision: CommandDecision;
}

/** Engine errors surfaced to tabs: a code for control flow plus words for people. */
export type EngineErrorCode =
  | 'OKC_NOT_CONNECTED'
  | 'OKC_RPC_FAILED'
  | 'OKC_UNKNOWN_APPROVAL'
  | 'OKC_ALREADY_ANSWERED';

export type EngineResult<T> = { ok: true; value: T } | { ok: false; code: EngineErrorCode; message: string };

export interface EngineApi {
  /** Points the engine at a bridge (idempotent; the target is persisted for later workers). */
  connect(target: BridgeTarget): Promise<void>;
  connection(): Promise<ConnectionRecord>;
  startThread(params: StartThreadParams): Promise<EngineResult<{ threadId: string }>>;
  sendMessage(params: SendMessageParams): Promise<EngineResult<{ turnId: string }>>;
  answerApproval(params: AnswerApprovalParams): Promise<EngineResult<null>>;
}

/** One batch of changed records, posted after they were written to IndexedDB. */
export interface ChangeNotice {
  type: 'changes';
  threads: ThreadRecord[];
  turns: TurnRecord[];
  items: ItemRecord[];
  approvals: ApprovalRecord[];
  connection: ConnectionRecord | null;
}
