/**
 * One HTTP/1.1 request written byte for byte on a TCP socket, and its response.
 * why not fetch or http.request: they normalize `..`, refuse NUL and set Host themselves, which is
 * exactly what an attacker's request does not do.
 */
import { connect } from 'node:net';

export interface RawReply {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends `GET target` (or `method`) with the given headers (Host included; `Connection: close` unless given). */
export function rawRequest(port: number, target: string, headers: Record<string, string>, method = 'GET'): Promise<RawReply> {
  const lines = [`${method} ${target} HTTP/1.1`, ...Object.entries({ Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}`), '', ''];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = (split === -1 ? text : text.slice(0, split)).split('\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head[0] ?? '')?.[1] ?? 0);
      const parsed: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status, headers: parsed, body: split === -1 ? '' : text.slice(split + 4) });
    });
    // why write, not end: node's HTTP server drops a half-closed connection before its answer is ready.
    socket.write(lines.join('\r\n'));
    // A refused request is answered and closed at once; one wrongly let in (101) would stay open.
    socket.setTimeout(10_000, () => socket.destroy());
  });
}

/** The headers of a WebSocket upgrade to the bridge. */
export function upgradeHeaders(host: string, origin: string, token: string | null): Record<string, string> {
  return {
    Host: host,
    Origin: origin,
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': Buffer.from('okc-e2e-security').toString('base64'),
    'Sec-WebSocket-Protocol': token === null ? 'okcode.v1' : `okcode.v1, okcode.token.${token}`,
  };
}
