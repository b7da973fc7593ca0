/**
 * A foreign web site on another loopback port: one page whose script tries to take over the bridge
 * (cross-site WebSocket hijacking) the way a malicious page in another tab would, and records what
 * happened in `window.hijack` for the test to read.
 */
import { createServer, type Server } from 'node:http';

export interface HijackAttempt {
  readonly name: string;
  readonly url: string;
  readonly protocols: readonly string[];
}

export interface HijackResult {
  readonly name: string;
  /** The socket opened: the bridge let a foreign origin in. */
  readonly opened: boolean;
  readonly closeCode: number;
  readonly errored: boolean;
  /** Frames the bridge sent (none unless opened). */
  readonly frames: number;
}

/** What the page runs: every attempt in turn; an opened socket immediately asks codex to start a turn. */
function attackScript(attempts: readonly HijackAttempt[], marker: string): string {
  return `
const attempts = ${JSON.stringify(attempts)};
const marker = ${JSON.stringify(marker)};
function attempt(a) {
  return new Promise((resolve) => {
    const r = { name: a.name, opened: false, closeCode: 0, errored: false, frames: 0 };
    let ws;
    try { ws = new WebSocket(a.url, a.protocols); } catch (e) { resolve({ ...r, errored: true }); return; }
    const send = (msg) => ws.send(JSON.stringify({ type: 'rpc', msg }));
    ws.onopen = () => {
      r.opened = true;
      send({ id: 1, method: 'initialize', params: { clientInfo: { name: 'evil', title: null, version: '0' } } });
      send({ method: 'initialized' });
      send({ id: 2, method: 'thread/start', params: {} });
    };
    ws.onmessage = (e) => {
      r.frames++;
      const m = JSON.parse(e.data).msg;
      if (m && m.id === 2 && m.result) send({ id: 3, method: 'turn/start', params: { threadId: m.result.thread.id, input: [{ type: 'text', text: marker, text_elements: [] }] } });
      else if (m && (m.id === 3 || (m.id === 2 && m.error))) ws.close(); // in (or refused by codex): done
    };
    ws.onerror = () => { r.errored = true; };
    ws.onclose = (e) => resolve({ ...r, closeCode: e.code });
    setTimeout(() => { ws.close(); resolve(r); }, 5000);
  });
}
window.hijack = (async () => {
  const results = [];
  for (const a of attempts) results.push(await attempt(a));
  document.body.textContent = JSON.stringify(results);
  return results;
})();
`;
}

export interface ForeignSite {
  readonly url: string;
  readonly origin: string;
  /** From now on, the page tries these attempts; an opened socket asks codex for a turn saying `marker`. */
  serve(attempts: readonly HijackAttempt[], marker: string): void;
  close(): Promise<void>;
}

/** A web site on 127.0.0.1, any free port; its page at `/` runs what {@link ForeignSite.serve} set. */
export async function startForeignSite(): Promise<ForeignSite> {
  let page = '<!doctype html><title>A foreign site</title><body>nothing yet';
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    origin: `http://127.0.0.1:${port}`,
    serve(attempts, marker) {
      page = `<!doctype html><title>A foreign site</title><body>working…<script>${attackScript(attempts, marker)}</script>`;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
