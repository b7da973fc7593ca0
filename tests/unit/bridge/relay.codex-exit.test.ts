import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { openSession, startTestBridge, waitGone } from './harness.ts';

suite('relay when codex exits', () => {
  let bridge: RunningBridge;
  let port = 0;

  before(async () => {
    bridge = await startTestBridge({ graceSeconds: 10 });
    port = bridge.port;
  });
  after(() => bridge.stop());

  test('tells every client, restarts codex, says codex-ready, and relays again on fresh upstreams', async () => {
    const a = await openSession(port);
    const b = await openSession(port);
    const oldPid = (await a.client.result('test/pid'))['pid'] as number;
    await a.client.call('test/exit', { code: 7 });
    for (const c of [a.client, b.client]) {
      assert.deepEqual(await c.take((f) => f.type === 'codex-exit'), {
        type: 'codex-exit', code: 7, signal: null, restarting: true,
      });
    }
    // While codex is down (the first restart waits 0.5 s), rpc frames get an explicit error.
    b.client.sendRpc({ id: 1, method: 'too/early' });
    const err = await b.client.take((f) => f.type === 'error');
    assert.equal(err.type === 'error' && err.code, 'OKC_BRIDGE_CODEX_UNAVAILABLE');
    for (const c of [a.client, b.client]) await c.take((f) => f.type === 'codex-ready', 5000);
    const newPid = (await a.client.result('test/pid'))['pid'] as number;
    assert.notEqual(newPid, oldPid);
    assert.ok(await waitGone(oldPid, 1000));
    assert.equal((await b.client.result('after/restart'))['method'], 'after/restart');
    // Both sessions are on the new codex with connections of their own.
    const stats = await a.client.result('test/stats');
    assert.equal(stats['open'], 2);
    await a.client.close();
    await b.client.close();
  });

  test('reports a signal, and a session that was away hears about the exit after its replay', async () => {
    const away = await openSession(port);
    await away.client.call('before'); // seq 1
    await away.client.close();
    const { client, welcome } = await openSession(port);
    assert.equal(welcome.codexReady, true);
    await client.call('test/exit', { signal: 'SIGKILL' });
    assert.deepEqual(await client.take((f) => f.type === 'codex-exit'), {
      type: 'codex-exit', code: null, signal: 'SIGKILL', restarting: true,
    });
    // A brand-new session opened while codex is down learns that right after its welcome.
    const fresh = await openSession(port);
    assert.deepEqual(fresh.client.arrived.map((f) => f.type).slice(0, 2), ['welcome', 'codex-exit']);
    assert.equal(fresh.welcome.codexReady, false, 'its welcome says codex is not ready');
    await client.take((f) => f.type === 'codex-ready', 5000);
    await fresh.client.take((f) => f.type === 'codex-ready', 5000);
    const back = await openSession(port, { query: `?session=${away.welcome.sessionId}&after=0` });
    assert.equal(back.welcome.resumed, true);
    assert.equal(back.welcome.codexReady, true, 'codex is back by now');
    assert.deepEqual(
      back.client.arrived.map((f) => f.type),
      ['welcome', 'rpc', 'codex-exit', 'codex-ready'],
    );
    assert.equal((await back.client.result('after/resume'))['method'], 'after/resume');
    await Promise.all([client.close(), fresh.client.close(), back.client.close()]);
  });
});

suite('codex failing at start', () => {
  test('startBridge rejects with codex\'s stderr and leaves nothing running', async () => {
    await assert.rejects(
      startTestBridge({ env: { ...process.env, MOCK_PEER_FAIL_START: '1' } }),
      (err: Error) => err.name === 'Error' && /exited with code 3/.test(err.message) && /failing at start/.test(err.message),
    );
  });
});
