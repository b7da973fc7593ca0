/**
 * The okcode-bridge command in front of the real codex (pinned @openai/codex, scripted model):
 * stopping the bridge, even with SIGKILL, leaves neither codex nor a command codex is running.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { findSetpriv } from '../../../bridge/src/codex-binary.ts';
import { reapOrphans } from '../../../bridge/src/orphan-reaper.ts';
import { makeCodexEnv, type CodexEnv } from '../../support/codex-env.ts';
import { commandOf, descendantsOf, waitGone as waitAllGone } from '../../support/process-tree.ts';
import { startScriptedModel, type ScriptedModel } from '../../support/scripted-model.ts';
import { REAL_CODEX, buildBridge, cleanEnv, pidsWithCodexHome, startCli } from './cli-harness.ts';
import { CLIENT_INFO, codexMethod, handshake, startThread, startTurn } from './codex-session.ts';
import { openSession, scratchDir, type TestClient } from './harness.ts';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Starts a turn running `sleep 600` (approved) and resolves once that command runs under `rootPid`. */
async function startLongCommand(client: TestClient, workDir: string, rootPid: number): Promise<number> {
  await handshake(client);
  const threadId = await startThread(client, { cwd: workDir, approvalPolicy: 'untrusted', sandbox: 'workspace-write' });
  await startTurn(client, threadId, '[cmd:sleep 600]');
  const ask = await client.take(codexMethod('item/commandExecution/requestApproval', threadId), 15_000);
  assert.ok(ask.type === 'rpc');
  client.sendRpc({ id: ask.msg['id'], result: { decision: 'accept' } });
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const cmd = descendantsOf(rootPid).find((p) => commandOf(p) === 'sleep 600');
    if (cmd !== undefined) return cmd;
    await sleep(50);
  }
  throw new Error('the approved command never started');
}

suite('okcode-bridge with the real codex', { skip: process.platform !== 'linux' || !existsSync(REAL_CODEX) }, () => {
  const state = scratchDir('okc-real-state-');
  let model: ScriptedModel;
  let env: CodexEnv;

  before(async () => {
    buildBridge();
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'bridge-cli' });
  });
  after(async () => {
    await model.close();
    env.cleanup();
    state.remove();
  });

  test('SIGTERM leaves no codex process behind', async () => {
    const bridge = await startCli(['--codex', REAL_CODEX], cleanEnv(state.dir, {}, env.env), env.workDir);
    const codexPids = pidsWithCodexHome(env.codexHome);
    assert.ok(codexPids.length >= 1, 'codex runs with our CODEX_HOME');
    const { client, welcome } = await openSession(bridge.port, { token: bridge.token });
    assert.equal(welcome.codexVersion, '0.169.0');
    await client.result('initialize', CLIENT_INFO);
    assert.ok(Array.isArray((await client.result('thread/loaded/list', {}))['data']));
    bridge.child.kill('SIGTERM');
    assert.deepEqual(await bridge.exited, { code: 0, signal: null });
    assert.deepEqual(await waitAllGone(codexPids, 3000), [], 'every codex process is gone');
    assert.deepEqual(pidsWithCodexHome(env.codexHome), []);
    await client.closed;
  });

  test('SIGKILL mid-command: codex and the command it runs are gone within seconds (pdeathsig)', {
    skip: findSetpriv(process.env, process.platform) === null,
  }, async () => {
    const bridge = await startCli(['--codex', REAL_CODEX], cleanEnv(state.dir, {}, env.env), env.workDir);
    const { client } = await openSession(bridge.port, { token: bridge.token });
    const command = await startLongCommand(client, env.workDir, bridge.child.pid ?? 0);
    const family = [...descendantsOf(bridge.child.pid ?? 0)];
    assert.ok(family.includes(command));
    bridge.child.kill('SIGKILL');
    await bridge.exited;
    // why: codex ends a turn gracefully on SIGTERM (about 3 s with a command running); 8 s is "not for long".
    const left = await waitAllGone(family, 8000);
    assert.deepEqual(left.map((p) => `${p} ${commandOf(p)}`), [], 'nothing of codex is left');
    await client.closed;
    // What the next start does: nothing left to stop, only the dead bridge's socket dir to remove.
    const report = await reapOrphans(join(state.dir, 'okcode-bridge'), { log: () => undefined });
    assert.equal(report.stopped.length, 0);
    assert.equal(report.removedDirs.length, 1);
  });
});
