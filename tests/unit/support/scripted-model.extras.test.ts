// The remaining default-script markers, custom scripts, sandboxed exec and process cleanup, against
// the REAL codex app-server.
import assert from 'node:assert/strict';
import { afterEach, suite, test } from 'node:test';
import { isNotification, isServerRequest, itemOf, type Frame } from '../../support/codex-frames.ts';
import { startCodexHarness, type CodexHarness, type CodexHarnessOptions } from '../../support/codex-harness.ts';
import { framesSince, startThread, startTurn, waitForTurnCompleted } from '../../support/codex-turns.ts';
import { PLAN_DONE_TEXT, REASONING_SUMMARY } from '../../support/default-script.ts';
import { commandOf, descendantsOf, isAlive } from '../../support/process-tree.ts';
import { execCommand, message, response } from '../../support/script-builders.ts';
import { httpError } from '../../support/script-step.ts';

let h: CodexHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function runTurn(text: string, opts: CodexHarnessOptions = {}): Promise<{ frames: Frame[]; status: string }> {
  h = await startCodexHarness(opts);
  const { thread } = await startThread(h.client, { cwd: h.env.workDir, sandbox: 'workspace-write' });
  const turn = await startTurn(h.client, thread.id, text);
  const done = await waitForTurnCompleted(h.client, turn);
  return { frames: framesSince(h.client, turn), status: done.params.turn.status };
}

function agentTexts(frames: readonly Frame[]): string[] {
  return frames.flatMap((f) => {
    const item = itemOf(f, 'item/completed', 'agentMessage');
    return item === null ? [] : [item.text];
  });
}

suite('scripted model extras with the real codex', () => {
  test('runs an unescalated command inside the sandbox without asking', async () => {
    const script = (r: { step: number }) =>
      r.step === 0 ? response(execCommand('echo sandboxed-$((40+2)); pwd')) : response(message('ok'));
    const { frames, status } = await runTurn('go', { model: { script } });
    assert.ok(!frames.some((f) => isServerRequest(f, 'item/commandExecution/requestApproval')));
    const cmd = frames.map((f) => itemOf(f, 'item/completed', 'commandExecution')).find((i) => i !== null);
    assert.equal(cmd?.status, 'completed', 'a commandExecution item completed (sandbox helper found)');
    assert.equal(cmd.exitCode, 0);
    assert.match(cmd.aggregatedOutput ?? '', /sandboxed-42/);
    assert.equal(status, 'completed');
  });

  test('turns [plan] into turn/plan/updated', async () => {
    const { frames, status } = await runTurn('[plan]');
    const plan = frames.find((f) => isNotification(f, 'turn/plan/updated'));
    assert.ok(plan !== undefined && isNotification(plan, 'turn/plan/updated'));
    assert.deepEqual(
      plan.params.plan.map((p) => p.status),
      ['completed', 'inProgress', 'pending'],
    );
    assert.deepEqual(agentTexts(frames), [PLAN_DONE_TEXT]);
    assert.equal(status, 'completed');
  });

  test('streams [reason] as a reasoning item before the reply', async () => {
    const { frames } = await runTurn('[reason] why?');
    const reasoning = frames.map((f) => itemOf(f, 'item/completed', 'reasoning')).find((i) => i !== null);
    assert.deepEqual(reasoning?.summary, [REASONING_SUMMARY]);
    assert.ok(frames.some((f) => isNotification(f, 'item/reasoning/summaryTextDelta')));
    assert.match(agentTexts(frames)[0] ?? '', /\*\*Echo:\*\* why\?/);
  });

  test('asks [ask] as requestUserInput and passes the answer to the model', async () => {
    h = await startCodexHarness();
    const { client, env } = h;
    const { thread } = await startThread(client, { cwd: env.workDir });
    const turn = await startTurn(client, thread.id, '[ask]');
    const req = await client.waitFor((f) => isServerRequest(f, 'item/tool/requestUserInput'), 15_000, turn.from);
    assert.ok(isServerRequest(req, 'item/tool/requestUserInput'));
    assert.equal(req.params.questions[0]?.id, 'color');
    client.respond(req.id, { answers: { color: { answers: ['Blue'] } } });
    await waitForTurnCompleted(client, turn);
    assert.match(agentTexts(framesSince(client, turn))[0] ?? '', /You answered: .*Blue/);
  });

  test('spaces [slow:<ms>] deltas by about that many ms', async () => {
    const { frames } = await runTurn('[slow:60] take your time');
    const at = frames.filter((f) => isNotification(f, 'item/agentMessage/delta')).map((f) => Number(f['emittedAtMs']));
    assert.equal(at.length, 10);
    const spread = (at[at.length - 1] ?? 0) - (at[0] ?? 0);
    assert.ok(spread >= 9 * 60 * 0.8, `deltas spread over ${spread} ms`);
  });

  test('maps an HTTP 500 from the model to a failed turn', async () => {
    const { frames, status } = await runTurn('hi', { model: { script: () => httpError(500, 'scripted outage') } });
    assert.ok(frames.some((f) => isNotification(f, 'error')));
    assert.equal(status, 'failed');
  });

  test('close() leaves no process behind', async () => {
    h = await startCodexHarness();
    const { pid } = h.client;
    assert.ok(descendantsOf(pid).length > 0, 'the launcher has the native codex as a child');
    const tree = [pid, ...descendantsOf(pid)];
    await h.client.close();
    const left = tree.filter(isAlive).map((p) => `${p} ${commandOf(p)}`);
    assert.deepEqual(left, []);
    assert.notEqual(h.client.exitCode, null);
  });
});
