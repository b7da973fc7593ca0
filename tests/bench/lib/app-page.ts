/**
 * The installed app in a fresh browser context: opened through the bridge's ready URL, its service
 * worker controlling the page, and benchmark history written into its IndexedDB from inside the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshContext, installProbes, openConnected, pageEval, pageScript, type ProbeConfig } from './browser.ts';
import type { Scope } from './cleanup.ts';
import { seedConfig } from './history.ts';
import { rssOf } from './procs.ts';

export interface AppPage {
  context: BrowserContext;
  page: Page;
}

/** Opens the ready URL, waits for Connected and for the service worker, reloads so that it controls the page. */
export async function installApp(scope: Scope, browser: Browser, readyUrl: string, probe: ProbeConfig): Promise<AppPage> {
  const context = await freshContext(scope, browser);
  await installProbes(context, probe);
  const page = await context.newPage();
  await openConnected(page, readyUrl);
  await pageEval(page, 'navigator.serviceWorker.ready.then(() => true)');
  await page.reload({ waitUntil: 'load' });
  await assertControlled(page);
  return { context, page };
}

export async function assertControlled(page: Page): Promise<void> {
  if (!(await pageEval<boolean>(page, 'navigator.serviceWorker.controller !== null'))) {
    throw new Error('the service worker does not control the page');
  }
}

/** Writes `threads` threads, the first with `items` items ending with `marker`, and selects it; returns the ms it took. */
export async function seedHistory(page: Page, threads: number, items: number, marker: string): Promise<number> {
  await pageEval(page, pageScript('seed'));
  const t0 = performance.now();
  await pageEval(page, `window.__okcSeed(${JSON.stringify(seedConfig(threads, items, marker))})`);
  return performance.now() - t0;
}

/**
 * RSS of the largest Chromium renderer process (with one page open, the page's own).
 * why the largest: CDP lists renderer pids (SystemInfo.getProcessInfo) but not which one hosts a page.
 */
export async function largestRendererRss(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    const rss = await Promise.all(processInfo.filter((p) => p.type === 'renderer').map((p) => rssOf(p.id)));
    return rss.reduce((m, v) => (v > m ? v : m), 0);
  } finally {
    await cdp.detach();
  }
}
