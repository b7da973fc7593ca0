/**
 * A second client of the bridge, from Node, as a browser would connect (token subprotocol, the
 * bridge's Origin): used to ask codex what it knows (thread/read) and compare it with what the PWA
 * stored.
 */
import WebSocket from 'ws';
import type { RunningBridge } from './bridge-process.ts';

const REQUEST_TIMEOUT_MS = 5000;

export interface BridgeClient {
  request<T>(method: string, params: unknown): Promise<T>;
  close(): void;
}

export async function connectBridgeClient(bridge: RunningBridge): Promise<BridgeClient> {
  const ws = new WebSocket(`${bridge.origin.replace('http', 'ws')}/ws`, ['okcode.v1', `okcode.token.${bridge.token}`], {
    origin: bridge.origin,
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  ws.on('message', (data) => {
    const frame = JSON.parse(String(data)) as { type: string; msg?: { id?: number; result?: unknown; error?: { message: string } } };
    const msg = frame.msg;
    if (frame.type !== 'rpc' || typeof msg?.id !== 'number') return;
    const p = pending.get(msg.id);
    if (!p || !('result' in msg || 'error' in msg)) return;
    pending.delete(msg.id);
    if (msg.error) p.reject(new Error(msg.error.message));
    else p.resolve(msg.result);
  });
  const request = <T>(method: string, params: unknown): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      // why: while codex restarts the bridge answers with an error frame that carries no id.
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`${method}: no answer within ${REQUEST_TIMEOUT_MS} ms`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      ws.send(JSON.stringify({ type: 'rpc', msg: { id, method, params } }));
    });
  try {
    await request('initialize', { clientInfo: { name: 'okcode-e2e', title: null, version: '0' } });
  } catch (e) {
    ws.close();
    throw e;
  }
  ws.send(JSON.stringify({ type: 'rpc', msg: { method: 'initialized' } }));
  return { request, close: () => ws.close() };
}
