/**
 * Domain events: what `ingest` makes of codex frames and what the reducers fold into projections.
 * Past tense, dot-namespaced. Everything an event needs is inside it (no clocks, no lookups).
 */
import type {
  ApprovalKind,
  CommandDecision,
  ItemBody,
  ThreadStatusView,
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

export type ItemSnapshot = ItemBody & { itemId: string };

export interface ApprovalRequest {
  requestKey: string;
  kind: ApprovalKind;
  threadId: string;
  turnId: string;
  itemId: string;
  command: string;
  cwd: string;
  reason: string | null;
}

export type DomainEvent =
  | { type: 'thread.upserted'; thread: ThreadSnapshot }
  | { type: 'thread.statusChanged'; threadId: string; status: ThreadStatusView }
  | { type: 'thread.renamed'; threadId: string; name: string | null }
  | { type: 'turn.started'; threadId: string; turnId: string }
  | {
      type: 'turn.completed';
      threadId: string;
      turnId: string;
      status: TurnStatusView;
      error: string | null;
    }
  | { type: 'item.started'; threadId: string; turnId: string; item: ItemSnapshot }
  | { type: 'item.completed'; threadId: string; turnId: string; item: ItemSnapshot }
  | { type: 'item.textDelta'; threadId: string; turnId: string; itemId: string; delta: string }
  | { type: 'item.outputDelta'; threadId: string; turnId: string; itemId: string; delta: string }
  | { type: 'approval.requested'; request: ApprovalRequest }
  | { type: 'approval.answered'; requestKey: string; decision: CommandDecision }
  | { type: 'approval.resolved'; requestKey: string }
  /** Codex restarted or the codex connection was replaced: its pending requests are gone. */
  | { type: 'approval.allExpired' };

export type DomainEventType = DomainEvent['type'];
