/**
 * Figure 4: 20,000 agent-message deltas at full speed into a tab. Real parts end to end: the real
 * codex behind the real bridge, the scripted model streaming the deltas, the built PWA in Chromium
 * driven by role and name (New thread, Message, Send). The baseline is a bare WebSocket of the same
 * page (in a dedicated worker of the page, so that the page's rendering cannot delay its arrivals),
 * subscribed to the same thread through a bridge session of its own, receiving the same deltas.
 * Each turn runs in a new thread after one short exchange. Measured: when the last delta reaches that bare socket, when its text is on screen (animation frame
 * that shows it), and the longest main-thread task (longtask observer) from Send to the end.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { BRIDGE_WS_PATH } from '../../../protocol/bridge-frames.ts';
import { CHANGES_CHANNEL } from '../../../protocol/engine-api.ts';
import { chromium, freshContext, installProbes, openConnected, pageEval, pageScript, pageWait, profilePage } from '../lib/browser.ts';
import { scoped, type Scope } from '../lib/cleanup.ts';
import { WEB_DIST } from '../lib/build.ts';
import { codexBin, offlineCodex } from '../lib/codex-setup.ts';
import type { Figure } from '../lib/figure.ts';
import { startBridgeCli, type BridgeProc } from '../lib/procs.ts';
import { aim } from '../lib/report.ts';
import { max, median, ms, ratio } from '../lib/stats.ts';
import { streamPrompt } from '../lib/stream-script.ts';
import { startTaskClock } from '../lib/task-clock.ts';

const DELTAS = 20_000;
/** A line of the default script's echo reply (tests/support/default-script.ts). */
const ECHO_TEXT = 'the scripted model heard you';
const REPS = 3;
/** Same-origin URL of the baseline worker (the app's CSP allows workers only from 'self'). */
const WORKER_PATH = '/okc-bench-bare-socket-worker.js';

/**
 * A copy of web/dist plus the baseline worker script, for the bridge's `--static`.
 * why not a Playwright route: a worker whose script was fulfilled by a route cannot open WebSockets.
 */
function staticDirWithWorker(scope: Scope): string {
  const dir = mkdtempSync('/tmp/okc-bench-static-');
  scope.defer(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(WEB_DIST, dir, { recursive: true });
  writeFileSync(join(dir, WORKER_PATH.slice(1)), pageScript('bare-socket-worker'));
  return dir;
}

interface StreamResult {
  first: number;
  last: number;
  count: number;
  screenAt: number;
  longest: number;
  longTasks: number;
  longTaskMs: number;
  observed: boolean;
  /** Change notices the engine posted to tabs, and re-renders of the message's markdown, until it was on screen. */
  notices: number;
  renders: number;
  /** From a light trace (lib/task-clock.ts): the most CPU time in one main-thread task, and the wall time of the longest task; NaN without a trace. */
  maxCpu: number;
  maxWall: number;
}

const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

async function newThread(page: Page): Promise<string> {
  const before = await pageEval<string | null>(page, "sessionStorage.getItem('okcode.selectedThread')");
  await page.getByRole('button', { name: 'New thread', exact: true }).click();
  const changed = `(sessionStorage.getItem('okcode.selectedThread') || null) !== ${JSON.stringify(before)}`;
  await pageWait(page, changed, 30_000, 'a new thread to be selected');
  return pageEval<string>(page, "sessionStorage.getItem('okcode.selectedThread')");
}

/** The selected thread's row shows no status badge: its turn has ended. */
const SELECTED_IDLE = "(() => { const b = window.__okcDom.selectedThreadButton(); return b !== null && b.querySelector('.badge') === null; })()";

/**
 * A short first turn, so that codex has written the thread's rollout: before that, codex refuses
 * `thread/resume` (what the bare socket needs to subscribe to the thread).
 */
async function firstTurn(page: Page): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill('Hello before the stream');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('log', { name: 'Transcript' }).getByText(ECHO_TEXT).first().waitFor({ timeout: 30_000 });
  await pageWait(page, SELECTED_IDLE, 30_000, 'the first turn to end');
}

