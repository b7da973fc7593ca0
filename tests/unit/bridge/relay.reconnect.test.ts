import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import type { ServerFrame } from '../../../protocol/bridge-frames.ts';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { openSession, startTestBridge, type TestClient } from './harness.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Sequence numbers of the rpc frames queued on `client`, in order, after waiting for `count` of them. */
async function rpcSeqs(client: TestClient, count: number): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i++) {
    const f = await client.take((x) => x.type === 'rpc');
    if (f.type === 'rpc') seqs.push(f.seq);
  }
  return seqs;
}

function query(sessionId: string, afterSeq: number): string {
  return `?session=${sessionId}&after=${afterSeq}`;
}

suite('relay reconnect', () => {
  let bridge: RunningBridge;
  let port = 0;

  before(async () => {
    bridge = await startTestBridge({ graceSeconds: 0.4 }, { replayLimits: { maxFrames: 8, maxBytes: 1_000_000 } });
    port = bridge.port;
  });
  after(() => bridge.stop());

  test('a reconnect within the grace gets exactly the missed frames, in order, then live ones', async () => {
    const a = await openSession(port);
    const reply = await a.client.call('test/notify', { count: 5, delayMs: 100 });
    assert.equal(reply.seq, 1);
    await a.client.close(); // the five notifications arrive while no browser is attached
    await sleep(250);
    const b = await openSession(port, { query: query(a.welcome.sessionId, 1) });
    assert.equal(b.welcome.sessionId, a.welcome.sessionId);
    assert.equal(b.welcome.resumed, true);
    assert.equal(b.client.arrived[0]?.type, 'welcome', 'welcome comes before the replay');
    const replayed: ServerFrame[] = [];
    for (let i = 0; i < 5; i++) replayed.push(await b.client.next());
    assert.deepEqual(
      replayed.map((f) => (f.type === 'rpc' ? [f.seq, (f.msg as { params: { i: number } }).params.i] : f.type)),
      [[2, 1], [3, 2], [4, 3], [5, 4], [6, 5]],
    );
    const live = await b.client.call('live');
    assert.equal(live.seq, 7);
    assert.deepEqual(b.client.frames, [], 'no duplicates');
    await b.client.close();
  });

  test('a reconnect replays only what comes after `after`', async () => {
    const a = await openSession(port);
    await a.client.call('test/notify', { count: 3 }); // seq 1..4
    await a.client.close();
    const b = await openSession(port, { query: query(a.welcome.sessionId, 3) });
    assert.equal(b.welcome.resumed, true);
    assert.deepEqual(await rpcSeqs(b.client, 1), [4]);
    await sleep(50);
    assert.deepEqual(b.client.frames, []);
    await b.client.close();
  });

  test('the newer socket for a session wins and the older one is closed', async () => {
    const a = await openSession(port);
    await a.client.call('first'); // seq 1
    const b = await openSession(port, { query: query(a.welcome.sessionId, 1) });
    assert.equal(b.welcome.resumed, true);
    assert.equal((await a.client.closed).code, 4001);
    assert.equal((await b.client.call('second')).seq, 2);
    await b.client.close();
  });

  test('welcome.received counts what the bridge read in the session, so a resuming engine knows what was lost', async () => {
    const a = await openSession(port);
    assert.equal(a.welcome.received, 0, 'a new session has read nothing');
    await a.client.call('one');
    a.client.ws.send(JSON.stringify({ type: 'ack', seq: 1 }));
    await a.client.call('two');
    a.client.ws.send('not json'); // refused, but it arrived: it counts
    await a.client.take((f) => f.type === 'error');
    await a.client.close();
    const b = await openSession(port, { query: query(a.welcome.sessionId, 2) });
    assert.equal(b.welcome.resumed, true);
    assert.equal(b.welcome.received, 4);
    await b.client.call('three');
    await b.client.close();
    const c = await openSession(port, { query: query(a.welcome.sessionId, 3) });
    assert.equal(c.welcome.received, 5, 'counting goes on across sockets');
    const fresh = await openSession(port, { query: query('0'.repeat(32), 0) });
    assert.equal(fresh.welcome.received, 0, 'a session that could not resume starts from 0');
    await c.client.close();
    await fresh.client.close();
  });

  test('an unknown session gets a gap, then a fresh session', async () => {
    const c = await openSession(port, { query: query('0'.repeat(32), 5) });
    assert.deepEqual(c.client.arrived.map((f) => f.type), ['gap', 'welcome']);
    assert.deepEqual(c.client.arrived[0], { type: 'gap', reason: 'unknown-session' });
    assert.equal(c.welcome.resumed, false);
    assert.notEqual(c.welcome.sessionId, '0'.repeat(32));
    await c.client.close();
  });

  test('a malformed resume gets a gap too', async () => {
    const raw = await openRaw(port, '?session=not-a-session&after=1');
    assert.deepEqual(raw[0], { type: 'gap', reason: 'unknown-session' });
  });

  test('a session is gone after the grace period: gap expired', async () => {
    const a = await openSession(port);
    await a.client.call('x');
    await a.client.close();
    await sleep(600);
    const raw = await openRaw(port, query(a.welcome.sessionId, 1));
    assert.deepEqual(raw[0], { type: 'gap', reason: 'expired' });
    assert.equal(raw[1]?.type === 'welcome' && raw[1].resumed, false);
  });

  test('a resume from before the buffer start gets a gap (overflow) and a fresh session', async () => {
    const a = await openSession(port);
    await a.client.call('test/notify', { count: 20 }); // 21 frames, the buffer keeps 8
    await a.client.close();
    const raw = await openRaw(port, query(a.welcome.sessionId, 2));
    assert.deepEqual(raw[0], { type: 'gap', reason: 'overflow' });
    assert.ok(raw[1]?.type === 'welcome' && !raw[1].resumed && raw[1].sessionId !== a.welcome.sessionId);
    // The old session is gone for good.
    const again = await openRaw(port, query(a.welcome.sessionId, 21));
    assert.deepEqual(again[0], { type: 'gap', reason: 'expired' });
  });

  test('acked frames are not replayed and cannot be asked for again', async () => {
    const a = await openSession(port);
    await a.client.call('test/notify', { count: 3 }); // seq 1..4
    a.client.ws.send(JSON.stringify({ type: 'ack', seq: 4 }));
    await sleep(30);
    await a.client.close();
    const early = await openRaw(port, query(a.welcome.sessionId, 2));
    assert.deepEqual(early[0], { type: 'gap', reason: 'overflow' });
  });

  test('the grace timer stops while a browser is attached again', async () => {
    const a = await openSession(port);
    await a.client.close();
    await sleep(250);
    const b = await openSession(port, { query: query(a.welcome.sessionId, 0) });
    assert.equal(b.welcome.resumed, true);
    await sleep(400); // longer than the rest of the grace period
    assert.equal((await b.client.call('still-here')).seq, 1);
    await b.client.close();
  });
});

/** Connects, collects every frame of the first 150 ms in arrival order, closes. */
async function openRaw(port: number, q: string): Promise<ServerFrame[]> {
  const { client } = await openSession(port, { query: q });
  await sleep(150);
  await client.close();
  return client.arrived;
}
