/**
 * The page's main-thread tasks with their wall time and their CPU time, from a light Chrome trace
 * (category `toplevel`: one event per task, with `dur` and thread time `tdur`; and `blink.user_timing`
 * for navigation starts).
 *
 * why: on this shared 2-core machine a renderer thread waits for a core for much of a task, so the
 * long-task observer reports tasks far longer than the work in them; the CPU time says which part was
 * the page's own work.
 */
import type { Browser, Page } from 'playwright-core';

export interface TaskTimes {
  /** Tasks on the page's main thread, in order. `start` is in ms of the trace clock. */
  tasks: ReadonlyArray<{ start: number; wall: number; cpu: number }>;
  /** Navigation starts of the page's documents, in ms of the trace clock (what performance.now() counts from). */
  navigations: readonly number[];
}

/** CPU time of the tasks that started in [from, to) (ms of the trace clock). */
export function cpuBetween(times: TaskTimes, from: number, to: number): number {
  return times.tasks.filter((t) => t.start >= from && t.start < to).reduce((n, t) => n + t.cpu, 0);
}

/** The fields of a Chrome trace event that the benchmarks read. */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string; data?: { functionName?: string; url?: string } };
}

/** Blink's name for one task run by the main thread's scheduler. */
const TASK = 'ThreadControllerImpl::RunTask';

/** The renderer main thread that ran the most task time (the page's own), and its task events. */
export function busiestRendererMain(events: readonly TraceEvent[]): { pid: number; tid: number; tasks: TraceEvent[] } {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best = { pid: -1, tid: -1, tasks: [] as TraceEvent[] };
  let busiest = -1;
  for (const m of mains) {
    const tasks = events.filter((e) => e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === TASK);
    const busy = tasks.reduce((n, e) => n + (e.dur ?? 0), 0);
    if (busy > busiest) [best, busiest] = [{ pid: m.pid, tid: m.tid, tasks }, busy];
  }
  return best;
}

/** The page's main-thread tasks (outer ones only) and navigation starts. */
export function mainThreadTasks(events: readonly TraceEvent[]): TaskTimes {
  const main = busiestRendererMain(events);
  const best = main.tasks;
  const navigations = events
    .filter((e) => e.name === 'navigationStart' && e.pid === main?.pid && e.tid === main.tid)
    .map((e) => e.ts / 1000)
    .sort((a, b) => a - b);
  // Nested runs (a task inside a task, e.g. a sync IPC) are counted in their outer task only.
  const outer: TraceEvent[] = [];
  for (const e of best.sort((a, b) => a.ts - b.ts)) {
    const last = outer.at(-1);
    if (last === undefined || e.ts >= last.ts + (last.dur ?? 0)) outer.push(e);
  }
  return { tasks: outer.map((e) => ({ start: e.ts / 1000, wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 })), navigations };
}

/**
 * Starts a light trace of `page` (unless another trace is running: returns null then). The returned
 * function stops it and gives the main thread's tasks.
 */
export async function startTaskClock(browser: Browser, page: Page): Promise<(() => Promise<TaskTimes>) | null> {
  try {
    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
  } catch {
    return null;
  }
  return async () => {
    const buf = await browser.stopTracing();
    const raw = JSON.parse(buf.toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
    return mainThreadTasks(Array.isArray(raw) ? raw : (raw.traceEvents ?? []));
  };
}
