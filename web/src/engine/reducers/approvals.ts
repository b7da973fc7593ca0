/** Pure reducers for server requests awaiting the user's answer. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type { ApprovalRecord } from '../../../../protocol/projections.ts';
import { nextRev, type StateView } from './state-view.ts';

/** The events about server requests. */
export type ApprovalEvent = Extract<
  DomainEvent,
  { type: 'approval.requested' | 'approval.answered' | 'approval.resolved' | 'approval.allExpired' }
>;

/** The request records an event changes (the first answer wins). */
export function reduceApproval(view: StateView, event: ApprovalEvent): ApprovalRecord[] {
  switch (event.type) {
    case 'approval.requested': {
      const old = view.approval(event.request.requestKey);
      // why: codex re-sends a pending request (same id) to a client that resumes the thread; an answer
      // already given must survive the re-send.
      if (old && old.state !== 'resolved' && old.threadId === event.request.threadId) return [];
      return [{ ...event.request, state: 'pending', decision: null, rev: nextRev(old) }];
    }
    case 'approval.answered': {
      const old = view.approval(event.requestKey);
      // The first answer wins; an answer of another kind than the request cannot be one.
      if (!old || old.state !== 'pending' || old.kind !== event.decision.kind) return [];
      return [{ ...old, state: 'answered', decision: event.decision, rev: old.rev + 1 }];
    }
    case 'approval.resolved': {
      const old = view.approval(event.requestKey);
      if (!old || old.state === 'resolved') return [];
      return [{ ...old, state: 'resolved', rev: old.rev + 1 }];
    }
    case 'approval.allExpired':
      return view.openApprovals().map((a) => ({ ...a, state: 'resolved', rev: a.rev + 1 }));
  }
}
