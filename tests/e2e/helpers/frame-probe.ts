/**
 * A client of the bridge with the right token and Origin that sends whatever bytes a test wants and
 * keeps every frame the bridge sends back: for frames the bridge must refuse, and for checking from
 * codex's own answers that a refused frame never reached it.
 */
import WebSocket from 'ws';
import type { RunningBridge } from './bridge-process.ts';

export interface BridgeFrame {
  readonly type: string;
  readonly code?: string;
  readonly msg?: { readonly id?: unknown; readonly result?: unknown; readonly error?: unknown };
}

export interface FrameProbe {
  readonly frames: BridgeFrame[];
  readonly closed: Promise<number>;
  send(data: string | Buffer, binary?: boolean): void;
  /** Waits for the first frame (from now on or already received) matching `pred`. */
  waitFor(pred: (f: BridgeFrame) => boolean, timeoutMs?: number): Promise<BridgeFrame>;
  /** A request; resolves with codex's reply frame. */
  call(id: number | string, method: string, params?: unknown): Promise<BridgeFrame>;
  close(): void;
}

export async function openFrameProbe(bridge: RunningBridge): Promise<FrameProbe> {
  const ws = new WebSocket(`${bridge.origin.replace('http', 'ws')}/ws`, ['okcode.v1', `okcode.token.${bridge.token}`], { origin: bridge.origin });
  const frames: BridgeFrame[] = [];
  const waiters = new Set<() => void>();
  ws.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as BridgeFrame);
    for (const w of waiters) w();
  });
  ws.on('error', () => undefined); // a refused oversized frame ends in close 1009, reported by `closed`
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waitFor = (pred: (f: BridgeFrame) => boolean, timeoutMs = 10_000): Promise<BridgeFrame> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = frames.find(pred);
        if (hit === undefined) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames).slice(-2000)}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const send = (data: string | Buffer, binary = false): void => ws.send(data, { binary });
  const call = (id: number | string, method: string, params?: unknown): Promise<BridgeFrame> => {
    send(JSON.stringify({ type: 'rpc', msg: { id, method, ...(params === undefined ? {} : { params }) } }));
    return waitFor((f) => f.type === 'rpc' && f.msg?.id === id && ('result' in f.msg || 'error' in f.msg));
  };
  return { frames, closed, send, waitFor, call, close: () => ws.close() };
}
