/** The one entry point of the pure fold: (state view, event) → the records that event changes. */
import { reconcileTurn } from './reconcile.ts';
import type { DomainEvent } from '../../../../protocol/events.ts';
import { reduceApproval } from './approvals.ts';
import { reduceItemDelta } from './item-deltas.ts';
import { reduceItemLifecycle } from './items.ts';
import { reduceServer } from './server.ts';
import { patchOf, type Patch, type StateView } from './state-view.ts';
import { reduceThread } from './threads.ts';
import { reduceTurn } from './turns.ts';

function assertNever(x: never): never {
  throw new Error(`unhandled event ${JSON.stringify(x)}`);
}

/** The records `event` changes, as new objects (the view's records are never mutated). */
export function reduce(view: StateView, event: DomainEvent): Patch {
  // The streamed parts come first: they are nearly every event of a turn.
  switch (event.type) {
    case 'item.textDelta':
    case 'item.outputDelta':
    case 'item.planDelta':
    case 'item.reasoningDelta':
    case 'item.reasoningPartAdded':
    case 'item.progress':
    case 'item.patchUpdated':
      return reduceItemDelta(view, event);
    case 'item.started':
    case 'item.completed':
      return reduceItemLifecycle(view, event);
    case 'thread.upserted':
    case 'thread.statusChanged':
    case 'thread.renamed':
    case 'thread.archived':
    case 'thread.closed':
    case 'thread.deleted':
    case 'thread.tokenUsage':
    case 'thread.notice':
      return patchOf({ threads: [reduceThread(view, event)] });
    case 'turn.started':
    case 'turn.completed':
    case 'turn.errored':
    case 'turn.diffUpdated':
    case 'turn.planUpdated':
      return reduceTurn(view, event);
    case 'turn.reconciled':
      return reconcileTurn(view, event);
    case 'approval.requested':
    case 'approval.answered':
    case 'approval.resolved':
    case 'approval.allExpired':
      return patchOf({ approvals: reduceApproval(view, event) });
    case 'server.accountUpdated':
    case 'server.loginCompleted':
    case 'server.rateLimits':
    case 'server.notice':
      return patchOf({ server: [reduceServer(view, event)] });
    default:
      return assertNever(event);
  }
}
