/** Pure reducers for thread records. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type { ThreadRecord } from '../../../../protocol/projections.ts';
import { nextRev, placeholderThread, type StateView } from './state-view.ts';

type ThreadEvent = Extract<DomainEvent, { type: 'thread.upserted' | 'thread.statusChanged' | 'thread.renamed' }>;

export function reduceThread(view: StateView, event: ThreadEvent): ThreadRecord {
  switch (event.type) {
    case 'thread.upserted': {
      const old = view.thread(event.thread.id);
      const t = event.thread;
      return {
        ...(old ?? placeholderThread(t.id)),
        name: t.name ?? old?.name ?? null,
        preview: t.preview || (old?.preview ?? ''),
        cwd: t.cwd,
        status: t.status,
        createdAt: t.createdAt,
        updatedAt: Math.max(t.updatedAt, old?.updatedAt ?? 0),
        rev: nextRev(old),
      };
    }
    case 'thread.statusChanged': {
      const old = view.thread(event.threadId) ?? placeholderThread(event.threadId);
      return { ...old, status: event.status, rev: nextRev(old) };
    }
    case 'thread.renamed': {
      const old = view.thread(event.threadId) ?? placeholderThread(event.threadId);
      return { ...old, name: event.name, rev: nextRev(old) };
    }
  }
}
