/**
 * What the engine sent just before its connection dropped is lost on the way (the proxy in front of
 * the bridge swallows it, then cuts the socket): a message, an approval answer. Once the engine is
 * back, the message goes out exactly once and the approval is answered exactly once, without the user
 * doing anything. And a message codex took but had not written down when it was killed goes out again.
 * The other way round, a message codex took is never sent twice: not when the connection drops as
 * codex answers, not after a reload, and not when it was steered into a turn waiting for approval
 * (codex writes that one down only later, so its record cannot tell whether it arrived).
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
  /** Sees each frame the engine sends the bridge, once the proxy passed it on. */
  let onEngineFrame: ((text: string) => void) | null = null;

  const transcript = () => page.getByRole('log', { name: 'Transcript' });
  const connected = () => page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: UI_TIMEOUT });

  async function send(text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** How many times codex's record of the selected thread has `prompt`, once it has it at all. */
  async function recordedTimes(prompt: string): Promise<number> {
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
    return recorded;
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
      onClientText: (t) => {
        tally.toBridge(t);
        onEngineFrame?.(t);
      },
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

  for (const [name, delayMs] of [
    ['as codex answers turn/start', 0],
    ['just after codex answered turn/start', 40],
  ] as const) {
    test(`the connection dropped ${name}: codex keeps the message, and it is not sent again`, async () => {
      // why: codex answers before it writes the message to its record, so a thread/read right after
      // the reconnect may not show it yet; only a restarted codex can have lost it.
      const prompt = `dropped ${name}`;
      let cuts = 0;
      onBridgeFrame = (text) => {
        if (!/"result":\{"turn":\{/.test(text)) return;
        onBridgeFrame = null;
        setTimeout(() => (cuts = proxy.cut()), delayMs);
      };
      await send(prompt);
      await transcript().getByText(`Echo: ${prompt}`).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: UI_TIMEOUT });
      assert.equal(cuts, 1, 'the engine had one socket to drop');
      report('faults', { wsDrops: 1 });
      // Let a wrongly re-sent prompt reach the model before counting.
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(model.requests.filter((r) => r.lastUserText === prompt).length, 1, 'codex got the message once');
      assert.equal(await transcript().getByText(prompt, { exact: true }).count(), 1, 'shown once');
      report('scenarios', { run: 1, turns: 1, faults: 1, failures: 0 });
    });
  }

  for (const delayMs of [0, 20, 150]) {
    test(`the tab reloaded ${delayMs} ms after Send: the message reaches codex once`, async () => {
      const prompt = `reloaded ${delayMs} ms after send`;
      await send(prompt);
      await new Promise((r) => setTimeout(r, delayMs));
      await page.reload();
      await connected();
      await transcript().getByText(`Echo: ${prompt}`).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await new Promise((r) => setTimeout(r, 1500));
      assert.equal(model.requests.filter((r) => r.lastUserText === prompt).length, 1, 'codex got the message once');
    });
  }

  for (const [name, when] of [
    ['the connection dropped as codex answers the steer', 'cutOnAnswer'],
    ['the connection dropped after codex took the steer', 'cutAfter'],
    ['the tab reloaded as the steer went out', 'reloadOnSend'],
    ['the steer lost on the way and the tab reloaded', 'reloadLost'],
  ] as const) {
    test(`a message steered into a turn waiting for approval, ${name}: codex takes it once`, async () => {
      // why: codex writes a steered message down only at the model's next request, after the
      // approval; until then its record does not show it, and the engine must not send it again.
      await send('[cmd:echo steer >> steer.txt]');
      const approve = page.getByRole('button', { name: /^Approve(?! for)/ });
      await approve.waitFor({ timeout: UI_TIMEOUT });
      const prompt = `steered, dropped ${name}`;
      let cuts = -1;
      let reloaded: Promise<unknown> | null = null;
      if (when === 'cutOnAnswer') {
        onBridgeFrame = (text) => {
          if (!/"result":\{"turnId":/.test(text)) return;
          onBridgeFrame = null;
          cuts = proxy.cut();
        };
      }
      if (when === 'reloadOnSend') {
        onEngineFrame = (text) => {
          if (!text.includes('"method":"turn/steer"')) return;
          onEngineFrame = null;
          // why mute: the engine must not hear codex's answer before the reload ends it.
          proxy.mute();
          reloaded = new Promise((r) => setTimeout(r, 100)).then(() => page.reload());
        };
      }
      await page.getByRole('textbox', { name: 'Message' }).fill(prompt);
      if (when === 'reloadLost') proxy.blackhole();
      await page.getByRole('button', { name: 'Steer', exact: true }).click();
      if (when === 'reloadLost') {
        // The engine stores which frame carried the message; the reload must find it never arrived.
        await new Promise((r) => setTimeout(r, 300));
        reloaded = page.reload();
      }
      if (when === 'cutAfter') {
        await page.getByText('Waiting to be sent').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
        await new Promise((r) => setTimeout(r, 300));
        cuts = proxy.cut();
      }
      if (when === 'reloadOnSend' || when === 'reloadLost') {
        for (let i = 0; i < 100 && reloaded === null; i++) await new Promise((r) => setTimeout(r, 50));
        assert.ok(reloaded !== null, 'the steer went out');
        await reloaded;
        report('faults', { reloads: 1 });
      } else {
        assert.equal(cuts, 1, 'the engine had one socket to drop');
        report('faults', { wsDrops: 1 });
      }
      await connected();
      await new Promise((r) => setTimeout(r, 1000)); // a wrong re-send would go out now
      await approve.click();
      // The model's next request carries the steered message last, so the script echoes it.
      await transcript().getByText(`Echo: ${prompt}`).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: UI_TIMEOUT });
      assert.equal(await recordedTimes(prompt), 1, 'codex recorded the steered message once');
      assert.equal(await transcript().getByText(prompt, { exact: true }).count(), 1, 'shown once');
      report('scenarios', { run: 1, turns: 1, faults: 1, failures: 0 });
    });
  }

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
    assert.equal(await recordedTimes(prompt), 1, 'codex recorded the message once');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await transcript().getByText(prompt, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await transcript().getByText(prompt, { exact: true }).count(), 1, 'shown once');
    report('scenarios', { run: 1, turns: 1, faults: 1, failures: 0 });
  });

  test('codex killed, then the connection dropped while codex restarts: the next message goes out once codex is back', async () => {
    // why: a session resumed while codex is down must wait for codex-ready; requests sent before it
    // are refused by the bridge, and a resync waiting on one held every message for a minute.
    for (const pid of descendantsOf(bridge.process.pid ?? 0).filter((p) => commandOf(p).includes('app-server'))) process.kill(pid, 'SIGKILL');
    await page.getByRole('status').filter({ hasText: 'Codex exited' }).first().waitFor({ timeout: UI_TIMEOUT });
    assert.equal(proxy.cut(), 1, 'the engine had one socket');
    report('faults', { codexKills: 1, wsDrops: 1 });
    await connected();
    const prompt = 'after a crash and a drop';
    await send(prompt);
    await transcript().getByText(`Echo: ${prompt}`).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(model.requests.filter((r) => r.lastUserText === prompt).length, 1, 'codex got the message once');
    report('scenarios', { run: 1, turns: 1, faults: 2, failures: 0 });
  });

  test('an approval answer lost on the way reaches codex once when the connection is back', async () => {
    const answeredBefore = tally.answersByItem.size;
    await send('[cmd:echo once >> lost-answer.txt]');
    const approve = page.getByRole('button', { name: /^Approve(?! for)/ });
    await approve.waitFor({ timeout: UI_TIMEOUT });
    await loseThenDrop(() => approve.click());
    await transcript().getByText(CMD_DONE_TEXT).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(readFileSync(`${env.workDir}/lost-answer.txt`, 'utf8'), 'once\n', 'the command ran once');
    assert.equal(tally.answersByItem.size, answeredBefore + 1, 'codex got an answer to this approval');
    assert.deepEqual([...tally.answersByItem.values()].filter((n) => n !== 1), [], 'and no approval got two');
    await approve.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    report('scenarios', { run: 1, turns: 1, faults: 1, failures: 0 });
  });
});
