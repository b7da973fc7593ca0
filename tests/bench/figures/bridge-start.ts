/**
 * Figure 7: okcode-bridge start → ready line, and its idle RSS, against `node -e 0` (spawn → exit)
 * and an idle `node` process's RSS. The bridge runs in front of the mock codex peer. "Excluding codex"
 * subtracts what codex costs the bridge's start, measured separately in the same run the way the bridge
 * incurs it: `codex app-server --listen` (spawn → socket accepts) and `codex --version`, concurrently.
 */
import { spawn } from 'node:child_process';
import { scoped } from '../lib/cleanup.ts';
import type { Figure } from '../lib/figure.ts';
import { MOCK_PEER, rssOf, spawnTracked, startBridgeCli, startUnixPeer, stopChild } from '../lib/procs.ts';
import { aim } from '../lib/report.ts';
import { bytes, median, ms, ratio, repeat } from '../lib/stats.ts';

const REPS = 7;
const IDLE_MS = 500;

const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

/** Spawn → exit of `cmd args`, in ms. */
function runMs(cmd: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, [...args], { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', () => resolve(performance.now() - t0));
  });
}

const nodeStartMs = (): Promise<number> => runMs(process.execPath, ['-e', '0']);

/** The codex part of a bridge start: the mock peer listening and `--version`, side by side. */
function codexPartMs(): Promise<number> {
  return scoped(async (scope) => {
    const [listen, version] = await Promise.all([startUnixPeer(scope, { kind: 'mock' }), runMs(process.execPath, [MOCK_PEER, '--version'])]);
    return Math.max(listen.startMs, version);
  });
}

/** RSS of an idle node process (`node -e` with a pending timer), after IDLE_MS. */
function idleNodeRss(): Promise<number> {
  return scoped(async (scope) => {
    const child = spawnTracked(process.execPath, ['-e', 'setTimeout(() => {}, 600000)'], { stdio: 'ignore' }, false);
    scope.defer(() => stopChild(child, false));
    await sleep(IDLE_MS);
    return rssOf(child.pid ?? -1);
  });
}

interface BridgeStart {
  readyMs: number;
  rss: number;
}

function bridgeStart(): Promise<BridgeStart> {
  return scoped(async (scope) => {
    const b = await startBridgeCli(scope, { codexPath: MOCK_PEER });
    await sleep(IDLE_MS);
    return { readyMs: b.readyMs, rss: await rssOf(b.child.pid ?? -1) };
  });
}

export const bridgeStartFigure: Figure = {
  key: 'bridge-start',
  no: 7,
  title: 'okcode-bridge start → ready and idle RSS vs node -e 0',
  async run() {
    await nodeStartMs(); // warm the file cache
    const nodeMs: number[] = [];
    const peerMs: number[] = [];
    const starts: BridgeStart[] = [];
    // Interleaved, so that a burst of load on the shared machine hits the baseline and the bridge alike.
    for (let i = 0; i < REPS; i++) {
      nodeMs.push(await nodeStartMs());
      peerMs.push(await codexPartMs());
      starts.push(await bridgeStart());
    }
    const nodeRss = await repeat(3, () => idleNodeRss());
    const ready = median(starts.map((s) => s.readyMs));
    const excl = ready - median(peerMs);
    const rss = median(starts.map((s) => s.rss));
    const baseRss = median(nodeRss);
    return [
      {
        name: 'bridge start',
        measured:
          `ready in ${ms(ready)}, ${ms(excl)} excluding codex (${ms(median(peerMs))}) vs node -e 0 ${ms(median(nodeMs))}, ratio ${ratio(excl / median(nodeMs))} | ` +
          `idle RSS ${bytes(rss)} vs idle node ${bytes(baseRss)}, ratio ${ratio(rss / baseRss)}`,
        aims: [aim('start excluding codex ≤ 300 ms', excl <= 300), aim('idle RSS ≤ 60 MB', rss <= 60 * 1024 * 1024)],
        details: [
          `medians of ${REPS} starts in front of the mock codex peer (spawn → ready line on stdout); codex part = mock peer spawn → socket accepts, alongside its --version; ` +
            `RSS of the bridge process after ${IDLE_MS} ms idle`,
        ],
      },
    ];
  },
};
