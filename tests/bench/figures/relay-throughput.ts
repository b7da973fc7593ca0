/**
 * Figure 2: throughput of a notification flood (the mock codex peer's `test/notify`: N notifications
 * of S bytes, then the reply) through okcode-bridge, against the same flood on a direct connection to
 * a second mock peer, and a bare `ws` pipe sending the same frames. The client counts frames without
 * parsing them (it looks only for the final reply), acks every 200 frames through the bridge as the
 * engine does, and times request → reply.
 */
import { WebSocket, type RawData } from 'ws';
import { BRIDGE_SUBPROTOCOL, BRIDGE_WS_PATH, TOKEN_SUBPROTOCOL_PREFIX } from '../../../protocol/bridge-frames.ts';
import { scoped, type Scope } from '../lib/cleanup.ts';
import type { Figure } from '../lib/figure.ts';
import { MOCK_PEER, startBareServer, startBridgeCli, startUnixPeer, type BridgeProc } from '../lib/procs.ts';
import { aim } from '../lib/report.ts';
import { median, rate, ratio } from '../lib/stats.ts';

const COUNT = 20_000;
const SIZE = 1024;
const ROUNDS = 5;

interface Flood {
  frames: number;
  bytes: number;
  ms: number;
}

type Path = (id: number) => Promise<Flood>;

async function open(scope: Scope, ws: WebSocket, waitWelcome: boolean): Promise<void> {
  scope.defer(() => ws.terminate());
  await new Promise<void>((resolve, reject) => {
    if (waitWelcome) ws.once('message', () => resolve());
    else ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

/** Sends `request`, counts frames until one satisfies `isEnd`. */
function flood(ws: WebSocket, request: string, isEnd: (text: Buffer) => boolean, ack: ((n: number) => void) | null): Promise<Flood> {
  return new Promise((resolve) => {
    let frames = 0;
    let bytes = 0;
    const t0 = performance.now();
    const onMessage = (data: RawData): void => {
      const buf = data as Buffer;
      frames++;
      bytes += buf.length;
      ack?.(frames);
      if (!isEnd(buf)) return;
      ws.off('message', onMessage);
      resolve({ frames: frames - 1, bytes, ms: performance.now() - t0 });
    };
    ws.on('message', onMessage);
    ws.send(request);
  });
}

const RESULT = Buffer.from('"result"');
const DONE = Buffer.from('{"done"');
const params = { count: COUNT, size: SIZE };

async function bridgePath(scope: Scope, b: BridgeProc): Promise<Path> {
  const ws = new WebSocket(`ws://127.0.0.1:${b.port}${BRIDGE_WS_PATH}`, [BRIDGE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + b.token], {
    origin: b.origin,
    perMessageDeflate: false,
  });
  await open(scope, ws, true);
  let seq = 0;
  const ack = (n: number): void => {
    seq++;
    if (n % 200 === 0) ws.send(JSON.stringify({ type: 'ack', seq }));
  };
  return (id) =>
    flood(ws, JSON.stringify({ type: 'rpc', msg: { id, method: 'test/notify', params } }), (t) => t.includes(RESULT), ack);
}

async function directPath(scope: Scope, socketPath: string): Promise<Path> {
  const ws = new WebSocket(`ws+unix://${socketPath}:/`, { perMessageDeflate: false, maxPayload: 0 });
  await open(scope, ws, false);
  return (id) => flood(ws, JSON.stringify({ id, method: 'test/notify', params }), (t) => t.includes(RESULT), null);
}

async function barePath(scope: Scope, port: number): Promise<Path> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/`, { perMessageDeflate: false });
  await open(scope, ws, false);
  return () => flood(ws, JSON.stringify({ flood: params }), (t) => t.subarray(0, DONE.length).equals(DONE), null);
}

export const throughputFigure: Figure = {
  key: 'throughput',
  no: 2,
  title: `relay throughput: ${COUNT.toLocaleString('en-US')} × ${SIZE} B notifications, bridge vs direct vs bare ws pipe`,
  run: () =>
    scoped(async (scope) => {
      const [bridge, direct, barePort] = await Promise.all([
        startBridgeCli(scope, { codexPath: MOCK_PEER }),
        startUnixPeer(scope, { kind: 'mock' }),
        startBareServer(scope),
      ]);
      const paths: Record<'bridge' | 'direct' | 'bare', Path> = {
        bridge: await bridgePath(scope, bridge),
        direct: await directPath(scope, direct.socketPath),
        bare: await barePath(scope, barePort),
      };
      const results: Record<keyof typeof paths, Flood[]> = { bridge: [], direct: [], bare: [] };
      const order = ['bridge', 'direct', 'bare'] as const;
      let id = 1;
      for (const p of order) await paths[p](id++); // warm-up
      for (let r = 0; r < ROUNDS; r++) {
        for (let k = 0; k < order.length; k++) {
          const p = order[(r + k) % order.length] ?? 'bridge';
          const f = await paths[p](id++);
          if (f.frames !== COUNT) throw new Error(`${p}: expected ${COUNT} notifications, got ${f.frames}`);
          results[p].push(f);
        }
      }
      const fps = (p: keyof typeof paths): number => median(results[p].map((f) => f.frames / (f.ms / 1000)));
      const mbs = (p: keyof typeof paths): number => median(results[p].map((f) => f.bytes / 1024 / 1024 / (f.ms / 1000)));
      const vsDirect = fps('bridge') / fps('direct');
      const vsBare = fps('bridge') / fps('bare');
      const fmt = (p: keyof typeof paths): string => `${rate(fps(p), 'frames/s')} ${mbs(p).toFixed(1)} MB/s`;
      return [
        {
          name: 'relay throughput',
          measured: `bridge ${fmt('bridge')} | direct ${fmt('direct')} | bare ws pipe ${fmt('bare')} | bridge/direct ${ratio(vsDirect)}, bridge/bare ${ratio(vsBare)}`,
          aims: [aim('≥ 0.9× direct', vsDirect >= 0.9), aim('≥ 0.9× bare ws pipe', vsBare >= 0.9)],
          details: [`median of ${ROUNDS} interleaved floods per path after one warm-up; mock codex peer as codex (bridge, direct)`],
        },
      ];
    }),
};
