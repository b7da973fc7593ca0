/**
 * Streams and the browser socket: a browser that stops reading a flood is dropped instead of
 * buffered without bound, a socket dropped mid-stream resumes with nothing lost and nothing twice, and
 * a session past its grace period is gone, with its codex connection.
 */
import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import type { ServerFrame } from '../../../protocol/bridge-frames.ts';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { openSession, startTestBridge, type TestClient } from './harness.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

type Rpc = Extract<ServerFrame, { type: 'rpc' }>;

/** The rpc frames `client` received so far, in arrival order. */
function rpcs(client: TestClient): Rpc[] {
  return client.arrived.filter((f): f is Rpc => f.type === 'rpc');
}

/** Waits until `client` has received an rpc frame with seq ≥ `seq`. */
async function untilSeq(client: TestClient, seq: number, timeoutMs = 15_000): Promise<void> {
  await client.take((f) => f.type === 'rpc' && f.seq >= seq, timeoutMs);
}

/** Asserts that the notes `test/note` i = 1…count each arrived exactly once across `frames`, in order. */
function assertEveryNoteOnce(frames: readonly Rpc[], count: number): void {
  const seen = frames.filter((f) => f.msg['method'] === 'test/note').map((f) => (f.msg['params'] as { i: number }).i);
  assert.equal(seen.length, count, 'nothing lost, nothing twice');
  assert.deepEqual(seen, Array.from({ length: count }, (_, k) => k + 1));
}

/** Asserts that `frames` have consecutive sequence numbers starting at `from`. */
function assertConsecutive(frames: readonly Rpc[], from: number): void {
  frames.forEach((f, k) => assert.equal(f.seq, from + k, `seq ${f.seq} at position ${k}`));
}

/**
 * Resumes `sessionId` after `last` as the engine does, again after each drop (a resumed browser that is
 * still slow is dropped again), until the frame `finalSeq` arrived. Returns the frames received, which
 * must continue each other with no gap and no repeat.
 */
async function resumeUntil(port: number, sessionId: string, last: number, finalSeq: number): Promise<Rpc[]> {
  const out: Rpc[] = [];
  for (let attempt = 0; attempt < 20 && last < finalSeq; attempt++) {
    const { client, welcome } = await openSession(port, { query: `?session=${sessionId}&after=${last}` });
    assert.equal(welcome.resumed, true, 'the session was resumed, not reset');
    const done = client.take((f) => f.type === 'rpc' && f.seq >= finalSeq, 15_000).then(() => true, () => false);
    const closed = client.closed.then(() => false);
    if (await Promise.race([done, closed])) await client.close();
    const got = rpcs(client);
    assertConsecutive(got, last + 1);
    out.push(...got);
    last = got.at(-1)?.seq ?? last;
  }
  assert.equal(last, finalSeq, 'everything arrived');
  return out;
}

suite('floods and dropped sockets', () => {
  const CAP = 1024 * 1024;
  let bridge: RunningBridge;
  before(async () => {
    bridge = await startTestBridge({ graceSeconds: 60 }, { maxClientBufferedBytes: CAP });
  });
  after(() => bridge.stop());

  test('a browser that stops reading a flood is dropped at the cap, then resumes without loss', async () => {
    const COUNT = 4000; // 4000 × 4 KB = 16 MB: far beyond the cap, within the 32 MiB replay buffer
    const slow = await openSession(bridge.port);
    slow.client.sendRpc({ id: 1, method: 'test/notify', params: { count: COUNT, size: 4000 } });
    slow.client.ws.pause(); // stops reading: the kernel buffers fill, then the bridge's send queue grows
    const deadline = Date.now() + 15_000;
    while (bridge.relay.clientCount > 0 && Date.now() < deadline) await sleep(20);
    assert.equal(bridge.relay.clientCount, 0, 'the bridge dropped the browser that stopped reading');
    const other = await openSession(bridge.port);
    assert.equal((await other.client.result('meanwhile'))['method'], 'meanwhile', 'other sessions are served');
    await other.client.close();
    slow.client.ws.resume();
    assert.equal((await slow.client.closed).code, 1006);
    const got = rpcs(slow.client);
    assert.ok(got.length < COUNT, `the dropped browser got only part of the flood (${got.length})`);
    assertConsecutive(got, 1);
    const rest = await resumeUntil(bridge.port, slow.welcome.sessionId, got.at(-1)?.seq ?? 0, COUNT + 1);
    assertEveryNoteOnce([...got, ...rest], COUNT);
  });

  test('a socket dropped mid-stream resumes with exactly the rest, in order', async () => {
    const COUNT = 3000;
    const a = await openSession(bridge.port);
    a.client.sendRpc({ id: 2, method: 'test/notify', params: { count: COUNT, size: 100 } });
    await untilSeq(a.client, 500);
    a.client.ws.terminate(); // no close handshake, like a laptop going to sleep
    await a.client.closed;
    const got = rpcs(a.client);
    const last = got.at(-1)?.seq ?? 0;
    assert.ok(last >= 500 && last < COUNT, `dropped mid-stream at ${last}`);
    const b = await openSession(bridge.port, { query: `?session=${a.welcome.sessionId}&after=${last}` });
    assert.equal(b.welcome.resumed, true);
    await untilSeq(b.client, COUNT + 1);
    assertConsecutive(rpcs(b.client), last + 1);
    assertEveryNoteOnce([...got, ...rpcs(b.client)], COUNT);
    await sleep(50);
    assert.equal(rpcs(b.client).length, COUNT + 1 - last, 'no extra frames');
    await b.client.close();
  });
});

suite('grace period', () => {
  let bridge: RunningBridge;
  before(async () => {
    bridge = await startTestBridge({ graceSeconds: 1 });
  });
  after(() => bridge.stop());

  test('grace period: codex connection kept while away, closed after; a late resume gets gap expired', async () => {
    const a = await openSession(bridge.port);
    await a.client.call('hello');
    await a.client.close();
    const awayAt = Date.now();
    const watcher = await openSession(bridge.port);
    const open = async (): Promise<unknown> => (await watcher.client.result('test/stats'))['open'];
    assert.equal(await open(), 2, 'the away session still has its codex connection');
    while ((await open()) !== 1 && Date.now() - awayAt < 10_000) await sleep(50);
    assert.equal(await open(), 1, 'closed when the grace period ended');
    assert.ok(Date.now() - awayAt >= 950, 'not before the 1 s grace period');
    const late = await openSession(bridge.port, { query: `?session=${a.welcome.sessionId}&after=1` });
    assert.deepEqual(late.client.arrived[0], { type: 'gap', reason: 'expired' });
    assert.equal(late.welcome.resumed, false);
    await Promise.all([watcher.client.close(), late.client.close()]);
  });
});
