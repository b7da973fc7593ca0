/**
 * Test helpers: fold codex frames through ingest and the reducers, as the engine does, with every
 * input deep-frozen (frames, events, and each record once stored), so any test that folds also proves
 * that ingest and the reducers never mutate what they are given (strict mode throws on a write).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ingestNotification, ingestServerRequest } from '../../../web/src/engine/ingest.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { reduce } from '../../../web/src/engine/reducers/reduce.ts';
import type { Patch } from '../../../web/src/engine/reducers/state-view.ts';
import { classify } from '../../../web/src/engine/rpc.ts';
import type { DomainEvent } from '../../../protocol/events.ts';
import { REPO_ROOT } from '../../support/codex-paths.ts';

export interface FoldResult {
  store: ProjectionStore;
  unknown: string[];
  malformed: string[];
  /** Server requests the UI could not show (the engine would refuse them). */
  refused: string[];
}

/** Freezes `v` and everything reachable from it; returns `v`. */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}

export function foldEvents(events: readonly DomainEvent[], store = new ProjectionStore()): ProjectionStore {
  for (const e of events) store.apply(deepFreeze(reduce(store, deepFreeze(e))));
  return store;
}

/** Folds frames into `store` (a fresh one by default). Client messages (`__client`) are skipped. */
export function foldFrames(frames: readonly Record<string, unknown>[], store = new ProjectionStore()): FoldResult {
  const result: FoldResult = { store, unknown: [], malformed: [], refused: [] };
  for (const f of frames) {
    if ('__client' in f) continue;
    const m = classify(deepFreeze(f));
    if (m.kind === 'notification') {
      const r = ingestNotification(m.method, m.params);
      if (r.kind === 'events') foldEvents(r.events, store);
      else if (r.kind === 'unknown') result.unknown.push(r.method);
      else if (r.kind === 'malformed') result.malformed.push(`${r.method}: ${r.problem}`);
    } else if (m.kind === 'request') {
      const events = ingestServerRequest(m.method, m.id, m.params);
      if (events) foldEvents(events, store);
      else result.refused.push(m.method);
    }
  }
  return result;
}

export const FIXTURE_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'codex');

/** The recorded fixtures' names (without `.jsonl`). */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => f.slice(0, -'.jsonl'.length))
    .sort();
}

/** A recorded fixture's frames, in order (client messages included, as `{__client}`). */
export function readFixture(name: string): Record<string, unknown>[] {
  return readFileSync(join(FIXTURE_DIR, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const v: unknown = JSON.parse(l);
      if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`not a frame: ${l.slice(0, 80)}`);
      // why: checked just above to be a plain object, which is all a frame is.
      return v as Record<string, unknown>;
    });
}

/** Every record of a store, as plain data (for comparing whole projections). */
export function snapshotOf(store: ProjectionStore, opts: { withRev?: boolean } = {}): unknown {
  const all: Patch = {
    threads: store.allThreads(),
    turns: store.allThreads().flatMap((t) => store.turnsOf(t.id).sort((a, b) => a.turnId.localeCompare(b.turnId))),
    items: store.allThreads().flatMap((t) => store.itemsOf(t.id)),
    approvals: store.allApprovals().sort((a, b) => a.requestKey.localeCompare(b.requestKey)),
    server: [store.server()].flatMap((s) => (s ? [s] : [])),
  };
  const omitRev = <T extends { rev: number }>({ rev: _rev, ...rest }: T): Omit<T, 'rev'> => rest;
  const strip = <T extends { rev: number }>(r: T): unknown => (opts.withRev ? r : omitRev(r));
  return {
    threads: all.threads.map(strip),
    turns: all.turns.map(strip),
    items: all.items.map(strip),
    approvals: all.approvals.map(strip),
    server: all.server.map(strip),
  };
}
