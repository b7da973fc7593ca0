/**
 * Real Chromium (Debian's, under playwright-core, as the e2e tests run it) for the browser figures:
 * page-side scripts from tests/bench/browser/ (plain JS, run through the DevTools protocol so the
 * app's strict CSP does not apply to them), and heap figures from CDP after forced garbage collection.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium as playwright, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../e2e/helpers/browser.ts';
import type { Scope } from './cleanup.ts';

/**
 * Launches Chromium as the e2e tests do; closed with `scope`.
 * why not Playwright's signal handlers: on Ctrl-C they exit the process before the bench's scopes are
 * closed; run.ts closes them instead (and Playwright still kills the browser on process exit).
 */
export async function chromium(scope: Scope): Promise<Browser> {
  const browser = await playwright.launch({
    executablePath: process.env['OKC_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  scope.defer(() => browser.close());
  return browser;
}

/** A fresh context (its own storage, service workers and SharedWorkers); closed with `scope`. */
export async function freshContext(scope: Scope, browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  scope.defer(() => context.close());
  return context;
}

/** The source of tests/bench/browser/<name>.js. */
export function pageScript(name: 'dom' | 'longtasks' | 'paint-probe' | 'seed' | 'stream-probe' | 'bare-socket-worker'): string {
  return readFileSync(fileURLToPath(new URL(`../browser/${name}.js`, import.meta.url)), 'utf8');
}

/** What the paint probe waits for in every document of the context. */
export interface ProbeConfig {
  /** Thread buttons that make the list "painted" (0: do not wait for the list). */
  threads: number;
  /** Text of the selected thread's last item that makes the transcript "painted" (''/absent: no wait). */
  marker?: string;
  timeoutMs?: number;
}

/** Installs dom.js, longtasks.js and the paint probe in every later document of `context`. */
export async function installProbes(context: BrowserContext, cfg: ProbeConfig): Promise<void> {
  const content = [pageScript('dom'), pageScript('longtasks'), `window.OKC_PROBE = ${JSON.stringify(cfg)};`, pageScript('paint-probe')].join('\n;\n');
  await context.addInitScript({ content });
}

/** Opens `url` and waits until the status region says Connected. */
export async function openConnected(page: Page, url: string, timeoutMs = 30_000): Promise<void> {
  await page.goto(url);
  await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: timeoutMs });
}

/** Evaluates a page-side expression (a string, so no DOM types are needed here). */
export function pageEval<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

export interface HeapFigures {
  /** V8 heap in use after GC (Runtime.getHeapUsage). */
  used: number;
  total: number;
  /** DOM nodes and JS event listeners (Performance.getMetrics). */
  nodes: number;
  listeners: number;
}

/** Forces GC twice, then reads the page's heap and DOM size through CDP. */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<HeapFigures> {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
    return { used: usage.usedSize, total: usage.totalSize, nodes: metric('Nodes'), listeners: metric('JSEventListeners') };
  } finally {
    await cdp.detach();
  }
}

/**
 * Polls a page-side expression until it is truthy.
 * why not page.waitForFunction: that evals a string inside the page, which the app's CSP forbids;
 * page.evaluate goes through the DevTools protocol instead.
 */
export async function pageWait(page: Page, expression: string, timeoutMs: number, what = expression): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  for (;;) {
    let ok = false;
    try {
      ok = Boolean(await page.evaluate(expression));
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e); // e.g. the page is navigating; try again
    }
    if (ok) return;
    if (Date.now() > deadline) {
      const probe = await page.evaluate('JSON.stringify(window.__okcPaint ?? null)').catch(() => 'unavailable');
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (paint probe: ${String(probe)}; last error: ${lastError || 'none'})`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * With OKC_BENCH_CPU_PROF=<dir>, records a CPU profile of the page's main thread (CDP Profiler) from
 * now until the returned function is called, and writes it to <dir>/<name>.cpuprofile (summarize it
 * with tools/cpuprofile-top.ts). With OKC_BENCH_TRACE=<dir>, records a Chrome trace instead (style,
 * layout, paint and script per task; break it down with tools/trace-tasks.ts) to <dir>/<name>.trace.json.
 * Without either, does nothing.
 */
export async function profilePage(context: BrowserContext, page: Page): Promise<(name: string) => Promise<void>> {
  const traceDir = process.env['OKC_BENCH_TRACE'];
  const browser = context.browser();
  if (traceDir !== undefined && traceDir !== '' && browser !== null) return tracePage(browser, page, traceDir);
  const dir = process.env['OKC_BENCH_CPU_PROF'];
  if (dir === undefined || dir === '') return async () => undefined;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async (name) => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  };
}

/** The trace categories that show what each main-thread task did (the Performance panel's). */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute'];

async function tracePage(browser: Browser, page: Page, dir: string): Promise<(name: string) => Promise<void>> {
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  return async (name) => {
    const trace = await browser.stopTracing();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${name}.trace.json`), trace);
  };
}
