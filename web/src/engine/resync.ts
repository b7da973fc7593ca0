/**
 * Pure: the events that bring a thread's projection in line with what codex says about it
 * (thread/resume, then every turn and item page). Applying them to a projection that already holds
 * some of this (streamed live, or from an earlier resync) changes nothing twice: items are keyed by
 * id, a completed item replaces its streamed copy, and a finished turn closes what it left open.
 */
import type { DomainEvent } from '../../../protocol/events.ts';
import type { Thread, Turn } from '../../../protocol/codex/methods.ts';
import type { ThreadItemEntry } from '../../../protocol/codex/_generated/v2/ThreadItemEntry.ts';
import { itemSnapshot, threadSnapshot, threadStatusView, turnErrorView } from './ingest.ts';

export function resyncEvents(thread: Thread, turns: readonly Turn[], entries: readonly ThreadItemEntry[]): DomainEvent[] {
  const events: DomainEvent[] = [{ type: 'thread.upserted', thread: threadSnapshot(thread) }];
  const byTurn = new Map<string, ThreadItemEntry[]>();
  for (const e of entries) {
    const list = byTurn.get(e.turnId);
    if (list) list.push(e);
    else byTurn.set(e.turnId, [e]);
  }
  for (const turn of turns) {
    events.push({ type: 'turn.started', threadId: thread.id, turnId: turn.id });
    for (const e of byTurn.get(turn.id) ?? []) {
      events.push({
        type: e.completedAtMs === null && turn.status === 'inProgress' ? 'item.started' : 'item.completed',
        threadId: thread.id,
        turnId: turn.id,
        item: itemSnapshot(e.item),
      });
    }
    if (turn.status !== 'inProgress') {
      events.push({ type: 'turn.reconciled', threadId: thread.id, turnId: turn.id, itemIds: (byTurn.get(turn.id) ?? []).map((e) => e.item.id) });
      events.push({
        type: 'turn.completed',
        threadId: thread.id,
        turnId: turn.id,
        status: turn.status,
        error: turn.error ? turn.error.message : null,
        errorInfo: turn.error ? turnErrorView(turn.error) : null,
      });
    }
  }
  // Last, so a status codex reports wins over whatever the turn events implied.
  events.push({ type: 'thread.statusChanged', threadId: thread.id, status: threadStatusView(thread.status) });
  return events;
}

/** Ids the client gave to user messages (`clientUserMessageId`) that codex has recorded. */
export function deliveredClientIds(entries: readonly ThreadItemEntry[]): string[] {
  return entries.flatMap((e) => (e.item.type === 'userMessage' && e.item.clientId ? [e.item.clientId] : []));
}

/**
 * Pure: the events that bring one finished turn in line with codex's record of its items
 * (thread/items/list for that turn). why: codex keeps no record of what an interrupted turn left
 * unfinished (a command cancelled at its approval, a half-streamed reply), so the live projection
 * would otherwise keep items that a reload, or any other client, never shows.
 */
export function finishedTurnEvents(threadId: string, turnId: string, entries: readonly ThreadItemEntry[]): DomainEvent[] {
  return [
    ...entries.map((e): DomainEvent => ({ type: 'item.completed', threadId, turnId, item: itemSnapshot(e.item) })),
    { type: 'turn.reconciled', threadId, turnId, itemIds: entries.map((e) => e.item.id) },
  ];
}
