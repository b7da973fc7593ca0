/** Pure reducers for turns, and the thread and item changes a turn's start or end implies. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type {
  ItemRecord,
  ThreadStatusView,
  TurnErrorView,
  TurnRecord,
  TurnStatusView,
} from '../../../../protocol/projections.ts';
import { errorText } from '../turn-error.ts';
import { emptyPatch, nextRev, placeholderThread, placeholderTurn, type Patch, type StateView } from './state-view.ts';

/** The events about a turn record. */
export type TurnEvent = Extract<
  DomainEvent,
  { type: 'turn.started' | 'turn.completed' | 'turn.errored' | 'turn.diffUpdated' | 'turn.planUpdated' }
>;

const BUSY: readonly ThreadStatusView[] = ['working', 'waitingOnApproval', 'waitingOnUserInput'];

function started(view: StateView, event: Extract<TurnEvent, { type: 'turn.started' }>, old: TurnRecord | undefined): Patch {
  const patch = emptyPatch();
  // why: the turn/start response and the turn/started notification both announce the turn;
  // a turn that already finished must not be reopened by the later of the two.
  if (old && old.status !== 'inProgress') return patch;
  const base = old ?? placeholderTurn(event.threadId, event.turnId);
  patch.turns.push({ ...base, status: 'inProgress', rev: nextRev(old) });
  const thread = view.thread(event.threadId) ?? placeholderThread(event.threadId);
  // A running turn means a working thread, whatever an earlier failure (systemError) left behind;
  // codex's own thread/status/changed refines it (waiting on approval…).
  const status = BUSY.includes(thread.status) ? thread.status : 'working';
  patch.threads.push({ ...thread, activeTurnId: event.turnId, status, rev: nextRev(view.thread(event.threadId)) });
  return patch;
}

/** The failure of a finished turn in parts: what the event says, else what an `error` told before. */
function finalError(event: Extract<TurnEvent, { type: 'turn.completed' }>, old: TurnRecord | undefined): TurnErrorView | null {
  if (event.errorInfo) return event.errorInfo;
  if (event.error === null) return null;
  const known = old?.errorInfo;
  const same = known && (errorText(known) === event.error || known.message === event.error);
  return same ? known : { message: event.error, code: null, httpStatus: null, details: null };
}

function completed(view: StateView, event: Extract<TurnEvent, { type: 'turn.completed' }>, old: TurnRecord | undefined): Patch {
  const patch = emptyPatch();
  const base = old ?? placeholderTurn(event.threadId, event.turnId);
  patch.turns.push({
    ...base,
    status: event.status,
    error: event.error,
    errorInfo: finalError(event, old),
    retrying: null,
    rev: nextRev(old),
  });
  const thread = view.thread(event.threadId);
  if (thread?.activeTurnId === event.turnId) {
    // why: codex sends thread/status/changed before turn/completed; should it be lost (a gap, an
    // older codex), the thread must still not stay "working" once its turn is over.
    const status: ThreadStatusView = BUSY.includes(thread.status) ? (event.status === 'failed' ? 'systemError' : 'idle') : thread.status;
    patch.threads.push({ ...thread, activeTurnId: null, status, rev: thread.rev + 1 });
  }
  patch.items.push(...closeDanglingItems(view.streamingItems(event.threadId, event.turnId), event.status));
  return patch;
}

/** A change to a turn's own fields; the turn is created (in progress) if this is the first word of it. */
function updated(event: TurnEvent, old: TurnRecord | undefined, change: Partial<TurnRecord>): Patch {
  const patch = emptyPatch();
  patch.turns.push({ ...(old ?? placeholderTurn(event.threadId, event.turnId)), ...change, rev: nextRev(old) });
  return patch;
}

/** The records a turn event changes: the turn, and on start or end its thread and open items. */
export function reduceTurn(view: StateView, event: TurnEvent): Patch {
  const old = view.turn(event.threadId, event.turnId);
  switch (event.type) {
    case 'turn.started':
      return started(view, event, old);
    case 'turn.completed':
      return completed(view, event, old);
    case 'turn.errored':
      // A retry is transient (shown while it lasts); the final error stays with the failed turn.
      return event.willRetry
        ? updated(event, old, { retrying: event.error })
        : updated(event, old, { retrying: null, errorInfo: event.error, error: errorText(event.error) });
    case 'turn.diffUpdated':
      return updated(event, old, { diff: event.diff });
    case 'turn.planUpdated':
      return updated(event, old, { plan: event.plan });
  }
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
      const closed = { ...i, streaming: false, rev: i.rev + 1 };
      if ('status' in closed && closed.status === 'inProgress') return { ...closed, status: 'interrupted' };
      return closed;
    });
}
