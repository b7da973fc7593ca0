// Drives the REAL codex app-server (pinned @openai/codex) against the scripted model, through the
// default script's markers: the behaviours every end-to-end test relies on.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, suite, test } from 'node:test';
import { isNotification, isServerRequest, itemOf, methodsOf, type Frame } from '../../support/codex-frames.ts';
import { startCodexHarness, type CodexHarness } from '../../support/codex-harness.ts';
import { framesSince, startThread, startTurn, waitForTurnCompleted } from '../../support/codex-turns.ts';
import { CMD_DONE_TEXT, CMD_JUSTIFICATION, PATCH_FILE, PATCH_FILE_LINE } from '../../support/default-script.ts';

let h: CodexHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function harness(): Promise<CodexHarness> {
  h = await startCodexHarness();
  return h;
}

function agentTexts(frames: readonly Frame[]): string[] {
  return frames.flatMap((f) => {
    const item = itemOf(f, 'item/completed', 'agentMessage');
    return item === null ? [] : [item.text];
  });
}

suite('scripted model with the real codex', () => {
  test('streams a markdown echo of a plain prompt', async () => {
    const { client, env, model } = await harness();
    const { thread } = await startThread(client, { cwd: env.workDir });
    const turn = await startTurn(client, thread.id, 'tell me about otters please');
    const done = await waitForTurnCompleted(client, turn);
    const frames = framesSince(client, turn);

    const user = frames.map((f) => itemOf(f, 'item/completed', 'userMessage')).find((i) => i !== null);
    assert.deepEqual(user?.content, [{ type: 'text', text: 'tell me about otters please', text_elements: [] }]);
    const deltas = frames.filter((f) => isNotification(f, 'item/agentMessage/delta'));
    assert.ok(deltas.length >= 2, `expected ≥2 deltas, got ${deltas.length}`);
    const [text] = agentTexts(frames);
    assert.ok(text !== undefined && text.includes('**Echo:** tell me about otters please'), text);
    assert.ok(text.includes('```ts'), 'has a fenced code block');
    const joined = deltas.map((f) => (isNotification(f, 'item/agentMessage/delta') ? f.params.delta : '')).join('');
    assert.equal(joined, text);
    assert.equal(done.params.turn.status, 'completed');
    assert.equal(model.requests.length, 1);
    assert.equal(model.requests[0]?.lastUserText, 'tell me about otters please');
    assert.equal(model.requests[0]?.threadId, thread.id);
    assert.deepEqual(model.otherRequests, [], 'codex called nothing but /v1/responses');
  });

  test('asks approval for [cmd:…] under untrusted and runs it when accepted', async () => {
    const { client, env, model } = await harness();
    const { thread } = await startThread(client, { cwd: env.workDir, approvalPolicy: 'untrusted', sandbox: 'workspace-write' });
    const turn = await startTurn(client, thread.id, '[cmd:echo hello-okc]');
    const req = await client.waitFor((f) => isServerRequest(f, 'item/commandExecution/requestApproval'), 15_000, turn.from);
    assert.ok(isServerRequest(req, 'item/commandExecution/requestApproval'));
    assert.equal(req.params.reason, CMD_JUSTIFICATION);
    client.respond(req.id, { decision: 'accept' });
    const done = await waitForTurnCompleted(client, turn);
    const frames = framesSince(client, turn);

    const cmd = frames.map((f) => itemOf(f, 'item/completed', 'commandExecution')).find((i) => i !== null);
    assert.equal(cmd?.id, req.params.itemId);
    assert.equal(cmd.status, 'completed');
    assert.equal(cmd.exitCode, 0);
    assert.match(cmd.aggregatedOutput ?? '', /hello-okc/);
    assert.deepEqual(agentTexts(frames), [CMD_DONE_TEXT]);
    assert.equal(done.params.turn.status, 'completed');
    assert.equal(model.requests[1]?.step, 1);
    assert.match(model.requests[1]?.toolOutputs[0] ?? '', /hello-okc/);
  });

  test('marks a declined [cmd:…] declined and lets the turn continue', async () => {
    const { client, env, model } = await harness();
    // on-request: the approval comes from the escalation request alone.
    const { thread } = await startThread(client, { cwd: env.workDir, approvalPolicy: 'on-request' });
    const turn = await startTurn(client, thread.id, '[cmd:echo should-not-run]');
    const req = await client.waitFor((f) => isServerRequest(f, 'item/commandExecution/requestApproval'), 15_000, turn.from);
    assert.ok(isServerRequest(req, 'item/commandExecution/requestApproval'));
    client.respond(req.id, { decision: 'decline' });
    const done = await waitForTurnCompleted(client, turn);
    const frames = framesSince(client, turn);

    const cmd = frames.map((f) => itemOf(f, 'item/completed', 'commandExecution')).find((i) => i !== null);
    assert.equal(cmd?.status, 'declined');
    assert.equal(cmd.aggregatedOutput, null);
    assert.ok(frames.some((f) => isNotification(f, 'serverRequest/resolved') && f.params.requestId === req.id));
    assert.deepEqual(agentTexts(frames), [CMD_DONE_TEXT]);
    assert.equal(done.params.turn.status, 'completed');
    assert.match(model.requests[1]?.toolOutputs[0] ?? '', /rejected by user/);
  });

  test('reports [fail] as an error and a failed turn, and the thread recovers', async () => {
    const { client, env } = await harness();
    const { thread } = await startThread(client, { cwd: env.workDir });
    const turn = await startTurn(client, thread.id, '[fail]');
    const done = await waitForTurnCompleted(client, turn);
    const frames = framesSince(client, turn);

    const error = frames.find((f) => isNotification(f, 'error'));
    assert.ok(error !== undefined && isNotification(error, 'error'), methodsOf(frames).join(','));
    assert.equal(error.params.willRetry, false);
    assert.equal(error.params.error.codexErrorInfo, 'contextWindowExceeded');
    assert.equal(done.params.turn.status, 'failed');
    assert.equal(done.params.turn.error?.codexErrorInfo, 'contextWindowExceeded');

    const next = await startTurn(client, thread.id, 'still there?');
    assert.equal((await waitForTurnCompleted(client, next)).params.turn.status, 'completed');
  });

  test('applies an approved [patch] as a fileChange that writes hello.txt', async () => {
    const { client, env } = await harness();
    const { thread } = await startThread(client, { cwd: env.workDir, approvalPolicy: 'untrusted', sandbox: 'workspace-write' });
    const turn = await startTurn(client, thread.id, '[patch]');
    // under untrusted even an in-workspace patch asks first.
    const req = await client.waitFor((f) => isServerRequest(f, 'item/fileChange/requestApproval'), 15_000, turn.from);
    assert.ok(isServerRequest(req, 'item/fileChange/requestApproval'));
    client.respond(req.id, { decision: 'accept' });
    const done = await waitForTurnCompleted(client, turn);
    const frames = framesSince(client, turn);

    const change = frames.map((f) => itemOf(f, 'item/completed', 'fileChange')).find((i) => i !== null);
    assert.equal(change?.id, req.params.itemId);
    assert.equal(change.status, 'completed');
    assert.equal(change.changes[0]?.path, join(env.workDir, PATCH_FILE));
    assert.deepEqual(change.changes[0]?.kind, { type: 'add' });
    assert.ok(!frames.some((f) => itemOf(f, 'item/started', 'commandExecution') !== null), 'no commandExecution item');
    assert.ok(frames.some((f) => isNotification(f, 'turn/diff/updated')));
    assert.equal(done.params.turn.status, 'completed');
    assert.ok(existsSync(join(env.workDir, PATCH_FILE)));
    assert.equal(readFileSync(join(env.workDir, PATCH_FILE), 'utf8'), `${PATCH_FILE_LINE}\n`);
  });
});
