/**
 * A loopback reverse proxy in front of the bridge, so a test can drop the engine's WebSocket the way a
 * flaky network does. The engine runs in a SharedWorker, out of a page's reach; a page opened through
 * this proxy puts the engine's socket in the test's hands. Start the bridge with
 * `--allow-origin <proxy.origin>` (the page's origin is the proxy's).
 *
 * Plain HTTP requests are passed on with the Host header naming the bridge (it refuses any other, to
 * stop DNS rebinding), as a reverse proxy does. WebSocket upgrades are piped raw after the same
 * rewrite. `cut()` resets the browser's side of every WebSocket (the engine sees an abnormal close)
 * and ends the bridge's side after what was already forwarded, so "what the bridge received" is
 * exactly what the proxy passed on. It also reads the text messages passing each way, so a test can
 * count what reached codex.
 */
import { createServer, request, type IncomingMessage } from 'node:http';
import { createConnection, type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WsTextReader } from './ws-text-reader.ts';

export interface CutProxyOptions {
  /** The bridge's port (asked per connection, so a bridge restarted on the same port works). */
  targetPort: () => number;
  /** A text message the browser sent and the proxy passed on to the bridge. */
  onClientText?: (text: string) => void;
  /** A text message the bridge sent towards the browser. */
  onServerText?: (text: string) => void;
}

export interface CutProxy {
  /** `http://127.0.0.1:<port>`: open pages here. */
  readonly origin: string;
  /** Drops every open WebSocket; returns how many there were. */
  cut(): number;
  /**
   * From now until the next `cut()`, what the browser sends on the open WebSockets is lost on the way
   * (the socket stays open): makes "sent just before the connection dropped" deterministic.
   */
  blackhole(): void;
  /** The other way: what the bridge sends on the open WebSockets no longer reaches the browser. */
  mute(): void;
  close(): Promise<void>;
}

function upstreamHeaders(req: IncomingMessage, port: number): string[] {
  const lines: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? '';
    lines.push(name.toLowerCase() === 'host' ? `Host: 127.0.0.1:${port}` : `${name}: ${req.rawHeaders[i + 1] ?? ''}`);
  }
  return lines;
}

export async function startCutProxy(opts: CutProxyOptions): Promise<CutProxy> {
  const pairs = new Set<{ browser: Duplex; bridge: Socket; lost: boolean; muted: boolean }>();

  const server = createServer((req, res) => {
    const port = opts.targetPort();
    const up = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: { ...req.headers, host: `127.0.0.1:${port}` } }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });

  server.on('upgrade', (req: IncomingMessage, browser: Duplex, head: Buffer) => {
    const port = opts.targetPort();
    const bridge = createConnection({ host: '127.0.0.1', port });
    const pair = { browser, bridge, lost: false, muted: false };
    pairs.add(pair);
    const toBridge = new WsTextReader((t) => opts.onClientText?.(t), { afterHead: true });
    const toBrowser = new WsTextReader((t) => opts.onServerText?.(t));
    bridge.write(`${req.method ?? 'GET'} ${req.url ?? '/'} HTTP/1.1\r\n${upstreamHeaders(req, port).join('\r\n')}\r\n\r\n`);
    const forward = (chunk: Buffer): void => {
      if (bridge.destroyed || bridge.writableEnded || pair.lost) return;
      bridge.write(chunk);
      toBridge.push(chunk);
    };
    if (head.length > 0) forward(head);
    browser.on('data', forward);
    bridge.on('data', (chunk: Buffer) => {
      if (browser.destroyed || pair.muted) return;
      browser.write(chunk);
      toBrowser.push(chunk);
    });
    // why: a close either side starts is passed on after what is still queued (a clean close frame
    // must reach the other side); only cut() and errors drop a connection abruptly.
    const done = (): void => {
      pairs.delete(pair);
      if (!browser.destroyed) browser.end();
      if (!bridge.destroyed) bridge.end();
    };
    const fail = (): void => {
      pairs.delete(pair);
      browser.destroy();
      bridge.destroy();
    };
    browser.on('end', done);
    bridge.on('end', done);
    browser.on('close', done);
    bridge.on('close', done);
    browser.on('error', fail);
    bridge.on('error', fail);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    origin: `http://127.0.0.1:${port}`,
    cut(): number {
      const n = pairs.size;
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        (pair.browser as Socket).resetAndDestroy();
        pair.bridge.end();
      }
      return n;
    },
    blackhole(): void {
      for (const pair of pairs) pair.lost = true;
    },
    mute(): void {
      for (const pair of pairs) pair.muted = true;
    },
    close(): Promise<void> {
      for (const pair of pairs) {
        pair.browser.destroy();
        pair.bridge.destroy();
      }
      pairs.clear();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
