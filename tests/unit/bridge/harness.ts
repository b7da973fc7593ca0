/**
 * Helpers for the bridge tests: an in-process bridge on port 0 in front of the mock codex, and a
 * WebSocket test client that speaks the bridge envelope.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import {
  BRIDGE_SUBPROTOCOL,
  BRIDGE_WS_PATH,
  TOKEN_SUBPROTOCOL_PREFIX,
  parseServerFrame,
  type ServerFrame,
} from '../../../protocol/bridge-frames.ts';
import { startBridge, type BridgeConfig, type BridgeTuning, type RunningBridge } from '../../../bridge/src/bridge.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const MOCK_PEER = join(REPO_ROOT, 'tests/fixtures/codex-mock-peer.mjs');
export const TEST_TOKEN = 'test-token-0123456789abcdef';

/** A scratch directory removed by the returned function. */
export function scratchDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Starts a bridge in this process, in front of the mock codex unless `codexPath` says otherwise. */
export async function startTestBridge(
  overrides: Partial<BridgeConfig> = {},
  tuning: BridgeTuning = {},
): Promise<RunningBridge> {
  const config: BridgeConfig = {
    host: '127.0.0.1',
    port: 0,
    token: TEST_TOKEN,
    codexPath: MOCK_PEER,
    cwd: REPO_ROOT,
    allowOrigins: [],
    staticDir: join(REPO_ROOT, 'does-not-exist'),
    graceSeconds: 5,
    verbose: false,
    env: process.env,
    bridgeVersion: '0.0.0-test',
    setprivPath: null,
    stateDir: null,
    ...overrides,
  };
  return startBridge(config, { log: () => undefined, ...tuning });
}

export interface ConnectOptions {
  readonly token?: string | null;
  readonly origin?: string | null;
  readonly host?: string;
  readonly path?: string;
  readonly query?: string;
  readonly autoPong?: boolean;
}

/** What the bridge answered to an upgrade it refused. */
export interface Denial {
  readonly status: number;
  readonly body: string;
}

function socketFor(port: number, o: ConnectOptions): WebSocket {
  const protocols = [BRIDGE_SUBPROTOCOL];
  const token = o.token === undefined ? TEST_TOKEN : o.token;
  if (token !== null) protocols.push(TOKEN_SUBPROTOCOL_PREFIX + token);
  const origin = o.origin === undefined ? `http://127.0.0.1:${port}` : o.origin;
  const url = `ws://127.0.0.1:${port}${o.path ?? BRIDGE_WS_PATH}${o.query ?? ''}`;
  return new WebSocket(url, protocols, {
    ...(origin !== null ? { origin } : {}),
    ...(o.host !== undefined ? { headers: { Host: o.host } } : {}),
    ...(o.autoPong !== undefined ? { autoPong: o.autoPong } : {}),
  });
}

/** Attempts an upgrade that must be refused; resolves with the HTTP status and body. */
export function expectDenied(port: number, o: ConnectOptions): Promise<Denial> {
  return new Promise((resolveDenial, reject) => {
    const ws = socketFor(port, o);
    ws.on('open', () => reject(new Error('upgrade was accepted')));
    ws.on('error', () => undefined);
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolveDenial({ status: res.statusCode ?? 0, body }));
    });
  });
}

/** A browser stand-in: queues every frame and answers rpc calls by id. */
export class TestClient {
  /** Frames not yet taken. */
  readonly frames: ServerFrame[] = [];
  /** Every frame in arrival order, never consumed. */
  readonly arrived: ServerFrame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];
  private isClosed = false;
  /** why: ids are unique across clients, so a replayed reply to an earlier client never matches. */
  private static nextId = 1000;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = parseServerFrame(data.toString());
      assert.ok(frame !== null, `not a ServerFrame: ${data.toString().slice(0, 200)}`);
      this.frames.push(frame);
      this.arrived.push(frame);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((done) =>
      ws.on('close', (code, reason) => {
        this.isClosed = true;
        for (const w of this.waiters.splice(0)) w();
        done({ code, reason: reason.toString() });
      }),
    );
  }

  /** Connects and waits for the socket to open (not for the welcome). */
  static open(port: number, o: ConnectOptions = {}): Promise<TestClient> {
    return new Promise((done, reject) => {
      const ws = socketFor(port, o);
      const client = new TestClient(ws);
      ws.once('open', () => done(client));
      ws.once('error', reject);
    });
  }

  /**
   * Removes and returns the first queued frame matching `pred`, waiting up to `timeoutMs`. Rejects at
   * once when the socket is closed and no queued frame matches.
   */
  async take(pred: (f: ServerFrame) => boolean = () => true, timeoutMs = 3000): Promise<ServerFrame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = this.frames.findIndex(pred);
      if (i !== -1) return this.frames.splice(i, 1)[0] as ServerFrame;
      if (this.isClosed) throw new Error('the socket closed without a matching frame');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching frame within ${timeoutMs} ms; have ${JSON.stringify(this.frames)}`);
      await new Promise<void>((wake) => {
        const t = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(t);
          wake();
        });
      });
    }
  }

  /** The next frame in arrival order. */
  next(timeoutMs?: number): Promise<ServerFrame> {
    return this.take(() => true, timeoutMs);
  }

  /** Sends `{type:'rpc', msg}`. */
  sendRpc(msg: Record<string, unknown>): void {
    this.ws.send(JSON.stringify({ type: 'rpc', msg }));
  }

  /** Sends a request and resolves with the reply's `rpc` frame. */
  async call(method: string, params?: unknown): Promise<Extract<ServerFrame, { type: 'rpc' }>> {
    const id = TestClient.nextId++;
    this.sendRpc({ id, method, ...(params !== undefined ? { params } : {}) });
    const frame = await this.take((f) => f.type === 'rpc' && (f.msg as { id?: unknown }).id === id);
    assert.equal(frame.type, 'rpc');
    return frame;
  }

  /** The `result` of a reply, as a record. */
  async result(method: string, params?: unknown): Promise<Record<string, unknown>> {
    const frame = await this.call(method, params);
    const msg = frame.msg as { result?: Record<string, unknown> };
    assert.ok(msg.result !== undefined, `no result in ${JSON.stringify(frame)}`);
    return msg.result;
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }
}

/** Opens a client and returns it together with its welcome frame. */
export async function openSession(
  port: number,
  o: ConnectOptions = {},
): Promise<{ client: TestClient; welcome: Extract<ServerFrame, { type: 'welcome' }> }> {
  const client = await TestClient.open(port, o);
  const welcome = await client.take((f) => f.type === 'welcome');
  assert.equal(welcome.type, 'welcome');
  return { client, welcome };
}

/** True while `pid` exists and is not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): kill(0) succeeded
  }
}

/** Polls until `pid` is gone; false if it is still alive after `timeoutMs`. */
export async function waitGone(pid: number, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return !isAlive(pid);
}
