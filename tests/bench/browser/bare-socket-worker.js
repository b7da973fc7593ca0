/* global self, WebSocket, performance */
// A dedicated worker of the benchmark page holding the baseline: a bare WebSocket to the bridge (a
// session of its own) that initializes, resumes the thread it is told to, and notes when the first and
// the last delta (the one carrying the marker) arrive, as absolute times (timeOrigin + now), so that
// the page can compare them with its own. On its own thread, its arrivals are not held up by the
// page's rendering.
let s = null;

const now = () => performance.timeOrigin + performance.now();

function rpc(id, method, params) {
  s.ws.send(JSON.stringify({ type: 'rpc', msg: { id, method, params } }));
  return new Promise((resolve, reject) => {
    s.pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${JSON.stringify(m.error)}`)) : resolve(m.result)));
  });
}

function onFrame(text) {
  const f = JSON.parse(text);
  if (f.type !== 'rpc') return;
  if (++s.unacked >= 200) {
    s.unacked = 0;
    s.ws.send(JSON.stringify({ type: 'ack', seq: f.seq }));
  }
  const m = f.msg;
  if (m.method === 'item/agentMessage/delta' && m.params.threadId === s.threadId) {
    const t = now();
    s.count++;
    if (s.first === null) s.first = t;
    if (m.params.delta.includes(s.marker)) {
      s.last = t;
      self.postMessage({ type: 'last', first: s.first, last: s.last, count: s.count });
    }
    return;
  }
  if (m.id !== undefined && m.method === undefined) {
    const p = s.pending.get(m.id);
    s.pending.delete(m.id);
    if (p) p(m);
  }
}

async function arm(cfg) {
  if (s && s.ws) s.ws.close();
  s = { ...cfg, first: null, last: null, count: 0, pending: new Map(), unacked: 0, ws: null };
  const ws = new WebSocket(cfg.wsUrl, ['okcode.v1', `okcode.token.${cfg.token}`]);
  s.ws = ws;
  await new Promise((resolve, reject) => {
    ws.onmessage = () => {
      ws.onmessage = (ev) => onFrame(ev.data);
      resolve();
    };
    ws.onerror = () => reject(new Error('bare socket failed'));
  });
  await rpc(1, 'initialize', { clientInfo: { name: 'okcode_bench_bare', title: null, version: '0.0.0' }, capabilities: null });
  ws.send(JSON.stringify({ type: 'rpc', msg: { method: 'initialized' } }));
  await rpc(2, 'thread/resume', { threadId: cfg.threadId, excludeTurns: true });
}

self.onmessage = (e) => {
  if (e.data.type === 'arm') {
    arm(e.data.cfg).then(
      () => self.postMessage({ type: 'armed' }),
      (err) => self.postMessage({ type: 'error', message: String(err) }),
    );
  }
};