async function streamOnce(page: Page, bridge: BridgeProc, rep: number): Promise<StreamResult> {
  const threadId = await newThread(page);
  await firstTurn(page);
  const marker = `okcend${rep}x${Date.now()}`;
  const wsUrl = `ws://127.0.0.1:${bridge.port}${BRIDGE_WS_PATH}`;
  const cfg = { wsUrl, token: bridge.token, threadId, marker, workerUrl: WORKER_PATH, channel: CHANGES_CHANNEL };
  await pageEval(page, `window.__okcStream.arm(${JSON.stringify(cfg)})`);
  await page.getByRole('textbox', { name: 'Message' }).fill(streamPrompt(DELTAS, marker));
  const stopProfile = await profilePage(page.context(), page);
  const browser = page.context().browser();
  const stopClock = browser === null ? null : await startTaskClock(browser, page);
  const sendAt = await pageEval<number>(page, 'window.__okcStream.now()');
  await page.getByRole('button', { name: 'Send' }).click();
  await pageWait(page, 'window.__okcStream.done()', 180_000, `${DELTAS} deltas on screen`);
  await stopProfile(`stream-${rep}`);
  await sleep(300); // long tasks are reported after they end
  const times = await stopClock?.();
  const r = await pageEval<Omit<StreamResult, 'maxCpu' | 'maxWall'>>(page, `window.__okcStream.result(${sendAt})`);
  if (r.count !== DELTAS) throw new Error(`the bare socket saw ${r.count} deltas, expected ${DELTAS}`);
  if (times === undefined) return { ...r, maxCpu: Number.NaN, maxWall: Number.NaN };
  return { ...r, maxCpu: max(times.tasks.map((t) => t.cpu)), maxWall: max(times.tasks.map((t) => t.wall)) };
}

export const streamFigure: Figure = {
  key: 'stream',
  no: 4,
  title: `streaming to the screen: ${DELTAS.toLocaleString('en-US')} deltas from the real codex into a tab vs a bare WebSocket in the same page`,
  run: () =>
    scoped(async (scope) => {
      const { env } = await offlineCodex(scope, 'stream');
      const bridge = await startBridgeCli(scope, { codexPath: codexBin(), env: env.env, cwd: env.workDir, args: ['--static', staticDirWithWorker(scope)] });
      const browser = await chromium(scope);
      const context = await freshContext(scope, browser);
      await installProbes(context, { threads: 0 });
      const page = await context.newPage();
      await openConnected(page, bridge.url);
      await pageEval(page, pageScript('stream-probe'));
      const runs: StreamResult[] = [];
      for (let i = 0; i < REPS; i++) runs.push(await streamOnce(page, bridge, i));
      if (runs.some((r) => !r.observed)) throw new Error('this Chromium does not report long tasks');
      const lag = median(runs.map((r) => r.screenAt - r.last));
      const bare = median(runs.map((r) => r.last - r.first));
      const screen = median(runs.map((r) => r.screenAt - r.first));
      const longest = max(runs.map((r) => r.longest));
      const maxCpu = runs.some((r) => Number.isNaN(r.maxCpu)) ? Number.NaN : max(runs.map((r) => r.maxCpu));
      return [
        {
          name: 'stream to screen',
          measured:
            `last delta on screen ${ms(lag)} after it reached the bare socket; all ${DELTAS.toLocaleString('en-US')} on screen ${ms(screen)} after the first arrived vs ` +
            `${ms(bare)} for the bare WebSocket to receive them, ratio ${ratio(screen / bare)} | longest main-thread task ${ms(longest)} (wall); ` +
            `most CPU time in one task ${ms(maxCpu)}`,
          aims: [aim('final text ≤ 50 ms after the last delta', lag <= 50), aim('no task > 50 ms', longest <= 50), aim('no task with > 50 ms of CPU', maxCpu <= 50)],
          details: [
            `medians of ${REPS} turns (a new thread each); per turn: lag ${runs.map((r) => ms(r.screenAt - r.last)).join(', ')}; ` +
              `long tasks ${runs.map((r) => `${r.longTasks} (${ms(r.longTaskMs)} in all, longest ${ms(r.longest)})`).join(', ')}; ` +
              `change notices → markdown re-renders ${runs.map((r) => `${r.notices} → ${r.renders}`).join(', ')}`,
            `a task's wall time includes waiting for a core on a loaded machine; per turn, longest task (trace) ${runs.map((r) => ms(r.maxWall)).join(', ')} wall vs ` +
              `most CPU in one task ${runs.map((r) => ms(r.maxCpu)).join(', ')} (load average now ${loadavg().map((l) => l.toFixed(1)).join(' ')})`,
          ],
        },
      ];
    }),
};
