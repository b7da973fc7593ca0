/**
 * Figure 5: cold open from the service worker with 1,000 threads and a 10,000-item thread in
 * IndexedDB, against a blank page load from the same server. The app is installed through the ready
 * URL of a real bridge (in front of the mock codex peer), its service worker controls the page, the
 * history is written into IndexedDB from inside the page, and the bridge is stopped: each reload is
 * then served by the service worker alone, with no codex or bridge work in the way. A probe installed
 * before any page script times navigation start → thread list painted (thread buttons down past the
 * bottom of the Threads navigation's visible area; the list renders the rows out of view in idle time),
 * → all 1,000 buttons there, and → transcript painted (the selected thread's last item in the visible area).
 */
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { assertControlled, installApp, seedHistory } from '../lib/app-page.ts';
import { chromium, freshContext, installProbes, pageEval, pageWait, profilePage } from '../lib/browser.ts';
import { scoped } from '../lib/cleanup.ts';
import type { Figure } from '../lib/figure.ts';
import { MOCK_PEER, startBridgeCli, stopChild } from '../lib/procs.ts';
import { aim } from '../lib/report.ts';
import { median, ms, ratio } from '../lib/stats.ts';
import { cpuBetween, startTaskClock } from '../lib/task-clock.ts';

const THREADS = 1000;
const ITEMS = 10_000;
const REPS = 3;

interface Paint {
  list: number | null;
  listAll: number | null;
  transcript: number | null;
  firstFrame: number | null;
  /** Main-thread CPU time from navigation until the list / the transcript painted (NaN when not traced). */
  listCpu?: number;
  transcriptCpu?: number;
}

async function paintAfterReload(page: Page, wait: string): Promise<Paint> {
  const browser = page.context().browser();
  const stopClock = browser === null ? null : await startTaskClock(browser, page);
  await page.reload({ waitUntil: 'load' });
  await pageWait(page, wait, 120_000);
  const paint = await pageEval<Paint>(page, 'window.__okcPaint');
  const times = await stopClock?.();
  const nav = times?.navigations.at(-1);
  if (times === undefined || nav === undefined) return { ...paint, listCpu: Number.NaN, transcriptCpu: Number.NaN };
  const cpuUntil = (t: number | null): number => (t === null ? Number.NaN : cpuBetween(times, nav, nav + t));
  return { ...paint, listCpu: cpuUntil(paint.list), transcriptCpu: cpuUntil(paint.transcript) };
}

const LIST_AND_TRANSCRIPT =
  'window.__okcPaint && window.__okcPaint.list !== null && window.__okcPaint.listAll !== null && window.__okcPaint.transcript !== null';

export const coldOpenFigure: Figure = {
  key: 'cold-open',
  no: 5,
  title: `cold open from the service worker, ${THREADS.toLocaleString('en-US')} threads + a ${ITEMS.toLocaleString('en-US')}-item thread, vs a blank page`,
  run: () =>
    scoped(async (scope) => {
      const bridge = await startBridgeCli(scope, { codexPath: MOCK_PEER });
      const browser = await chromium(scope);

      const blankContext = await freshContext(scope, browser);
      await installProbes(blankContext, { threads: 0 });
      const blankPage = await blankContext.newPage();
      await blankPage.goto(`${bridge.origin}/bench-blank.txt`);
      const blank: number[] = [];
      for (let i = 0; i < REPS; i++) {
        const p = await paintAfterReload(blankPage, 'window.__okcPaint && window.__okcPaint.firstFrame !== null');
        blank.push(p.firstFrame ?? Number.NaN);
      }
      await blankContext.close();

      const marker = `cold-open-end-${Date.now()}`;
      const { page } = await installApp(scope, browser, bridge.url, { threads: THREADS, marker, timeoutMs: 120_000 });
      const seedMs = await seedHistory(page, THREADS, ITEMS, marker);
      await stopChild(bridge.child, false);
      const runs: Paint[] = [];
      for (let i = 0; i < REPS; i++) {
        const stopProfile = i === 0 ? await profilePage(page.context(), page) : null;
        runs.push(await paintAfterReload(page, LIST_AND_TRANSCRIPT));
        await stopProfile?.('cold-open');
        await assertControlled(page);
      }
      const list = median(runs.map((r) => r.list ?? Number.NaN));
      const listAll = median(runs.map((r) => r.listAll ?? Number.NaN));
      const listCpu = median(runs.map((r) => r.listCpu ?? Number.NaN));
      const transcriptCpu = median(runs.map((r) => r.transcriptCpu ?? Number.NaN));
      const transcript = median(runs.map((r) => r.transcript ?? Number.NaN));
      const base = median(blank);
      return [
        {
          name: 'cold open',
          measured:
            `thread list painted ${ms(list)}, transcript painted ${ms(transcript)} after navigation | blank page from the same server painted ${ms(base)} | ` +
            `ratios ${ratio(list / base)} and ${ratio(transcript / base)}`,
          aims: [aim('thread list ≤ 300 ms', list <= 300), aim('transcript ≤ 500 ms', transcript <= 500)],
          details: [
            `medians of ${REPS} reloads served by the service worker (bridge stopped); list ${runs.map((r) => ms(r.list ?? Number.NaN)).join(', ')}; ` +
              `transcript ${runs.map((r) => ms(r.transcript ?? Number.NaN)).join(', ')}; ` +
              `all ${THREADS.toLocaleString('en-US')} thread buttons there ${ms(listAll)} (${runs.map((r) => ms(r.listAll ?? Number.NaN)).join(', ')}); writing the history into IndexedDB took ${ms(seedMs)}`,
            `main-thread CPU time until the list / the transcript painted (light trace; the rest of the wall time is waiting for a core, ` +
              `IndexedDB and the GPU process): ${ms(listCpu)} / ${ms(transcriptCpu)} (medians; load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')})`,
          ],
        },
      ];
    }),
};
