/**
 * The real codex (pinned @openai/codex, scripted model) SIGKILLed in the middle of a streaming turn:
 * every browser hears `codex-exit`, codex comes back with `codex-ready`, the interrupted thread resumes
 * and new sessions work.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, suite, test } from 'node:test';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { makeCodexEnv, type CodexEnv } from '../../support/codex-env.ts';
import { commandOf, descendantsOf, waitGone } from '../../support/process-tree.ts';
import { startScriptedModel, type ScriptedModel } from '../../support/scripted-model.ts';
import { REAL_CODEX } from './cli-harness.ts';
import { codexMethod, handshake, startThread, startTurn } from './codex-session.ts';
import { openSession, startTestBridge } from './harness.ts';

/** The codex processes under the supervisor's group leader that run `app-server` natively (not the npm wrapper). */
function nativeCodexPids(leader: number): number[] {
  return [leader, ...descendantsOf(leader)].filter((p) => {
    const cmd = commandOf(p);
    return cmd.includes('app-server') && !cmd.startsWith('node ');
  });
}

suite('real codex killed mid-turn', { skip: process.platform !== 'linux' || !existsSync(REAL_CODEX) }, () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'bridge-kill' });
    bridge = await startTestBridge({ codexPath: REAL_CODEX, env: env.env, cwd: env.workDir, graceSeconds: 30 });
  });
  after(async () => {
    await bridge.stop();
    await model.close();
    env.cleanup();
  });

  test('codex-exit to every browser, restart, codex-ready, the thread resumes and a new session works', async () => {
    const { client } = await openSession(bridge.port);
    const watcher = await openSession(bridge.port);
    await handshake(client);
    const threadId = await startThread(client, { cwd: env.workDir });
    await startTurn(client, threadId, '[slow:300] a long answer, please');
    await client.take(codexMethod('item/agentMessage/delta', threadId), 15_000);

    const leader = bridge.supervisor.pid ?? 0;
    const natives = nativeCodexPids(leader);
    // why: codex sometimes runs a helper process of its own next to the app server; kill them all.
    assert.ok(natives.length >= 1, `a native codex runs under ${leader}`);
    for (const pid of natives) process.kill(pid, 'SIGKILL');

    const exit = { type: 'codex-exit', code: null, signal: 'SIGKILL', restarting: true };
    assert.deepEqual(await client.take((f) => f.type === 'codex-exit', 5000), exit);
    assert.deepEqual(await watcher.client.take((f) => f.type === 'codex-exit', 5000), exit);
    assert.ok(!client.frames.some(codexMethod('turn/completed')), 'the turn never completed');
    await client.take((f) => f.type === 'codex-ready', 10_000);
    await watcher.client.take((f) => f.type === 'codex-ready', 10_000);
    assert.deepEqual(await waitGone([leader, ...natives], 3000), [], 'the old codex is gone');
    assert.notEqual(bridge.supervisor.pid, leader, 'a new codex runs');

    // The same session, on a fresh codex connection: initialize again, resume the thread, run a turn.
    await handshake(client);
    const resumed = await client.result('thread/resume', { threadId });
    assert.equal((resumed['thread'] as { id: string }).id, threadId);
    await startTurn(client, threadId, 'and now a short one');
    await client.take(codexMethod('turn/completed', threadId), 20_000);

    // A brand-new session works too.
    const fresh = await openSession(bridge.port);
    assert.equal(fresh.welcome.resumed, false);
    await handshake(fresh.client);
    const loaded = await fresh.client.result('thread/loaded/list', {});
    assert.ok(Array.isArray(loaded['data']));
    await Promise.all([client.close(), watcher.client.close(), fresh.client.close()]);
  });
});
