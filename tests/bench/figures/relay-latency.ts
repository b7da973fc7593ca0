/**
 * Figure 1: round-trip of a cheap request (`thread/loaded/list`) through okcode-bridge to the real
 * codex, against the same request on a direct connection to a second codex of the same setup, and a
 * bare `ws` echo hop on loopback (a server process of its own). Sequential requests, interleaved in
 * rounds so that noise hits all three alike; p50 and p99 over every sample.
 */
import { WebSocket, type RawData } from 'ws';
import { scoped } from '../lib/cleanup.ts';
import { codexBin, offlineCodex } from '../lib/codex-setup.ts';
import type { Figure } from '../lib/figure.ts';
import { startBareServer, startBridgeCli, startUnixPeer } from '../lib/procs.ts';
import { aim } from '../lib/report.ts';
import { RpcConn } from '../lib/rpc-conn.ts';
import { ms, quantile, ratio } from '../lib/stats.ts';

const ROUNDS = 6;
const PER_ROUND = 1000;
const WARMUP = 2000;
const METHOD = 'thread/loaded/list';

/** One round trip on a bare echo socket, with the same JSON work as an rpc call. */
function bareEcho(ws: WebSocket): (id: number) => Promise<void> {
  let waiting: (() => void) | null = null;
  ws.on('message', (data: RawData) => {
    JSON.parse(String(data));
    const w = waiting;
    waiting = null;
    w?.();
  });
  return (id) =>
    new Promise<void>((resolve) => {
      waiting = resolve;
      ws.send(JSON.stringify({ id, method: METHOD, params: {} }));
    });
}

async function openBare(port: number): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

async function sample(call: () => Promise<unknown>, n: number, into: number[] | null): Promise<void> {
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await call();
    into?.push(performance.now() - t0);
  }
}

export const relayFigure: Figure = {
  key: 'relay',
  no: 1,
  title: `relay round-trip of ${METHOD}: bridge vs direct codex vs bare ws hop`,
  run: () =>
    scoped(async (scope) => {
      const { env } = await offlineCodex(scope, 'relay');
      const codex = { codexPath: codexBin(), env: env.env, cwd: env.workDir };
      const [bridge, direct, barePort] = await Promise.all([
        startBridgeCli(scope, codex),
        startUnixPeer(scope, { kind: 'codex', ...codex }),
        startBareServer(scope),
      ]);
      const viaBridge = await RpcConn.bridge(bridge);
      scope.defer(() => viaBridge.close());
      const straight = await RpcConn.direct(direct.socketPath);
      scope.defer(() => straight.close());
      await Promise.all([viaBridge.initialize(), straight.initialize()]);
      const bareWs = await openBare(barePort);
      scope.defer(() => bareWs.close());
      const bare = bareEcho(bareWs);
      let bareId = 0;
      const paths: Record<'bridge' | 'direct' | 'bare', { call: () => Promise<unknown>; samples: number[] }> = {
        bridge: { call: () => viaBridge.request(METHOD, {}), samples: [] },
        direct: { call: () => straight.request(METHOD, {}), samples: [] },
        bare: { call: () => bare(++bareId), samples: [] },
      };
      const order = ['bridge', 'direct', 'bare'] as const;
      for (const p of order) await sample(paths[p].call, WARMUP, null);
      for (let r = 0; r < ROUNDS; r++) {
        for (let k = 0; k < order.length; k++) {
          const p = order[(r + k) % order.length] ?? 'bridge';
          await sample(paths[p].call, PER_ROUND, paths[p].samples);
        }
      }
      const q = (p: keyof typeof paths, at: number): number => quantile(paths[p].samples, at);
      const added50 = q('bridge', 0.5) - q('direct', 0.5);
      const added99 = q('bridge', 0.99) - q('direct', 0.99);
      const n = ROUNDS * PER_ROUND;
      return [
        {
          name: 'relay round-trip',
          measured:
            `bridge p50 ${ms(q('bridge', 0.5))} p99 ${ms(q('bridge', 0.99))} | direct p50 ${ms(q('direct', 0.5))} p99 ${ms(q('direct', 0.99))} | ` +
            `bare hop p50 ${ms(q('bare', 0.5))} p99 ${ms(q('bare', 0.99))} | added p50 ${ms(added50)} = ${ratio(added50 / q('bare', 0.5))} bare hop, ` +
            `added p99 ${ms(added99)} = ${ratio(added99 / q('bare', 0.99))}`,
          aims: [
            aim('added p50 ≤ 1.5× bare hop p50', added50 <= 1.5 * q('bare', 0.5)),
            aim('added p99 ≤ 1.5× bare hop p99', added99 <= 1.5 * q('bare', 0.99)),
          ],
          details: [`${n.toLocaleString('en-US')} sequential requests per path in ${ROUNDS} interleaved rounds after ${WARMUP} warm-up each; real codex behind bridge and direct`],
        },
      ];
    }),
};
