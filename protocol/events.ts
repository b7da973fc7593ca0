/**
 * Domain events: what `ingest` makes of codex frames and what the reducers fold into projections.
 * Past tense, dot-namespaced. Everything an event needs is inside it (no clocks, no lookups).
 */
import type {
  FileChangeView,
  ItemBody,
  NoticeView,
  PlanView,
  RequestAnswer,
  RequestBody,
  ThreadStatusView,
  TokenUsageView,
  TurnErrorView,
  TurnStatusView,
} from './projections.ts';

/** The parts of a codex Thread the projections keep. */
export interface ThreadSnapshot {
  id: string;
  name: string | null;
  preview: string;
  cwd: string;
  status: ThreadStatusView;
  createdAt: number;
  updatedAt: number;
}

/** An item as codex last described it (its body and id). */
export type ItemSnapshot = ItemBody & { itemId: string };

/** A server request as codex sent it (see ApprovalRecord for the fields). */
export type RequestSnapshot = RequestBody & {
  requestKey: string;
  threadId: string;
  turnId: string | null;
  itemId: string | null;
};
/** @see RequestSnapshot */
export type ApprovalRequest = RequestSnapshot;

/** A sparse rate-limit update: null fields leave what was known before. */
export interface RateLimitsUpdate {
  primary: { usedPercent: number; windowMinutes: number | null; resetsAt: number | null } | null;
  secondary: { usedPercent: number; windowMinutes: number | null; resetsAt: number | null } | null;
  hasCredits: boolean | null;
  planType: string | null;
}

type ItemRef = { threadId: string; turnId: string; itemId: string };

/** Everything that changes a projection. */
export type DomainEvent =
  | { type: 'thread.upserted'; thread: ThreadSnapshot }
  | { type: 'thread.statusChanged'; threadId: string; status: ThreadStatusView }
  | { type: 'thread.renamed'; threadId: string; name: string | null }
  | { type: 'thread.archived'; threadId: string; archived: boolean }
  /** Codex unloaded the thread (idle too long): it is `notLoaded` until resumed. */
  | { type: 'thread.closed'; threadId: string }
  | { type: 'thread.deleted'; threadId: string }
  | { type: 'thread.tokenUsage'; threadId: string; usage: TokenUsageView }
  | { type: 'thread.notice'; threadId: string; notice: NoticeView }
  | { type: 'turn.started'; threadId: string; turnId: string }
  /**
   * Codex's complete list of a finished turn's items (from a resync): items of that turn it does not
   * list were never recorded (a reply cut off by a crash or a steer) and leave the projection.
   */
  | { type: 'turn.reconciled'; threadId: string; turnId: string; itemIds: string[] }
  | {
      type: 'turn.completed';
      threadId: string;
      turnId: string;
      status: TurnStatusView;
      /** The failure in words (see `errorText`), or null. */
      error: string | null;
      /** The failure in parts, when known. */
      errorInfo?: TurnErrorView | null;
    }
  /** codex's `error` notification: a retry in progress (`willRetry`), or the turn's final failure. */
  | { type: 'turn.errored'; threadId: string; turnId: string; error: TurnErrorView; willRetry: boolean }
  | { type: 'turn.diffUpdated'; threadId: string; turnId: string; diff: string }
  | { type: 'turn.planUpdated'; threadId: string; turnId: string; plan: PlanView }
  | { type: 'item.started'; threadId: string; turnId: string; item: ItemSnapshot }
  | { type: 'item.completed'; threadId: string; turnId: string; item: ItemSnapshot }
  /** Agent message text. */
  | ({ type: 'item.textDelta'; delta: string } & ItemRef)
  /** Command output. */
  | ({ type: 'item.outputDelta'; delta: string } & ItemRef)
  /** Plan item text. */
  | ({ type: 'item.planDelta'; delta: string } & ItemRef)
  /** Reasoning: a summary part's text or a raw content part's text. */
  | ({ type: 'item.reasoningDelta'; part: 'summary' | 'content'; index: number; delta: string } & ItemRef)
  | ({ type: 'item.reasoningPartAdded'; index: number } & ItemRef)
  /** An MCP tool call's progress message. */
  | ({ type: 'item.progress'; message: string } & ItemRef)
  /** The files of a patch codex is still streaming (before or while its fileChange item runs). */
  | ({ type: 'item.patchUpdated'; changes: FileChangeView[] } & ItemRef)
  | { type: 'approval.requested'; request: RequestSnapshot }
  | { type: 'approval.answered'; requestKey: string; decision: RequestAnswer }
  | { type: 'approval.resolved'; requestKey: string }
  /** Codex restarted or the codex connection was replaced: its pending requests are gone. */
  | { type: 'approval.allExpired' }
  | { type: 'server.accountUpdated'; authMode: string | null; planType: string | null }
  | { type: 'server.loginCompleted'; success: boolean; error: string | null }
  | { type: 'server.rateLimits'; update: RateLimitsUpdate }
  | { type: 'server.notice'; notice: NoticeView };

/** The event names. */
export type DomainEventType = DomainEvent['type'];
