/**
 * What the engine sent just before its connection dropped is lost on the way (the proxy in front of
 * the bridge swallows it, then cuts the socket): a message, an approval answer. Once the engine is
 * back, the message goes out exactly once and the approval is answered exactly once, without the user
 * doing anything. And a message codex took but had not written down when it was killed goes out again.
 * Found by the long-session fault test (long-session.test.ts), made deterministic here.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { CMD_DONE_TEXT } from '../support/default-script.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { startCutProxy, type CutProxy } from './helpers/cut-proxy.ts';
import { AnswerTally } from './helpers/answer-tally.ts';
import { commandOf, descendantsOf } from '../support/process-tree.ts';
import { connectBridgeClient } from './helpers/bridge-client.ts';
import { codexProjection } from './helpers/projection.ts';
import { report } from '../support/test-report.ts';

/** Well under the engine's 60 s request timeout: the repair must not wait for it. */
const UI_TIMEOUT = 20_000;
const TOKEN = 'e2e-lost-in-flight-token-0123456';

suite('lost in flight: a message and an approval answer swallowed by a dropped connection', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let proxy: CutProxy;
  let browser: Browser;
  let page: Page;
  const tally = new AnswerTally();
  /** Sees each frame the bridge sends the engine, before the engine does. */
  let onBridgeFrame: ((text: string) => void) | null = null;

  const transcript = () => page.getByRole('log', { name: 'Transcript' });
  const connected = () => page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: UI_TIMEOUT });

  async function send(text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** Loses what the engine sends from now on, lets it send, then drops its connection. */
  async function loseThenDrop(act: () => Promise<void>): Promise<void> {
    proxy.blackhole();
    await act();
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(proxy.cut(), 1, 'the engine had one socket');
    report('faults', { wsDrops: 1 });
  }

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-lost' });
    let port = 0;
    proxy = await startCutProxy({
      targetPort: () => port,
      onClientText: (t) => tally.toBridge(t),
      onServerText: (t) => {
        tally.fromBridge(t);
        onBridgeFrame?.(t);
      },
    });
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin(), '--token', TOKEN, '--allow-origin', proxy.origin] });
    port = Number(new URL(bridge.origin).port);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${proxy.origin}/#token=${TOKEN}`);
    await connected();
    await page.getByRole('button', { name: 'New thread', exact: true }).click();
    await send('First message');
    await transcript().getByText('Echo: First message').waitFor({ timeout: UI_TIMEOUT });
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await proxy?.close();
    await model?.close();
    env?.cleanup();
  });

  test('a message lost on the way goes out once when the connection is back', async () => {
    await loseThenDrop(() => send('lost on the way'));
    await transcript().getByText('Echo: lost on the way').waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    const asked = model.requests.filter((r) => r.lastUserText === 'lost on the way');
    assert.equal(asked.length, 1, 'codex got the message once');
    assert.equal(await transcript().getByText('lost on the way', { exact: true }).count(), 1, 'shown once');
    report('scenarios', { run: 1, turns: 1, faults: 1, failures: 0 });
  });

  test('codex killed as it answers turn/start, before writing the message down: the message goes again', async () => {
    // why the proxy: the kill must land between codex's answer and its write, a window of milliseconds.
    onBridgeFrame = (text) => {
      if (!/"result":\{"turn":\{/.test(text)) return;
      onBridgeFrame = null;
      for (const pid of descendantsOf(bridge.process.pid ?? 0).filter((p) => commandOf(p).includes('app-server'))) process.kill(pid, 'SIGKILL');
    };
    const prompt = 'codex dies as it takes this';
    await send(prompt);
    await page.getByRole('status').filter({ hasText: 'Codex exited' }).first().waitFor({ timeout: UI_TIMEOUT });
    assert.equal(onBridgeFrame, null, 'codex was killed as it answered');
    await connected();
    // Codex comes back with the message (the engine sent it again) or, had it written it down, with
    // the message in an interrupted turn: either way it is there once, never lost.
    const threadId = String(await page.evaluate('sessionStorage.getItem("okcode.selectedThread")'));
    const deadline = Date.now() + UI_TIMEOUT;
    let recorded = 0;
    while (recorded === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      const client = await connectBridgeClient(bridge).catch(() => null);
      if (client === null) continue;
      try {
        const codex = await codexProjection(client, threadId);
        recorded = codex.items.filter((i) => i.kind === 'userMessage' && i.text === prompt).length;
      } catch {
        // codex still starting
      } finally {
        client.close();
      }
    }
    assert.equal(recorded, 1, 'codex recorded the message once');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await transcript().getByText(prompt, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await transcript().getByText(prompt, { exact: true }).count(), 1, 'shown once');
    report('scenarios', { run: 1, turns: 1, faults: 1, failures: 0 });
  });

  test('an approval answer lost on the way reaches codex once when the connection is back', async () => {
    await send('[cmd:echo once >> lost-answer.txt]');
    const approve = page.getByRole('button', { name: /^Approve(?! for)/ });
    await approve.waitFor({ timeout: UI_TIMEOUT });
    await loseThenDrop(() => approve.click());
    await transcript().getByText(CMD_DONE_TEXT).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(readFileSync(`${env.workDir}/lost-answer.txt`, 'utf8'), 'once\n', 'the command ran once');
    assert.deepEqual([...tally.answersByItem.values()], [1], 'codex got exactly one answer');
    await approve.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    report('scenarios', { run: 1, turns: 1, faults: 1, failures: 0 });
  });
});
