/**
 * The walking skeleton, as a user does it: okcode-bridge + the real codex app-server + the scripted
 * model + Chromium. New thread, a streamed markdown reply, a command approval (approve and decline, by
 * click and by the Y/N keys), a second tab on the same thread, and a reload with the bridge down that
 * still shows the history.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { CMD_DONE_TEXT } from '../support/default-script.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';

const UI_TIMEOUT = 30_000;

suite('walking skeleton: PWA → okcode-bridge → codex app-server → scripted model', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let context: BrowserContext;
  let tab1: Page;
  let tab2: Page;

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-skeleton' });
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
    browser = await launchChromium();
    context = await browser.newContext();
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  const transcript = (page: Page) => page.getByRole('log', { name: 'Transcript' });

  test('opens the ready URL, connects, and removes the token from the address bar', async () => {
    tab1 = await context.newPage();
    await tab1.goto(bridge.url);
    await tab1.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    assert.equal(new URL(tab1.url()).hash, '');
  });

  test('New thread, type a message, Send: the reply streams in as markdown', async () => {
    await tab1.getByRole('button', { name: 'New thread', exact: true }).click();
    const box = tab1.getByRole('textbox', { name: 'Message' });
    await box.fill('Hello from the end-to-end test');
    await tab1.getByRole('button', { name: 'Send' }).click();
    await transcript(tab1).getByText('Hello from the end-to-end test').first().waitFor({ timeout: UI_TIMEOUT });
    // The scripted reply is markdown with bold text, a list and a code block; it must arrive rendered.
    const strong = transcript(tab1).locator('strong').first();
    await strong.waitFor({ timeout: UI_TIMEOUT });
    await transcript(tab1).locator('li').first().waitFor({ timeout: UI_TIMEOUT });
    await transcript(tab1).locator('pre code').first().waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await box.inputValue(), '');
    assert.ok(model.requests.length >= 1, 'codex called the scripted model');
  });

  test('a second tab on the same URL shows the same thread, live', async () => {
    tab2 = await context.newPage();
    await tab2.goto(bridge.origin + '/');
    await tab2.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await tab2.getByRole('navigation', { name: 'Threads' }).getByRole('button').first().click();
    await transcript(tab2).getByText('Hello from the end-to-end test').first().waitFor({ timeout: UI_TIMEOUT });
  });

  test('a command approval appears in both tabs; approving in one runs it in the bridge cwd', async () => {
    await tab1.getByRole('textbox', { name: 'Message' }).fill('[cmd:pwd && echo hello-okc > made-by-codex.txt && echo hello-okc]');
    await tab1.getByRole('button', { name: 'Send' }).click();
    const approve1 = tab1.getByRole('button', { name: 'Approve' });
    const approve2 = tab2.getByRole('button', { name: 'Approve' });
    await approve1.waitFor({ timeout: UI_TIMEOUT });
    await approve2.waitFor({ timeout: UI_TIMEOUT });
    await approve2.click();
    await transcript(tab1).getByText(CMD_DONE_TEXT).first().waitFor({ timeout: UI_TIMEOUT });
    await transcript(tab1).getByText(env.workDir).first().waitFor({ timeout: UI_TIMEOUT });
    await transcript(tab1).locator('pre').filter({ hasText: 'hello-okc' }).first().waitFor({ timeout: UI_TIMEOUT });
    assert.ok(existsSync(`${env.workDir}/made-by-codex.txt`), 'the command ran in the bridge working directory');
    await approve1.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await approve2.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  });

  test('declining a command: it does not run, and the agent carries on', async () => {
    await tab1.getByRole('textbox', { name: 'Message' }).fill('[cmd:echo declined > declined.txt]');
    await tab1.getByRole('button', { name: 'Send' }).click();
    await tab1.getByRole('button', { name: 'Decline' }).click({ timeout: UI_TIMEOUT });
    await transcript(tab1).getByText('Declined').first().waitFor({ timeout: UI_TIMEOUT });
    await tab1.getByRole('button', { name: 'Approve' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    assert.equal(existsSync(`${env.workDir}/declined.txt`), false);
  });

  test('keyboard triage: Y approves a command approval, N declines one', async () => {
    const idle = tab1.getByRole('button', { name: 'Send', exact: true });
    const approve = tab1.getByRole('button', { name: 'Approve', exact: true });
    const ask = async (command: string): Promise<void> => {
      await idle.waitFor({ timeout: UI_TIMEOUT });
      await tab1.getByRole('textbox', { name: 'Message' }).fill(`[cmd:${command}]`);
      await idle.click();
      await approve.waitFor({ timeout: UI_TIMEOUT });
    };
    await ask('echo yes > approved-by-key.txt');
    // While it waits: the live region says so, and the thread's row too.
    // why attached, not visible: live regions are read out, not shown.
    const said = (region: string, text: RegExp) => tab1.getByRole('status', { name: region }).filter({ hasText: text }).waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    await said('Approval alerts', /^Approval needed: .*echo yes > approved-by-key\.txt/);
    await tab1.getByRole('navigation', { name: 'Threads' }).getByText('Needs approval').waitFor({ timeout: UI_TIMEOUT });
    await tab1.keyboard.press('y');
    await approve.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await idle.waitFor({ timeout: UI_TIMEOUT });
    assert.ok(existsSync(`${env.workDir}/approved-by-key.txt`), 'Y approved: the command ran');
    await said('Turn updates', /^Turn finished/);
    await ask('echo no > declined-by-key.txt');
    const before = model.requests.length;
    await tab1.keyboard.press('n');
    await approve.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await idle.waitFor({ timeout: UI_TIMEOUT });
    assert.equal(existsSync(`${env.workDir}/declined-by-key.txt`), false, 'N declined: the command did not run');
    assert.equal(model.requests.length, before + 1, 'declined, not cancelled: the agent carried on');
  });

  test('reloading with the bridge down shows the history from IndexedDB and says how to start the bridge', async () => {
    // The service worker must have precached the app shell before the bridge goes away.
    await tab1.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await tab2.close();
    const code = await bridge.stop('SIGTERM');
    assert.equal(code, 0, `bridge exits cleanly on SIGTERM:\n${bridge.output()}`);
    await tab1.reload();
    await transcript(tab1).getByText('Hello from the end-to-end test').first().waitFor({ timeout: UI_TIMEOUT });
    await tab1.getByRole('status').filter({ hasText: 'okcode-bridge' }).waitFor({ timeout: UI_TIMEOUT });
  });
});
