/**
 * Nothing lost, nothing stuck, nothing doubled: a reload mid-stream, codex killed mid-turn, the bridge
 * restarted mid-turn, and two tabs approving at the same moment. After each, what the PWA stored in
 * IndexedDB equals what codex itself says (thread/read), and no turn is left in progress.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { commandOf, descendantsOf } from '../support/process-tree.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { converged } from './helpers/converge.ts';

const UI_TIMEOUT = 30_000;
const TOKEN = 'e2e-reliability-token-0123456789';

suite('reliability: reload, crash, restart, concurrent answers', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let page: Page;
  let threadId: string;

  const transcript = (p: Page) => p.getByRole('log', { name: 'Transcript' });
  const start = (port: string) =>
    startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin(), '--token', TOKEN, '--port', port] });

  async function send(p: Page, text: string): Promise<void> {
    await p.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await p.getByRole('textbox', { name: 'Message' }).fill(text);
    await p.getByRole('button', { name: 'Send' }).click();
  }

  /** Waits until the stored projection equals codex's, with nothing in progress; returns the item count. */
  const settled = (): Promise<number> => converged(page, bridge, threadId);

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-reliability' });
    bridge = await start('0');
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(bridge.url);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'New thread', exact: true }).click();
    await send(page, 'First message');
    await transcript(page).locator('pre code').first().waitFor({ timeout: UI_TIMEOUT });
    threadId = String(await page.evaluate('sessionStorage.getItem("okcode.selectedThread")'));
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  test('a reload in the middle of a streaming reply loses nothing and doubles nothing', async () => {
    await send(page, '[slow:150] reload while I stream');
    await transcript(page).getByText('Echo:').nth(1).waitFor({ timeout: UI_TIMEOUT });
    await page.reload();
    await transcript(page).getByText('reload while I stream').nth(1).waitFor({ timeout: UI_TIMEOUT });
    await transcript(page).locator('pre code').nth(1).waitFor({ timeout: UI_TIMEOUT });
    const count = await settled();
    assert.equal(count, 4, 'two prompts and two replies');
    assert.equal(await transcript(page).getByText('Echo:').count(), 2, 'each reply is shown once');
  });

  test('codex killed mid-turn: the bridge restarts it and the thread does not stay working', async () => {
    await send(page, '[slow:200] codex dies while I stream');
    await transcript(page).getByText('Echo:').nth(2).waitFor({ timeout: UI_TIMEOUT });
    const codexPids = descendantsOf(bridge.process.pid ?? 0).filter((pid) => commandOf(pid).includes('app-server'));
    assert.ok(codexPids.length > 0, 'found the codex process under the bridge');
    for (const pid of codexPids) process.kill(pid, 'SIGKILL');
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await settled();
    await send(page, 'after the crash');
    await transcript(page).getByText('Echo: after the crash').waitFor({ timeout: UI_TIMEOUT });
    await settled();
  });

  test('bridge restarted mid-turn: the PWA reconnects by itself and catches up from codex', async () => {
    await send(page, '[slow:200] the bridge restarts while I stream');
    await transcript(page).getByText('the bridge restarts while I stream').nth(1).waitFor({ timeout: UI_TIMEOUT });
    const port = new URL(bridge.origin).port;
    assert.equal(await bridge.stop('SIGTERM'), 0);
    bridge = await start(port);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await settled();
    await send(page, 'after the restart');
    await transcript(page).getByText('Echo: after the restart').waitFor({ timeout: UI_TIMEOUT });
    await settled();
  });

  test('two tabs approve the same command at the same moment: it runs once, both see it resolved', async () => {
    const other = await page.context().newPage();
    await other.goto(bridge.origin + '/');
    await other.getByRole('navigation', { name: 'Threads' }).getByRole('button').first().click();
    await send(page, '[cmd:echo once >> approvals.txt]');
    const a = page.getByRole('button', { name: 'Approve' });
    const b = other.getByRole('button', { name: 'Approve' });
    await Promise.all([a.waitFor({ timeout: UI_TIMEOUT }), b.waitFor({ timeout: UI_TIMEOUT })]);
    // Both buttons are pressed in the same instant (no waiting for the other tab's answer to show).
    const [ha, hb] = await Promise.all([a.elementHandle(), b.elementHandle()]);
    assert.ok(ha && hb);
    await Promise.all([ha.dispatchEvent('click'), hb.dispatchEvent('click')]);
    await transcript(page).getByText('Ran the command.').waitFor({ timeout: UI_TIMEOUT });
    await Promise.all([a.waitFor({ state: 'detached' }), b.waitFor({ state: 'detached' })]);
    assert.equal(readFileSync(`${env.workDir}/approvals.txt`, 'utf8'), 'once\n');
    assert.equal(await page.getByRole('alert').filter({ hasText: /\S/ }).count(), 0, 'no error shown in the first tab');
    assert.equal(await other.getByRole('alert').filter({ hasText: /\S/ }).count(), 0, 'no error shown in the second tab');
    await settled();
    await other.close();
  });
});
