/** Pure reducers for thread records. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type { ThreadRecord } from '../../../../protocol/projections.ts';
import { nextRev, placeholderThread, withNotice, type StateView } from './state-view.ts';

/** The events about a thread record. */
export type ThreadEvent = Extract<
  DomainEvent,
  {
    type:
      | 'thread.upserted'
      | 'thread.statusChanged'
      | 'thread.renamed'
      | 'thread.archived'
      | 'thread.closed'
      | 'thread.deleted'
      | 'thread.tokenUsage'
      | 'thread.notice';
  }
>;

/** The thread record after `event` (always a new object with `rev` + 1). */
export function reduceThread(view: StateView, event: ThreadEvent): ThreadRecord {
  const id = event.type === 'thread.upserted' ? event.thread.id : event.threadId;
  const known = view.thread(id);
  const old = known ?? placeholderThread(id);
  const rev = nextRev(known);
  switch (event.type) {
    case 'thread.upserted': {
      const t = event.thread;
      return {
        ...old,
        name: t.name ?? old.name,
        preview: t.preview || old.preview,
        cwd: t.cwd,
        status: t.status,
        createdAt: t.createdAt,
        updatedAt: Math.max(t.updatedAt, old.updatedAt),
        rev,
      };
    }
    case 'thread.statusChanged':
      return { ...old, status: event.status, rev };
    case 'thread.renamed':
      return { ...old, name: event.name, rev };
    case 'thread.archived':
      return { ...old, archived: event.archived, rev };
    case 'thread.closed':
      // Codex unloaded the thread: nothing runs in it until it is resumed.
      return { ...old, status: 'notLoaded', activeTurnId: null, rev };
    case 'thread.deleted':
      return { ...old, deleted: true, rev };
    case 'thread.tokenUsage':
      return { ...old, tokenUsage: event.usage, rev };
    case 'thread.notice':
      return { ...old, notices: withNotice(old.notices, event.notice), rev };
  }
}
