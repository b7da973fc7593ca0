/**
 * Figure 6: JS heap of a tab showing a 50,000-item thread, against the same app tab with nothing in
 * it, both after forced garbage collection (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage;
 * DOM nodes from Performance.getMetrics). One installed app (service worker controlling, bridge then
 * stopped so no codex or bridge work interferes): reloaded empty and measured, then the history is
 * written into IndexedDB from inside the page, the thread selected, the tab reloaded and measured once
 * its transcript shows the last item.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { installApp, largestRendererRss, seedHistory } from '../lib/app-page.ts';
import { chromium, heapAfterGc, pageEval, pageWait, type HeapFigures } from '../lib/browser.ts';
import { scoped } from '../lib/cleanup.ts';
import type { Figure } from '../lib/figure.ts';
import { MOCK_PEER, startBridgeCli, stopChild } from '../lib/procs.ts';
import { aim } from '../lib/report.ts';
import { bytes, ms, ratio } from '../lib/stats.ts';

const ITEMS = 50_000;
const SETTLE_MS = 1000;

const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

async function measure(context: BrowserContext, page: Page): Promise<HeapFigures> {
  await sleep(SETTLE_MS);
  return heapAfterGc(context, page);
}

export const tabMemoryFigure: Figure = {
  key: 'memory',
  no: 6,
  title: `tab memory with a ${ITEMS.toLocaleString('en-US')}-item thread open vs the empty app tab`,
  run: () =>
    scoped(async (scope) => {
      const bridge = await startBridgeCli(scope, { codexPath: MOCK_PEER });
      const browser = await chromium(scope);
      const marker = `memory-end-${Date.now()}`;
      const { context, page } = await installApp(scope, browser, bridge.url, { threads: 1, marker, timeoutMs: 600_000 });
      await stopChild(bridge.child, false);

      await page.reload({ waitUntil: 'load' });
      const empty = await measure(context, page);
      const emptyRss = await largestRendererRss(browser);

      await seedHistory(page, 1, ITEMS, marker);
      await page.reload({ waitUntil: 'load' });
      await pageWait(page, 'window.__okcPaint && window.__okcPaint.transcript !== null', 600_000, `the ${ITEMS}-item transcript`);
      const shownAt = await pageEval<number>(page, 'window.__okcPaint.transcript');
      const full = await measure(context, page);
      const fullRss = await largestRendererRss(browser);
      return [
        {
          name: 'tab memory',
          measured: `JS heap ${bytes(full.used)} with the ${ITEMS.toLocaleString('en-US')}-item thread open vs ${bytes(empty.used)} for the empty app tab, ratio ${ratio(full.used / empty.used)}`,
          aims: [aim('JS heap ≤ 150 MB', full.used <= 150 * 1024 * 1024)],
          details: [
            `after GC; DOM nodes ${full.nodes.toLocaleString('en-US')} vs ${empty.nodes.toLocaleString('en-US')}; renderer process RSS ${bytes(fullRss)} vs ${bytes(emptyRss)}; ` +
              `the transcript showed its last item ${ms(shownAt)} after navigation`,
          ],
        },
      ];
    }),
};
