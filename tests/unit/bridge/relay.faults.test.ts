/**
 * Faults of codex itself, played by the mock: it dies right after every start, writes garbage, never
 * answers, stops reading. The bridge never crashes, says what happened, and keeps serving.
 */
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { openSession, scratchDir, startTestBridge } from './harness.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

suite('codex that dies right after it starts', () => {
  test('each death is reported, the bridge keeps serving, and codex comes back once it stays up', async () => {
    const scratch = scratchDir('okc-crashloop-');
    const countFile = join(scratch.dir, 'deaths');
    writeFileSync(countFile, '0');
    const bridge = await startTestBridge({ env: { ...process.env, MOCK_PEER_DIE_COUNT_FILE: countFile } });
    try {
      const { client } = await openSession(bridge.port);
      // why: the deaths are armed only once the browser is connected, so it hears every one of them.
      writeFileSync(countFile, '1');
      await client.call('test/exit', { code: 7 });
      // The restart after 0.5 s dies 50 ms after listening; the next one (1 s later) stays up.
      // why: generous timeouts; a loaded machine can take seconds to start the mock.
      const exits = [];
      for (let i = 0; i < 2; i++) exits.push(await client.take((f) => f.type === 'codex-exit', 15_000));
      assert.deepEqual(exits.map((e) => e.type === 'codex-exit' && e.code), [7, 9]);
      assert.equal(readFileSync(countFile, 'utf8'), '0', 'the restart died');
      const page = await fetch(`http://127.0.0.1:${bridge.port}/`);
      assert.equal(page.status, 503, 'HTTP still answers meanwhile (no PWA built in this test)');
      for (let i = 0; i < 2; i++) await client.take((f) => f.type === 'codex-ready', 15_000);
      assert.equal((await client.result('alive/again'))['method'], 'alive/again');
      await client.close();
    } finally {
      await bridge.stop();
      scratch.remove();
    }
  });
});

suite('codex misbehaving on a connection', () => {
  let bridge: RunningBridge;
  before(async () => {
    bridge = await startTestBridge({}, { maxUpstreamBufferedBytes: 1024 * 1024 });
  });
  after(() => bridge.stop());

  test('garbage from codex becomes an error frame, takes no sequence number, and the stream goes on', async () => {
    const { client } = await openSession(bridge.port);
    const first = await client.call('before');
    const garbage = ['not json', '{"id":', '[1,2]', '"text"', 'null', '', '   ', '{"a":1} {"b":2}', '}{'];
    const reply = await client.call('test/garbage', { frames: garbage });
    const errors = [];
    for (let i = 0; i < garbage.length; i++) errors.push(await client.take((f) => f.type === 'error'));
    assert.deepEqual(client.frames, [], 'one error per garbage frame, nothing else');
    for (const e of errors) assert.equal(e.type === 'error' && e.code, 'OKC_BRIDGE_CODEX_FRAME_INVALID');
    assert.match(JSON.stringify(errors[0]), /not a JSON object \(8 bytes, starting \\"not json\\"\)/);
    assert.equal(reply.seq, first.seq + 1, 'garbage is not numbered, so a resume never asks for it');
    await client.call('test/garbage', { frames: ['\u0000\u0001binary'], binary: true });
    const binary = await client.take((f) => f.type === 'error');
    assert.match(binary.type === 'error' ? binary.message : '', /a binary frame \(8 bytes/);
    assert.equal((await client.call('after')).seq, first.seq + 3);
    await client.close();
  });

  test('a request codex never answers just pends; everything else keeps moving', async () => {
    const a = await openSession(bridge.port);
    const b = await openSession(bridge.port);
    a.client.sendRpc({ id: 1, method: 'test/hang' });
    assert.equal((await a.client.result('same/session'))['method'], 'same/session');
    assert.equal((await b.client.result('other/session'))['method'], 'other/session');
    assert.equal((await fetch(`http://127.0.0.1:${bridge.port}/`)).status, 503);
    await sleep(200);
    assert.ok(!a.client.arrived.some((f) => f.type === 'rpc' && f.msg['id'] === 1), 'no reply was invented');
    await Promise.all([a.client.close(), b.client.close()]);
  });

  test('a codex that stops reading: rpc frames beyond the cap are refused, other sessions unaffected', async () => {
    const stuck = await openSession(bridge.port);
    await stuck.client.call('test/stall');
    const pad = 'z'.repeat(512 * 1024);
    for (let i = 0; i < 12; i++) stuck.client.sendRpc({ id: 100 + i, method: 'into/the/void', params: { pad } });
    const refused = await stuck.client.take((f) => f.type === 'error', 5000);
    assert.ok(refused.type === 'error');
    assert.equal(refused.code, 'OKC_BRIDGE_CODEX_UNAVAILABLE');
    assert.match(refused.message, /bytes unread; the rpc message was not delivered/);
    const other = await openSession(bridge.port);
    assert.equal((await other.client.result('unaffected'))['method'], 'unaffected');
    await Promise.all([stuck.client.close(), other.client.close()]);
  });
});
