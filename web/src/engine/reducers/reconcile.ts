/** Pure: drops the items of a finished turn that codex has no record of (see `turn.reconciled`). */
import type { DomainEvent } from '../../../../protocol/events.ts';
import { emptyPatch, type Patch, type StateView } from './state-view.ts';

export function reconcileTurn(view: StateView, event: Extract<DomainEvent, { type: 'turn.reconciled' }>): Patch {
  const known = new Set(event.itemIds);
  const patch = emptyPatch();
  patch.removedItems = view
    .turnItems(event.threadId, event.turnId)
    .filter((i) => !known.has(i.itemId))
    .map((i) => ({ threadId: i.threadId, itemId: i.itemId }));
  return patch;
}
