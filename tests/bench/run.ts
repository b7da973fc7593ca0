/**
 * `npm run bench [-- <figure>…]`: measures OK Code against the limits of issue 7, each figure beside
 * its baseline in the same run, one line per figure (value, baseline, ratio, and each aim with
 * MEETS / MISSES in words). Figures: relay, throughput, ingest, stream, cold-open, memory,
 * bridge-start, bundle (or their numbers 1–8). Exits 0 whatever the figures say; non-zero only when
 * a benchmark itself crashed.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { bridgeStartFigure } from './figures/bridge-start.ts';
import { bundleFigure } from './figures/bundle.ts';
import { coldOpenFigure } from './figures/cold-open.ts';
import { ingestFigure } from './figures/ingest.ts';
import { relayFigure } from './figures/relay-latency.ts';
import { streamFigure } from './figures/stream-screen.ts';
import { tabMemoryFigure } from './figures/tab-memory.ts';
import { throughputFigure } from './figures/relay-throughput.ts';
import { ensureBuilt } from './lib/build.ts';
import { closeOpenScopes, killTrackedNow } from './lib/cleanup.ts';
import type { Figure } from './lib/figure.ts';
import { codexBin } from '../support/codex-paths.ts';
import { formatFigure, type FigureLine } from './lib/report.ts';
import { ms } from './lib/stats.ts';

const FIGURES: readonly Figure[] = [
  relayFigure,
  throughputFigure,
  ingestFigure,
  streamFigure,
  coldOpenFigure,
  tabMemoryFigure,
  bridgeStartFigure,
  bundleFigure,
];

function select(args: readonly string[]): Figure[] {
  if (args.length === 0) return [...FIGURES];
  const unknown = args.filter((a) => !FIGURES.some((f) => f.key === a || String(f.no) === a));
  if (unknown.length > 0) {
    throw new Error(`unknown figure(s): ${unknown.join(', ')}; choose from ${FIGURES.map((f) => `${f.no}/${f.key}`).join(', ')}`);
  }
  return FIGURES.filter((f) => args.includes(f.key) || args.includes(String(f.no)));
}

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  let codex = 'codex ?';
  try {
    codex = execFileSync(codexBin(), ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // reported by the figures that need it
  }
  const mem = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpus().length} × ${cpu}, ${mem} GB, Linux, Node ${process.version}, ${codex}`;
}

async function main(): Promise<number> {
  let figures: Figure[];
  try {
    figures = select(process.argv.slice(2));
  } catch (e) {
    console.error(`bench: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const t0 = performance.now();
  console.log(`OK Code benchmarks (issue 7) on ${machine()}`);
  console.log(`figures: ${figures.map((f) => f.key).join(', ')}; every aim is judged against a baseline measured in this run`);
  console.log(`load average at start ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores (others' work shares them)\n`);
  ensureBuilt();
  const lines: FigureLine[] = [];
  const crashed: string[] = [];
  for (const f of figures) {
    const started = performance.now();
    console.log(`[${f.no}] ${f.title}`);
    try {
      const out = await f.run();
      for (const l of out) console.log(formatFigure(l));
      lines.push(...out);
    } catch (e) {
      crashed.push(f.key);
      console.log(`${f.key}: the benchmark CRASHED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
    console.log(`    (${ms(performance.now() - started)})\n`);
  }
  const met = lines.filter((l) => l.aims.every((a) => a.meets)).map((l) => l.name);
  const missed = lines.filter((l) => l.aims.some((a) => !a.meets)).map((l) => l.name);
  console.log(`meets every aim: ${met.join(', ') || 'none'}`);
  console.log(`misses an aim:   ${missed.join(', ') || 'none'}`);
  if (crashed.length > 0) console.log(`crashed:         ${crashed.join(', ')}`);
  console.log(`total ${ms(performance.now() - t0)}; load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  return crashed.length > 0 ? 1 : 0;
}

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    // Kill the children first so that closing the scopes (browsers, temp dirs) does not wait on them.
    killTrackedNow();
    void closeOpenScopes(15_000).finally(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(2);
  },
);
