/** Test helper: folds codex frames through ingest and the reducers, as the engine does. */
import { ingestNotification, ingestServerRequest } from '../../../web/src/engine/ingest.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { reduce } from '../../../web/src/engine/reducers/reduce.ts';
import { classify } from '../../../web/src/engine/rpc.ts';
import type { DomainEvent } from '../../../protocol/events.ts';

export interface FoldResult {
  store: ProjectionStore;
  unknown: string[];
  malformed: string[];
}

export function foldEvents(events: readonly DomainEvent[], store = new ProjectionStore()): ProjectionStore {
  for (const e of events) store.apply(reduce(store, e));
  return store;
}

export function foldFrames(frames: readonly Record<string, unknown>[]): FoldResult {
  const store = new ProjectionStore();
  const unknown: string[] = [];
  const malformed: string[] = [];
  for (const f of frames) {
    const m = classify(f);
    if (m.kind === 'notification') {
      const r = ingestNotification(m.method, m.params);
      if (r.kind === 'events') foldEvents(r.events, store);
      else if (r.kind === 'unknown') unknown.push(r.method);
      else if (r.kind === 'malformed') malformed.push(`${r.method}: ${r.problem}`);
    } else if (m.kind === 'request') {
      const events = ingestServerRequest(m.method, m.id, m.params);
      if (events) foldEvents(events, store);
    }
  }
  return { store, unknown, malformed };
}
