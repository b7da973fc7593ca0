/**
 * One codex, two browsers (two bridge sessions, as two devices or a browser and the installed app):
 * both see the live events of a thread, both get its approval request, the first answer wins and both
 * see it resolved. The fan-out is codex's own (ADR 0001); this proves it survives the relay.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, suite, test } from 'node:test';
import type { ServerFrame } from '../../../protocol/bridge-frames.ts';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { makeCodexEnv, type CodexEnv } from '../../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../../support/scripted-model.ts';
import { REAL_CODEX } from './cli-harness.ts';
import { codexMethod, handshake, startThread, startTurn } from './codex-session.ts';
import { openSession, startTestBridge } from './harness.ts';

type Rpc = Extract<ServerFrame, { type: 'rpc' }>;

suite('two browser sessions on one codex', { skip: !existsSync(REAL_CODEX) }, () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'bridge-shared' });
    bridge = await startTestBridge({ codexPath: REAL_CODEX, env: env.env, cwd: env.workDir });
  });
  after(async () => {
    await bridge.stop();
    await model.close();
    env.cleanup();
  });

  test('both see the turn live and the approval; the first answer wins; both see it resolved', async () => {
    const a = (await openSession(bridge.port)).client;
    const b = (await openSession(bridge.port)).client;
    await handshake(a);
    await handshake(b);
    const threadId = await startThread(a, { cwd: env.workDir, approvalPolicy: 'untrusted', sandbox: 'workspace-write' });
    await startTurn(a, threadId, '[cmd:echo shared-okc]');
    const askA = (await a.take(codexMethod('item/commandExecution/requestApproval', threadId), 15_000)) as Rpc;
    // b subscribes to the running thread (a thread has no rollout to resume before its first turn);
    // codex sends it the pending request too.
    await b.result('thread/resume', { threadId });
    const askB = (await b.take(codexMethod('item/commandExecution/requestApproval', threadId), 15_000)) as Rpc;
    assert.equal(askA.msg['id'], askB.msg['id'], 'the same request, with the same id, reaches both');
    b.sendRpc({ id: askB.msg['id'], result: { decision: 'accept' } }); // b answers first…
    await b.take(codexMethod('serverRequest/resolved', threadId), 10_000);
    a.sendRpc({ id: askA.msg['id'], result: { decision: 'decline' } }); // …a's late answer changes nothing

    for (const c of [a, b]) {
      await c.take(codexMethod('turn/completed', threadId), 20_000);
      assert.ok(c.arrived.some(codexMethod('serverRequest/resolved', threadId)), 'saw the request resolved');
      const done = c.arrived
        .filter(codexMethod('item/completed', threadId))
        .map((f) => (f as Rpc).msg['params'] as { item: { type: string; aggregatedOutput?: string; status?: string } });
      const command = done.find((p) => p.item.type === 'commandExecution');
      assert.ok(command !== undefined, 'both saw the command item complete');
      assert.equal(command.item.status, 'completed', 'the accept won: the command ran');
      assert.match(command.item.aggregatedOutput ?? '', /shared-okc/);
    }
    const deltasA = a.arrived.filter(codexMethod('item/agentMessage/delta', threadId)).length;
    const deltasB = b.arrived.filter(codexMethod('item/agentMessage/delta', threadId)).length;
    assert.ok(deltasA > 0 && deltasA === deltasB, `both saw every streamed delta (${deltasA}, ${deltasB})`);
    await Promise.all([a.close(), b.close()]);
  });
});
