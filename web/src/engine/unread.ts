/**
 * What counts as new activity for a thread's unread marker: one of its turns ended, or one of its
 * agent messages completed. Only live events are asked (a resync replays history, which is not new).
 */
import type { DomainEvent } from '../../../protocol/events.ts';

/** The thread `event` is new activity of, or null. */
export function activityThread(event: DomainEvent): string | null {
  if (event.type === 'turn.completed') return event.threadId;
  if (event.type === 'item.completed' && event.item.kind === 'agentMessage') return event.threadId;
  return null;
}
