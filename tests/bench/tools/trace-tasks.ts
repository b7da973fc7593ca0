/**
 * Breaks down the page's long main-thread tasks in a Chrome trace (OKC_BENCH_TRACE, see
 * lib/browser.ts `profilePage`): for each task over the threshold, its time by kind of work
 * (script, style, layout, paint, GC…), and the same summed over all tasks. A CPU profile shows native
 * work only as "(program)"; a trace names it.
 *
 *   node --import tsx tests/bench/tools/trace-tasks.ts <file.trace.json> [threshold ms, default 50]
 *
 * Times are self times: a Layout inside a script's call counts as layout, not script.
 */
import { readFileSync } from 'node:fs';
import { busiestRendererMain, type TraceEvent } from '../lib/task-clock.ts';

/** Trace event names grouped into the kinds the findings talk about. */
const KINDS: Readonly<Record<string, string>> = {
  FunctionCall: 'script',
  EvaluateScript: 'script',
  'v8.callFunction': 'script',
  'v8.run': 'script',
  RunMicrotasks: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  RecalculateStyles: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  'IntersectionObserverController::computeIntersections': 'layout',
  'ResizeObserverController::DeliverObservations': 'script',
  PrePaint: 'paint',
  Paint: 'paint',
  PaintImage: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  UpdateLayerTree: 'paint',
  CompositeLayers: 'paint',
  Commit: 'paint',
  MinorGC: 'gc',
  MajorGC: 'gc',
  'V8.GC_SCAVENGER': 'gc',
  BlinkGC: 'gc',
  ParseHTML: 'parse',
  'v8.compile': 'compile',
  'V8.ScriptCompiler': 'compile',
};

const TASK = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

interface Node {
  name: string;
  start: number;
  end: number;
  label: string;
  children: Node[];
}

function kindOf(n: Node): string {
  return KINDS[n.name] ?? 'other';
}

/** Self time of `n` by kind, added into `out` (µs); a node of kind "other" gives its time to its parent's kind. */
function selfTimes(n: Node, inherited: string, out: Map<string, number>, byName?: Map<string, number>): void {
  const own = kindOf(n);
  const kind = own === 'other' ? inherited : own;
  let children = 0;
  for (const c of n.children) {
    children += c.end - c.start;
    selfTimes(c, kind, out, byName);
  }
  const self = Math.max(0, n.end - n.start - children);
  out.set(kind, (out.get(kind) ?? 0) + self);
  byName?.set(n.label, (byName.get(n.label) ?? 0) + self);
}

/** Complete events of one thread as a forest, nested by time. */
function forest(events: readonly TraceEvent[]): Node[] {
  const sorted = events
    .filter((e) => e.ph === 'X' && e.dur !== undefined)
    .map((e): Node => {
      const d = e.args?.data;
      const fn = d?.functionName ? ` ${d.functionName}` : '';
      return { name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0), label: `${e.name}${fn}`, children: [] };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Node[] = [];
  const stack: Node[] = [];
  for (const n of sorted) {
    while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= n.start) stack.pop();
    const parent = stack.at(-1);
    if (parent === undefined) roots.push(n);
    else parent.children.push(n);
    stack.push(n);
  }
  return roots;
}

const fmt = (us: number): string => `${(us / 1000).toFixed(1)} ms`;

function breakdown(times: Map<string, number>): string {
  return [...times.entries()]
    .filter(([, v]) => v >= 500)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');
}

function main(): void {
  const [file, thresholdArg] = process.argv.slice(2);
  if (file === undefined) throw new Error('usage: trace-tasks.ts <file.trace.json> [threshold ms]');
  const threshold = Number(thresholdArg ?? 50) * 1000;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
  const { pid, tid } = busiestRendererMain(events);
  const tasks = forest(events.filter((e) => e.pid === pid && e.tid === tid)).filter((n) => TASK.has(n.name));
  const all = new Map<string, number>();
  const long = new Map<string, number>();
  const longByName = new Map<string, number>();
  let busy = 0;
  const longOnes = tasks.filter((t) => t.end - t.start > threshold);
  for (const t of tasks) {
    busy += t.end - t.start;
    selfTimes(t, 'other', all);
  }
  console.log(`${tasks.length} tasks on the main thread, ${fmt(busy)} busy: ${breakdown(all)}`);
  console.log(`${longOnes.length} tasks over ${fmt(threshold)}:`);
  const t0 = tasks[0]?.start ?? 0;
  for (const t of longOnes) {
    const times = new Map<string, number>();
    selfTimes(t, 'other', times, longByName);
    for (const [k, v] of times) long.set(k, (long.get(k) ?? 0) + v);
    const top = t.children.map((c) => `${c.label} ${fmt(c.end - c.start)}`).slice(0, 6).join('; ');
    console.log(`  at ${fmt(t.start - t0)}: ${fmt(t.end - t.start)} (${breakdown(times)}) [${top}]`);
  }
  if (longOnes.length === 0) return;
  console.log(`long tasks in all: ${breakdown(long)}`);
  console.log(`by event: ${breakdown(new Map([...longByName].sort((a, b) => b[1] - a[1]).slice(0, 15)))}`);
}

main();
