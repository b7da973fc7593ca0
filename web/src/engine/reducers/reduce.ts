/** The one entry point of the pure fold: (state view, event) → the records that event changes. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import { reduceApproval } from './approvals.ts';
import { reduceItem } from './items.ts';
import { emptyPatch, type Patch, type StateView } from './state-view.ts';
import { reduceThread } from './threads.ts';
import { reduceTurn } from './turns.ts';

function assertNever(x: never): never {
  throw new Error(`unhandled event ${JSON.stringify(x)}`);
}

export function reduce(view: StateView, event: DomainEvent): Patch {
  switch (event.type) {
    case 'thread.upserted':
    case 'thread.statusChanged':
    case 'thread.renamed':
      return { ...emptyPatch(), threads: [reduceThread(view, event)] };
    case 'turn.started':
    case 'turn.completed':
      return reduceTurn(view, event);
    case 'item.started':
    case 'item.completed':
    case 'item.textDelta':
    case 'item.outputDelta':
      return reduceItem(view, event);
    case 'approval.requested':
    case 'approval.answered':
    case 'approval.resolved':
    case 'approval.allExpired':
      return { ...emptyPatch(), approvals: reduceApproval(view, event) };
    default:
      return assertNever(event);
  }
}
