/**
 * Requests across a dropped socket: the bridge's `welcome.received` on resume says which of the
 * engine's frames arrived. Requests sent beyond it fail as not delivered (safe to send again); the
 * others keep waiting for the answer the bridge replays.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { CodexRpc, NotDeliveredError, RpcError } from '../../../web/src/engine/rpc.ts';

function rpcWithWire() {
  const sent: Array<{ frame: number; msg: { id?: number; method?: string } }> = [];
  let frames = 0;
  let open = true;
  const rpc = new CodexRpc((msg) => {
    if (!open) return null;
    sent.push({ frame: ++frames, msg: msg as { id?: number } });
    return frames;
  });
  return {
    rpc,
    sent,
    close: () => (open = false),
    idOf: (method: string) => sent.find((s) => s.msg.method === method)?.msg.id ?? -1,
  };
}

const settled = <T>(p: Promise<T>) => p.then((v) => ({ ok: true as const, v }), (e: unknown) => ({ ok: false as const, e }));

suite('CodexRpc across a resumed bridge session', () => {
  test('a request beyond `received` fails as not delivered; one within it still gets its answer', async () => {
    const w = rpcWithWire();
    const arrived = settled(w.rpc.request('thread/list', {}));
    const lost = settled(w.rpc.request('thread/read', { threadId: 't', includeTurns: false }));
    await Promise.resolve();
    assert.deepEqual(w.sent.map((s) => s.frame), [1, 2]);
    w.rpc.failUndelivered(1);
    const l = await lost;
    assert.equal(l.ok, false);
    assert.ok(!l.ok && l.e instanceof NotDeliveredError, 'the lost request says it was not delivered');
    assert.ok(!l.ok && l.e instanceof RpcError && l.e.code === null);
    w.rpc.receiveResponse({ id: w.idOf('thread/list'), result: { data: [], nextCursor: null } });
    const a = await arrived;
    assert.ok(a.ok, 'the request the bridge got is answered');
    assert.deepEqual(a.ok && a.v, { data: [], nextCursor: null });
  });

  test('an answered request is forgotten: a later resume does not fail it', async () => {
    const w = rpcWithWire();
    const first = w.rpc.request('thread/list', {});
    await Promise.resolve();
    w.rpc.receiveResponse({ id: w.idOf('thread/list'), result: { data: [], nextCursor: null } });
    await first;
    const second = settled(w.rpc.request('thread/read', { threadId: 't', includeTurns: false }));
    await Promise.resolve();
    w.rpc.failUndelivered(2);
    w.rpc.receiveResponse({ id: w.idOf('thread/read'), result: { thread: { id: 't' } } });
    assert.ok((await second).ok, 'frame 2 arrived, so the request waited for its answer');
  });

  test('rejectAll fails every waiting request; a closed socket fails a request at once', async () => {
    const w = rpcWithWire();
    const waiting = settled(w.rpc.request('thread/list', {}));
    await Promise.resolve();
    w.rpc.rejectAll('codex exited');
    const r = await waiting;
    assert.ok(!r.ok && !(r.e instanceof NotDeliveredError), 'a lost codex connection is not "not delivered"');
    w.close();
    const refused = await settled(w.rpc.request('thread/list', {}));
    assert.ok(!refused.ok && refused.e instanceof RpcError && !(refused.e instanceof NotDeliveredError), 'not sent: an error, at once');
  });

  test("an engine's ids are its own: an answer to another engine's request is not taken for one of its own", async () => {
    const old = rpcWithWire();
    const now = rpcWithWire();
    void old.rpc.request('thread/list', {}).catch(() => undefined);
    const mine = settled(now.rpc.request('thread/list', {}));
    await Promise.resolve();
    assert.notEqual(old.idOf('thread/list'), now.idOf('thread/list'), 'a reloaded engine does not reuse its predecessor\'s ids');
    assert.equal(now.rpc.receiveResponse({ id: old.idOf('thread/list'), result: { data: ['stale'], nextCursor: null } }), false, 'a stray answer');
    assert.equal(now.rpc.receiveResponse({ id: now.idOf('thread/list'), result: { data: [], nextCursor: null } }), true);
    const r = await mine;
    assert.ok(r.ok);
    assert.deepEqual(r.ok && r.v, { data: [], nextCursor: null });
  });

  test('onSent reports the frame that carried a request with a reserved id', async () => {
    const w = rpcWithWire();
    void w.rpc.request('thread/list', {}).catch(() => undefined);
    const id = w.rpc.reserveId();
    let seen: { id: number; frame: number } | null = null;
    void w.rpc.request('thread/read', { threadId: 't', includeTurns: false }, { id, onSent: (s) => (seen = s) }).catch(() => undefined);
    await Promise.resolve();
    assert.deepEqual(seen, { id, frame: 2 });
    assert.equal(w.idOf('thread/read'), id);
  });
});
