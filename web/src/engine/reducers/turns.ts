/** Pure reducers for turns, and the thread and item changes a turn's start or end implies. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type { ItemRecord, TurnStatusView } from '../../../../protocol/projections.ts';
import { emptyPatch, nextRev, placeholderThread, type Patch, type StateView } from './state-view.ts';

type TurnEvent = Extract<DomainEvent, { type: 'turn.started' | 'turn.completed' }>;

export function reduceTurn(view: StateView, event: TurnEvent): Patch {
  const patch = emptyPatch();
  const oldTurn = view.turn(event.threadId, event.turnId);
  const thread = view.thread(event.threadId) ?? placeholderThread(event.threadId);
  if (event.type === 'turn.started') {
    // why: the turn/start response and the turn/started notification both announce the turn;
    // a turn that already finished must not be reopened by the later of the two.
    if (oldTurn && oldTurn.status !== 'inProgress') return patch;
    patch.turns.push({ threadId: event.threadId, turnId: event.turnId, status: 'inProgress', error: null, rev: nextRev(oldTurn) });
    patch.threads.push({ ...thread, activeTurnId: event.turnId, rev: nextRev(thread) });
    return patch;
  }
  patch.turns.push({
    threadId: event.threadId,
    turnId: event.turnId,
    status: event.status,
    error: event.error,
    rev: nextRev(oldTurn),
  });
  if (thread.activeTurnId === event.turnId) {
    patch.threads.push({ ...thread, activeTurnId: null, rev: nextRev(thread) });
  }
  patch.items.push(...closeDanglingItems(view.streamingItems(event.threadId, event.turnId), event.status));
  return patch;
}

/**
 * Items codex never completes (a message preempted by steer or interrupt, a command waiting on an
 * approval that was cancelled) stop streaming when their turn ends. Commands of a completed turn keep
 * streaming: background commands outlive their turn and complete later.
 */
function closeDanglingItems(items: readonly ItemRecord[], status: TurnStatusView): ItemRecord[] {
  return items
    .filter((i) => !(i.kind === 'commandExecution' && status === 'completed'))
    .map((i): ItemRecord => {
      if (i.kind === 'commandExecution' && i.status === 'inProgress') {
        return { ...i, streaming: false, status: 'declined', rev: i.rev + 1 };
      }
      return { ...i, streaming: false, rev: i.rev + 1 };
    });
}
