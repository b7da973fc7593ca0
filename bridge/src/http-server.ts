/**
 * The bridge's HTTP server: the static PWA, Private Network Access preflights, and the hand-off of
 * WebSocket upgrades to the relay. Every response carries the security headers; a request whose Host
 * is not the bridge's gets 403 (DNS rebinding).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { BridgeErrorCode } from '../../protocol/bridge-frames.ts';
import { listenHost } from './hosts.ts';
import { baselineHeaders, securityHeaders } from './security-headers.ts';
import { sendText, serveStatic } from './static-files.ts';
import { isAllowedHost, isAllowedOrigin, type AccessPolicy } from './upgrade-auth.ts';

export interface HttpServerOptions {
  readonly staticDir: string;
  /** The access policy; null until the server is bound (the port is only known then). */
  readonly policy: () => AccessPolicy | null;
  /** Receives every upgrade request; it must authenticate it or destroy the socket. */
  readonly onUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

/** Creates (does not bind) the HTTP server. */
export function createBridgeServer(opts: HttpServerOptions): Server {
  const server = createServer((req, res) => {
    handleRequest(req, res, opts).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error', baselineHeaders());
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // why: a peer that resets mid-handshake must not crash the bridge with an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    opts.onUpgrade(req, socket, head);
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return server;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, opts: HttpServerOptions): Promise<void> {
  const policy = opts.policy();
  if (policy === null) return sendText(res, 503, 'Starting', baselineHeaders());
  if (!isAllowedHost(req.headers, policy)) {
    return sendText(res, 403, 'OKC_BRIDGE_HOST_DENIED', baselineHeaders());
  }
  const headers = securityHeaders((req.headers.host ?? '').toLowerCase());
  if (req.method === 'OPTIONS') return answerPreflight(req, res, policy, headers);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed', headers);
  }
  return serveStatic(req, res, opts.staticDir, headers);
}

/**
 * Chrome's Private Network Access preflight: allowed only for the bridge's own origins and
 * `--allow-origin` entries; everything else gets 403 without any CORS header.
 */
function answerPreflight(
  req: IncomingMessage,
  res: ServerResponse,
  policy: AccessPolicy,
  headers: Readonly<Record<string, string>>,
): void {
  const origin = req.headers.origin;
  const pna = req.headers['access-control-request-private-network'] === 'true';
  if (!pna || origin === undefined || !isAllowedOrigin(origin, policy)) {
    return sendText(res, 403, 'OKC_BRIDGE_ORIGIN_DENIED', headers);
  }
  res.writeHead(204, {
    ...headers,
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Private-Network': 'true',
    'Access-Control-Allow-Methods': 'GET, HEAD',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin, Access-Control-Request-Private-Network',
  });
  res.end();
}

/** Writes a plain HTTP denial (`401`/`403`/`404`, the code as the body) on a raw upgrade socket and closes it. */
export function denyUpgrade(socket: Duplex, status: 401 | 403 | 404, code: BridgeErrorCode | 'NOT_FOUND'): void {
  const reason = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : 'Not Found';
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  // why: destroy only after the response is flushed, or the client sees a reset instead of the code.
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(code)}\r\n\r\n${code}`,
  );
}

/** Thrown by {@link listen} when the port is taken. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is in use`);
  }
}

/** Binds the server; resolves with the bound port. Rejects with {@link PortInUseError} on EADDRINUSE. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      reject(err.code === 'EADDRINUSE' ? new PortInUseError(port) : err);
    };
    const onListening = (): void => {
      server.off('error', onError);
      const addr = server.address();
      resolvePort(typeof addr === 'object' && addr !== null ? addr.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, listenHost(host));
  });
}
