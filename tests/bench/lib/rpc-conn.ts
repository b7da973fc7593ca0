/**
 * JSON-RPC over one WebSocket, in the two shapes the benchmarks compare: through okcode-bridge as the
 * browser's engine does (subprotocols `okcode.v1` + `okcode.token.<token>`, the bridge's Origin,
 * `{"type":"rpc","msg":…}` out, `{"type":"rpc","seq","msg"}` in, acks every 200 frames), and directly
 * to a codex listening on a unix socket (`ws+unix://`, raw messages, no Origin).
 */
import { WebSocket, type RawData } from 'ws';
import { BRIDGE_SUBPROTOCOL, BRIDGE_WS_PATH, TOKEN_SUBPROTOCOL_PREFIX } from '../../../protocol/bridge-frames.ts';

export type Msg = Record<string, unknown>;

const ACK_EVERY = 200;

export interface BridgeAddress {
  readonly port: number;
  readonly origin: string;
  readonly token: string;
}

/** A connection that sends requests and routes replies by id. */
export class RpcConn {
  private nextId = 1;
  private readonly pending = new Map<number, (msg: Msg) => void>();
  private notificationListener: ((msg: Msg) => void) | null = null;
  private seq = 0;
  private unacked = 0;

  private constructor(
    private readonly ws: WebSocket,
    private readonly viaBridge: boolean,
  ) {
    ws.on('message', (data: RawData) => this.receive(String(data)));
  }

  /** Opens a session through the bridge and waits for its `welcome`. */
  static async bridge(b: BridgeAddress): Promise<RpcConn> {
    const ws = new WebSocket(`ws://127.0.0.1:${b.port}${BRIDGE_WS_PATH}`, [BRIDGE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + b.token], {
      origin: b.origin,
      perMessageDeflate: false,
    });
    const welcome = new Promise<void>((resolve, reject) => {
      ws.once('message', (data: RawData) => {
        const f = JSON.parse(String(data)) as Msg;
        if (f['type'] === 'welcome') resolve();
        else reject(new Error(`expected welcome, got ${String(data).slice(0, 200)}`));
      });
      ws.once('error', reject);
    });
    await welcome;
    return new RpcConn(ws, true);
  }

  /** Connects straight to a codex (or mock peer) listening on `socketPath`. */
  static async direct(socketPath: string): Promise<RpcConn> {
    const ws = new WebSocket(`ws+unix://${socketPath}:/`, { perMessageDeflate: false, maxPayload: 0 });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RpcConn(ws, false);
  }

  /** Sends a request; resolves with the whole reply message (result or error). */
  request(method: string, params?: unknown): Promise<Msg> {
    const id = this.nextId++;
    return new Promise<Msg>((resolve) => {
      this.pending.set(id, resolve);
      this.send(params === undefined ? { id, method } : { id, method, params });
    });
  }

  notify(method: string, params?: unknown): void {
    this.send(params === undefined ? { method } : { method, params });
  }

  /** `initialize` + `initialized`, as every codex connection needs. */
  async initialize(name = 'okcode_bench'): Promise<void> {
    const r = await this.request('initialize', { clientInfo: { name, title: null, version: '0.0.0' }, capabilities: null });
    if (r['error'] !== undefined) throw new Error(`initialize failed: ${JSON.stringify(r['error'])}`);
    this.notify('initialized');
  }

  onNotification(fn: (msg: Msg) => void): void {
    this.notificationListener = fn;
  }

  close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 1000).unref();
    });
  }

  private send(msg: Msg): void {
    this.ws.send(JSON.stringify(this.viaBridge ? { type: 'rpc', msg } : msg));
  }

  private receive(text: string): void {
    let msg: Msg;
    if (this.viaBridge) {
      const frame = JSON.parse(text) as Msg;
      if (frame['type'] !== 'rpc') return;
      msg = frame['msg'] as Msg;
      this.seq = Number(frame['seq']);
      if (++this.unacked >= ACK_EVERY) {
        this.unacked = 0;
        this.ws.send(JSON.stringify({ type: 'ack', seq: this.seq }));
      }
    } else {
      msg = JSON.parse(text) as Msg;
    }
    const id = msg['id'];
    if (typeof id === 'number' && typeof msg['method'] !== 'string') {
      const resolve = this.pending.get(id);
      this.pending.delete(id);
      resolve?.(msg);
      return;
    }
    this.notificationListener?.(msg);
  }
}
