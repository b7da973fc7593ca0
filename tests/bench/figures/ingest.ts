/**
 * Figure 3: ingest + reduce of a recorded ~100k-frame codex stream, against `JSON.parse` of the same
 * frames. The engine's pure path, exactly as tests/unit/engine/fold.ts folds frames: parse, classify,
 * ingestNotification / ingestServerRequest, reduce into a ProjectionStore.
 */
import { ingestNotification, ingestServerRequest } from '../../../web/src/engine/ingest.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { reduce } from '../../../web/src/engine/reducers/reduce.ts';
import { classify } from '../../../web/src/engine/rpc.ts';
import type { Figure } from '../lib/figure.ts';
import { loadRecording } from '../lib/recording.ts';
import { aim } from '../lib/report.ts';
import { median, ms, rate, ratio } from '../lib/stats.ts';

const ROUNDS = 7;
const WARMUP_ROUNDS = 2;

/** Baseline: JSON.parse of every frame; returns a count so the work cannot be optimised away. */
function parseOnly(lines: readonly string[]): number {
  let n = 0;
  for (const line of lines) {
    const v = JSON.parse(line) as unknown;
    if (typeof v === 'object' && v !== null) n++;
  }
  return n;
}

interface FoldStats {
  store: ProjectionStore;
  unknown: number;
  malformed: number;
}

/** The engine's pure path for every frame. */
function ingestAndReduce(lines: readonly string[]): FoldStats {
  const store = new ProjectionStore();
  let unknown = 0;
  let malformed = 0;
  for (const line of lines) {
    const m = classify(JSON.parse(line) as Record<string, unknown>);
    if (m.kind === 'notification') {
      const r = ingestNotification(m.method, m.params);
      if (r.kind === 'events') for (const e of r.events) store.apply(reduce(store, e));
      else if (r.kind === 'unknown') unknown++;
      else if (r.kind === 'malformed') malformed++;
    } else if (m.kind === 'request') {
      const events = ingestServerRequest(m.method, m.id, m.params);
      if (events) for (const e of events) store.apply(reduce(store, e));
    }
  }
  return { store, unknown, malformed };
}

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export const ingestFigure: Figure = {
  key: 'ingest',
  no: 3,
  title: 'ingest + reduce of a recorded codex stream vs JSON.parse',
  async run() {
    const rec = await loadRecording();
    const lines = rec.lines;
    const parseMs: number[] = [];
    const foldMs: number[] = [];
    let last: FoldStats | null = null;
    for (let i = 0; i < WARMUP_ROUNDS + ROUNDS; i++) {
      // Alternate which goes first so drift on a shared machine hits both alike.
      const order = i % 2 === 0 ? ['parse', 'fold'] : ['fold', 'parse'];
      for (const which of order) {
        const t = which === 'parse' ? timed(() => parseOnly(lines)) : timed(() => (last = ingestAndReduce(lines)));
        if (i >= WARMUP_ROUNDS) (which === 'parse' ? parseMs : foldMs).push(t);
      }
    }
    const fold = last as FoldStats | null;
    const parseFps = lines.length / (median(parseMs) / 1000);
    const foldFps = lines.length / (median(foldMs) / 1000);
    const r = foldFps / parseFps;
    const bytes = lines.reduce((n, l) => n + l.length, 0);
    const items = fold === null ? 0 : fold.store.allThreads().reduce((n, t) => n + t.nextOrd, 0);
    return [
      {
        name: 'ingest + reduce',
        measured:
          `${rate(foldFps, 'frames/s')} (median ${ms(median(foldMs))} for ${lines.length.toLocaleString('en-US')} frames) ` +
          `vs JSON.parse ${rate(parseFps, 'frames/s')} (${ms(median(parseMs))}), ratio ${ratio(r)}`,
        aims: [aim('≥ 0.5× JSON.parse', r >= 0.5), aim('≥ 200k frames/s', foldFps >= 200_000)],
        details: [
          `recording: ${rec.codexVersion}, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${rec.fresh ? `recorded now in ${ms(rec.recordMs)}` : 'from tests/bench/.cache'}; ` +
            `fold gave ${items} items, ${fold?.unknown ?? 0} unknown and ${fold?.malformed ?? 0} malformed notifications; ${ROUNDS} rounds after ${WARMUP_ROUNDS} warm-up`,
        ],
      },
    ];
  },
};
