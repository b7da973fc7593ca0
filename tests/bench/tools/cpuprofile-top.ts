/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof` or the CDP Profiler) into the hottest functions
 * by self time and by total time, with file:line, for FINDINGS.md.
 *
 *   node --import tsx tests/bench/tools/cpuprofile-top.ts <file.cpuprofile> [count] [filter]
 *
 * `filter` keeps only functions whose label contains it (e.g. `web/src` or `marked`). Frames of the
 * built PWA (`…/assets/<chunk>.js`) are mapped back to their sources through web/dist/assets/*.map
 * (or OKC_BENCH_WEB_DIST/assets, or OKC_MAPS_DIR), so profile the build that is still there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAPS_DIR =
  process.env['OKC_MAPS_DIR'] ??
  (process.env['OKC_BENCH_WEB_DIST'] ? join(process.env['OKC_BENCH_WEB_DIST'], 'assets') : fileURLToPath(new URL('../../../web/dist/assets/', import.meta.url)));
const maps = new Map<string, SourceMap | null>();

function mapFor(url: string): SourceMap | null {
  const m = /\/assets\/([^/?#]+\.js)$/.exec(url);
  if (m?.[1] === undefined) return null;
  if (!maps.has(m[1])) {
    const file = join(MAPS_DIR, `${m[1]}.map`);
    maps.set(m[1], existsSync(file) ? new SourceMap(JSON.parse(readFileSync(file, 'utf8')) as SourceMapPayload) : null);
  }
  return maps.get(m[1]) ?? null;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function label(f: CallFrame): string {
  const name = f.functionName || '(anonymous)';
  const entry = mapFor(f.url)?.findEntry(f.lineNumber, f.columnNumber);
  if (entry !== undefined && 'originalSource' in entry && typeof entry.originalSource === 'string') {
    const src = entry.originalSource.replace(/^.*\/(web|node_modules|protocol)\//, '$1/');
    return `${name} ${src}:${entry.originalLine + 1}`;
  }
  const file = f.url.replace(/^.*\/(web|bridge|node_modules|tests|protocol)\//, '$1/');
  return `${name} ${file}:${f.lineNumber + 1}`;
}

function main(): void {
  const [file, countArg, filter] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: cpuprofile-top.ts <file.cpuprofile> [count] [filter]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const count = Number(countArg ?? 25);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<string, number>();
  const totalUs = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const node = byId.get(id);
    if (node === undefined) return;
    const own = label(node.callFrame);
    selfUs.set(own, (selfUs.get(own) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (n === undefined) break;
      const l = label(n.callFrame);
      if (!seen.has(l)) totalUs.set(l, (totalUs.get(l) ?? 0) + dt);
      seen.add(l);
    }
  });
  const show = (title: string, m: Map<string, number>): void => {
    console.log(`${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
    [...m]
      .filter(([l]) => filter === undefined || l.includes(filter))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .forEach(([l, us]) => console.log(`${(us / 1000).toFixed(1).padStart(9)} ms ${((100 * us) / all).toFixed(1).padStart(5)}%  ${l}`));
  };
  show('self time', selfUs);
  show('total time', totalUs);
}

main();
