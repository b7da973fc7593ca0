import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import { WebSocket } from 'ws';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { BROWSER_MAX_PAYLOAD_BYTES } from '../../../bridge/src/frames.ts';
import { TestClient, expectDenied, openSession, startTestBridge } from './harness.ts';

suite('relay', () => {
  let bridge: RunningBridge;
  let port = 0;

  before(async () => {
    bridge = await startTestBridge();
    port = bridge.port;
  });
  after(() => bridge.stop());

  const denials: { name: string; opts: Parameters<typeof expectDenied>[1]; status: number; body: string }[] = [
    { name: 'a missing token', opts: { token: null }, status: 401, body: 'OKC_BRIDGE_TOKEN_MISSING' },
    { name: 'a wrong token', opts: { token: 'wrong-token-0123456789' }, status: 401, body: 'OKC_BRIDGE_TOKEN_INVALID' },
    { name: 'a foreign Origin', opts: { origin: 'https://evil.example' }, status: 403, body: 'OKC_BRIDGE_ORIGIN_DENIED' },
    { name: 'no Origin', opts: { origin: null }, status: 403, body: 'OKC_BRIDGE_ORIGIN_DENIED' },
    { name: 'a rebinding Host', opts: { host: 'evil.example' }, status: 403, body: 'OKC_BRIDGE_HOST_DENIED' },
    { name: 'another path', opts: { path: '/socket' }, status: 404, body: 'NOT_FOUND' },
  ];
  for (const d of denials) {
    test(`refuses an upgrade with ${d.name}: ${d.status} ${d.body}`, async () => {
      const denial = await expectDenied(port, d.opts);
      assert.deepEqual(denial, { status: d.status, body: d.body });
    });
  }

  test('lets nothing from refused upgrades reach codex', async () => {
    for (const d of denials) await expectDenied(port, d.opts);
    const { client } = await openSession(port);
    const stats = await client.result('test/stats');
    // The mock counts WebSocket connections: only this client's upstream ever connected since the
    // previous tests' clients closed, and each refused attempt would have added one.
    assert.equal(stats['open'], 1);
    assert.equal(stats['connections'], 1);
    await client.close();
  });

  test('sends welcome first and selects the okcode.v1 subprotocol', async () => {
    const client = await TestClient.open(port);
    assert.equal(client.ws.protocol, 'okcode.v1');
    const welcome = await client.next();
    assert.equal(welcome.type, 'welcome');
    if (welcome.type !== 'welcome') return;
    assert.match(welcome.sessionId, /^[0-9a-f]{32}$/);
    assert.equal(welcome.resumed, false);
    assert.equal(welcome.bridgeVersion, '0.0.0-test');
    assert.equal(welcome.codexVersion, '0.169.0-mock');
    assert.equal(typeof welcome.cwd, 'string');
    await client.close();
  });

  test('relays requests and replies with increasing sequence numbers', async () => {
    const { client } = await openSession(port);
    const first = await client.call('thread/loaded/list', { limit: 5 });
    const { id } = first.msg as { id: number };
    assert.deepEqual(first.msg, { id, result: { method: 'thread/loaded/list', params: { limit: 5 } } });
    assert.equal(first.seq, 1);
    await client.call('test/notify', { count: 3 });
    const seqs = [first.seq];
    client.sendRpc({ id: 99, method: 'x' });
    await client.take((f) => f.type === 'rpc' && (f.msg as { id?: number }).id === 99);
    assert.equal(client.frames.length, 3, 'the three notifications are queued');
    for (const f of client.frames) if (f.type === 'rpc') seqs.push(f.seq);
    assert.deepEqual(seqs, [1, 2, 3, 4]);
    await client.close();
  });

  test('keeps sessions apart: a reply goes only to the session that asked', async () => {
    const a = await openSession(port);
    const b = await openSession(port);
    assert.notEqual(a.welcome.sessionId, b.welcome.sessionId);
    await a.client.call('only/a');
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(b.client.frames, []);
    await a.client.close();
    await b.client.close();
  });

  test('answers a non-JSON frame with an error and keeps the socket and bridge up', async () => {
    const { client } = await openSession(port);
    client.ws.send('{this is not json');
    const err = await client.next();
    assert.deepEqual(err, { type: 'error', code: 'OKC_BRIDGE_FRAME_NOT_JSON', message: 'frame is not valid JSON' });
    client.ws.send(JSON.stringify({ type: 'rpc', msg: 'not an object' }));
    const invalid = await client.next();
    assert.equal(invalid.type === 'error' && invalid.code, 'OKC_BRIDGE_FRAME_INVALID');
    client.ws.send(Buffer.from('{}'), { binary: true });
    const binary = await client.next();
    assert.equal(binary.type === 'error' && binary.code, 'OKC_BRIDGE_FRAME_INVALID');
    assert.equal(client.ws.readyState, WebSocket.OPEN);
    const reply = await client.call('still/alive');
    assert.equal((reply.msg as { result: { method: string } }).result.method, 'still/alive');
    await client.close();
  });

  test('sends codex one JSON value per client frame, however it was formatted', async () => {
    const { client } = await openSession(port);
    const before = (await client.result('test/stats'))['messages'] as number;
    client.ws.send('{"type":"rpc",\n"msg":{"id":50,\n"method":"m","params":{"t":"x\\n{\\"id\\":51,\\"method\\":\\"evil\\"}"}}}');
    const reply = await client.take((f) => f.type === 'rpc' && (f.msg as { id?: number }).id === 50);
    assert.ok(reply.type === 'rpc');
    assert.deepEqual((reply.msg as { result: unknown }).result, {
      method: 'm',
      params: { t: 'x\n{"id":51,"method":"evil"}' },
    });
    const afterCount = (await client.result('test/stats'))['messages'] as number;
    assert.equal(afterCount - before, 2, 'the smuggled frame plus the second stats call');
    await client.close();
  });

  test('never turns one client frame into two codex messages (what codex received, verbatim)', async () => {
    const { client } = await openSession(port);
    await client.result('test/log'); // start a fresh log
    const smuggled = [
      '{"type":"rpc","msg":{"id":1,"method":"a"}}{"type":"rpc","msg":{"id":2,"method":"b"}}',
      '{"type":"rpc","msg":{"id":3,"method":"c"}}\n{"type":"rpc","msg":{"id":4,"method":"d"}}',
      '{"type":"rpc","msg":{"id":5,"method":"e"}}\r\n',
    ];
    for (const text of smuggled.slice(0, 2)) {
      client.ws.send(text);
      const err = await client.take((f) => f.type === 'error');
      assert.equal(err.type === 'error' && err.code, 'OKC_BRIDGE_FRAME_NOT_JSON');
    }
    client.ws.send(smuggled[2] ?? '');
    await client.take((f) => f.type === 'rpc' && f.msg['id'] === 5);
    const tricky = { id: 6, method: 'f', params: { t: 'x\n{"id":7,"method":"evil"}\r\n\u2028\u2029' } };
    client.ws.send(`{"type":"rpc",\n"msg":${JSON.stringify(tricky, null, 2)}}`);
    await client.take((f) => f.type === 'rpc' && f.msg['id'] === 6);
    const log = (await client.result('test/log'))['frames'] as string[];
    assert.deepEqual(log, ['{"id":5,"method":"e"}', JSON.stringify(tricky)], 'exactly two messages, re-serialized');
    for (const text of log) assert.ok(!/[\n\r]/.test(text), `no raw line break reaches codex: ${text}`);
    await client.close();
  });

  test('refuses an oversized frame with close 1009 and keeps serving other clients', async () => {
    const big = await openSession(port);
    big.client.ws.send('x'.repeat(BROWSER_MAX_PAYLOAD_BYTES + 1));
    const closed = await big.client.closed;
    assert.equal(closed.code, 1009);
    const other = await openSession(port);
    assert.equal((await other.client.result('after/oversize'))['method'], 'after/oversize');
    await other.client.close();
  });

  test('accepts a frame just under the limit', async () => {
    const { client } = await openSession(port);
    const pad = 'y'.repeat(BROWSER_MAX_PAYLOAD_BYTES - 200);
    const result = await client.result('test/size', { pad });
    assert.ok((result['bytes'] as number) > pad.length, 'codex received the whole frame');
    await client.close();
  });

});

suite('relay heartbeat', () => {
  // why: a suite of its own, since a 100 ms heartbeat also drops healthy clients that are busy for
  // longer (sending 16 MiB on a loaded machine).
  test('drops a browser socket that stops answering pings', async () => {
    const bridge = await startTestBridge({}, { heartbeatMs: 100 });
    try {
      const { client } = await openSession(bridge.port, { autoPong: false });
      const closed = await client.closed;
      assert.equal(closed.code, 1006);
    } finally {
      await bridge.stop();
    }
  });
});
