/**
 * The baseline hop: a bare `ws` server on loopback, in a process of its own, that does nothing but
 * echo each text frame, or, for `{"flood":{"count":N,"size":S}}`, send N notifications shaped like the
 * mock codex peer's (`{"method":"test/note","params":{"i","pad"},"emittedAtMs":0}`) and then
 * `{"done":N}`. Prints `listening on <port>` when ready; exits on SIGTERM.
 */
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: 0 });

wss.on('connection', (ws) => {
  ws.on('message', (data, isBinary) => {
    const text = data.toString();
    if (!isBinary && text.startsWith('{"flood"')) {
      const { flood } = JSON.parse(text) as { flood: { count: number; size: number } };
      const pad = 'x'.repeat(flood.size);
      for (let i = 1; i <= flood.count; i++) ws.send(JSON.stringify({ method: 'test/note', params: { i, pad }, emittedAtMs: 0 }));
      ws.send(JSON.stringify({ done: flood.count }));
      return;
    }
    ws.send(text);
  });
});

wss.on('listening', () => {
  const address = wss.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`listening on ${port}\n`);
});

process.on('SIGTERM', () => {
  for (const c of wss.clients) c.terminate();
  wss.close(() => process.exit(0));
});
