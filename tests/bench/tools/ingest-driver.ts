/**
 * A small driver for figure 3 (ingest + reduce) on its own, for profiles and A/B comparisons:
 *
 *   node --import tsx tests/bench/tools/ingest-driver.ts [rounds] [root…]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tests/bench/tools/ingest-driver.ts 10
 *   node --import tsx tests/bench/tools/cpuprofile-top.ts /tmp/prof/<main thread>.cpuprofile 40
 *
 * It folds the cached recording (tests/bench/.cache, made by `npm run bench -- ingest`) as the figure
 * does (each line parsed, classified, ingested and reduced), `rounds` times (default 15), and prints
 * medians of CPU time: JSON.parse alone (the figure's baseline), parse + fold, and their difference
 * (the engine's share). Given roots (this checkout by default; others e.g. from
 * `git archive HEAD web/src/engine protocol package.json | tar -x -C /tmp/base` plus a node_modules
 * link), their engines run interleaved in one process, so machine noise hits them alike; swap the
 * order too, as the first one tends to run a little faster or slower.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DomainEvent } from '../../../protocol/events.ts';
import { CACHE_DIR } from '../lib/recording.ts';
import { median } from '../lib/stats.ts';

type Frame = Record<string, unknown>;
/** How far each frame goes: classified only, also ingested, or also reduced into the store (the figure). */
type Stage = 'classify' | 'ingest' | 'reduce';
type Fold = (lines: readonly string[], stage: Stage) => unknown;

const lines = readFileSync(join(CACHE_DIR, 'codex-stream.jsonl'), 'utf8').split('\n').filter((l) => l !== '');
const rounds = Number(process.argv[2] ?? 15);
const here = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const roots = process.argv.length > 3 ? process.argv.slice(3).map((r) => resolve(r)) : [here];

/** The figure's fold loop, on the engine under `root`. */
async function foldOf(root: string): Promise<Fold> {
  const src = (p: string): string => join(root, 'web/src/engine', p);
  const ingest = (await import(src('ingest.ts'))) as typeof import('../../../web/src/engine/ingest.ts');
  const { ProjectionStore } = (await import(src('projection-store.ts'))) as typeof import('../../../web/src/engine/projection-store.ts');
  const { reduce } = (await import(src('reducers/reduce.ts'))) as typeof import('../../../web/src/engine/reducers/reduce.ts');
  const { classify } = (await import(src('rpc.ts'))) as typeof import('../../../web/src/engine/rpc.ts');
  return (frames, stage) => {
    const store = new ProjectionStore();
    let n = 0;
    const take = (e: DomainEvent): void => {
      if (stage === 'reduce') store.apply(reduce(store, e));
      else n++;
    };
    for (const line of frames) {
      const m = classify(JSON.parse(line) as Frame);
      if (stage === 'classify') {
        if (m.kind !== 'invalid') n++;
      } else if (m.kind === 'notification') {
        const r = ingest.ingestNotification(m.method, m.params);
        if (r.kind === 'events') for (const e of r.events) take(e);
      } else if (m.kind === 'request') {
        const events = ingest.ingestServerRequest(m.method, m.id, m.params);
        if (events) for (const e of events) take(e);
      }
    }
    return [store, n];
  };
}

/** The figure's baseline: JSON.parse of every line. */
function parse(): number {
  let n = 0;
  for (const line of lines) {
    const v = JSON.parse(line) as unknown;
    if (typeof v === 'object' && v !== null) n++;
  }
  return n;
}

/** CPU time of `fn` in ms (process user + system): steadier than wall time on a shared machine. */
const time = (fn: () => unknown): number => {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
};

const folds = await Promise.all(roots.map(foldOf));
const parseMs: number[] = [];
const foldMs = folds.map((): number[] => []);
const stageMs: Record<Exclude<Stage, 'reduce'>, number[]> = { classify: [], ingest: [] };
for (let i = 0; i < rounds + 2; i++) {
  const p = time(parse);
  const f = folds.map((fold) => time(() => fold(lines, 'reduce')));
  const c = time(() => folds[0]?.(lines, 'classify'));
  const g = time(() => folds[0]?.(lines, 'ingest'));
  if (i < 2) continue;
  parseMs.push(p);
  f.forEach((ms, k) => foldMs[k]?.push(ms));
  stageMs.classify.push(c);
  stageMs.ingest.push(g);
}
const perFrame = (ms: number): string => `${((ms * 1e6) / lines.length).toFixed(0)} ns/frame`;
const p = median(parseMs);
console.log(`${lines.length} frames, ${rounds} rounds after 2 warm-up (medians); JSON.parse ${p.toFixed(1)} ms, ${perFrame(p)}`);
roots.forEach((root, k) => {
  const f = median(foldMs[k] ?? []);
  console.log(`${root}: parse + fold ${f.toFixed(1)} ms, ratio ${(p / f).toFixed(2)}×; engine ${perFrame(f - p)}`);
});
const c = median(stageMs.classify);
const g = median(stageMs.ingest);
const f = median(foldMs[0] ?? []);
console.log(`engine by stage (${roots[0]}): classify ${perFrame(c - p)}, ingest ${perFrame(g - c)}, reduce + store ${perFrame(f - g)}`);
