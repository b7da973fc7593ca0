/**
 * No orphans, with real processes: every way of stopping the bridge ends codex and what codex started
 * (the mock's `test/spawn` starts a `sleep 600` in codex's process group that the mock never stops).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { findSetpriv } from '../../../bridge/src/codex-binary.ts';
import { buildBridge, cleanEnv, startCli, type RunningCli } from './cli-harness.ts';
import { MOCK_PEER, isAlive, openSession, scratchDir, waitGone, type TestClient } from './harness.ts';

const HAS_SETPRIV = findSetpriv(process.env, process.platform) !== null;

/** codex's pid, a grandchild in its process group, and the private socket directory. */
async function codexFamily(client: TestClient): Promise<{ codex: number; grandchild: number; socketDir: string }> {
  const info = await client.result('test/pid');
  const spawned = await client.result('test/spawn');
  const grandchild = spawned['pid'] as number;
  assert.ok(isAlive(grandchild), 'the grandchild runs');
  return { codex: info['pid'] as number, grandchild, socketDir: dirname(info['socket'] as string) };
}

suite('no orphans', () => {
  const state = scratchDir('okc-orphans-state-');
  const stateDir = join(state.dir, 'okcode-bridge');
  const records = (): string[] => (existsSync(stateDir) ? readdirSync(stateDir) : []);
  const running: RunningCli[] = [];
  const start = async (extra: Record<string, string> = {}): Promise<RunningCli> => {
    const bridge = await startCli(['--codex', MOCK_PEER], cleanEnv(state.dir, extra));
    running.push(bridge);
    return bridge;
  };

  before(buildBridge);
  after(async () => {
    for (const b of running) await b.stop();
    state.remove();
  });

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    test(`${signal}: exit 0, codex and its process group gone, socket dir and state record removed`, async () => {
      const bridge = await start();
      const { client } = await openSession(bridge.port, { token: bridge.token });
      const family = await codexFamily(client);
      assert.equal(records().length, 1, 'the running bridge has a state record');
      bridge.child.kill(signal);
      assert.deepEqual(await bridge.exited, { code: 0, signal: null });
      assert.ok(await waitGone(family.codex, 3000), 'codex is gone');
      assert.ok(await waitGone(family.grandchild, 3000), 'the process codex started is gone');
      assert.ok(!existsSync(family.socketDir), 'socket dir removed');
      assert.deepEqual(records(), [], 'state record removed');
      assert.equal(bridge.stdout().split('\n').length, 2, 'exactly one stdout line');
      assert.ok(!bridge.stderr().includes(bridge.token), 'the token is never logged on stderr');
      await client.closed;
    });
  }

  test('SIGKILL: setpriv --pdeathsig stops codex at once; the next start removes the dead socket dir', { skip: !HAS_SETPRIV }, async () => {
    const bridge = await start();
    const { client } = await openSession(bridge.port, { token: bridge.token });
    const info = await client.result('test/pid');
    const socketDir = dirname(info['socket'] as string);
    bridge.child.kill('SIGKILL');
    await bridge.exited;
    assert.ok(await waitGone(info['pid'] as number, 3000), 'codex is gone');
    assert.ok(existsSync(socketDir), 'a killed bridge cannot remove its socket dir');
    assert.equal(records().length, 1, 'nor its state record');
    const next = await start();
    assert.ok(!existsSync(socketDir), 'the next start removed the dead socket dir');
    assert.equal(records().length, 1, 'only the new bridge\'s record is left');
    assert.doesNotMatch(next.stderr(), /stopping codex/, 'there was no codex to stop');
    await next.stop();
    assert.deepEqual(records(), []);
    await client.closed;
  });

  test('SIGKILL without pdeathsig: the next start stops the orphaned codex group and cleans up', async () => {
    const bridge = await start({ OKCODE_NO_PDEATHSIG: '1' });
    const { client } = await openSession(bridge.port, { token: bridge.token });
    const family = await codexFamily(client);
    const bridgePid = bridge.child.pid ?? 0;
    bridge.child.kill('SIGKILL');
    await bridge.exited;
    await client.closed;
    await new Promise((r) => setTimeout(r, 300));
    assert.ok(isAlive(family.codex) && isAlive(family.grandchild), 'without pdeathsig codex outlives a SIGKILLed bridge');
    const next = await start({ OKCODE_NO_PDEATHSIG: '1' });
    assert.match(
      next.stderr(),
      new RegExp(`^okcode-bridge: stopping codex \\(pid ${family.codex}\\) left running by a bridge that was killed \\(pid ${bridgePid}\\)$`, 'm'),
    );
    assert.ok(!isAlive(family.codex), 'the orphaned codex is gone once the next bridge is ready');
    assert.ok(await waitGone(family.grandchild, 1000), 'and so is the process it started');
    assert.ok(!existsSync(family.socketDir), 'its socket dir is removed');
    assert.equal(records().length, 1, 'only the new bridge\'s record is left');
    const { client: fresh } = await openSession(next.port, { token: next.token });
    assert.equal((await fresh.result('still/works'))['method'], 'still/works');
    await next.stop();
    await fresh.closed;
    assert.deepEqual(records(), []);
  });
});
