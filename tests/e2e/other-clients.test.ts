/**
 * Threads created by another codex client (the Codex CLI, an IDE, or here a plain WebSocket client of
 * the bridge) appear in the PWA, and opening one loads its history from codex; one whose turn ends
 * while the PWA is open is marked unread.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { connectBridgeClient, type BridgeClient } from './helpers/bridge-client.ts';

const UI_TIMEOUT = 30_000;

suite('threads from other codex clients', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let client: BridgeClient;
  let page: Page;

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-other-clients' });
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
    browser = await launchChromium();
    client = await connectBridgeClient(bridge);
  });

  after(async () => {
    client?.close();
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  async function turnFromOtherClient(text: string): Promise<string> {
    const { thread } = await client.request<{ thread: { id: string } }>('thread/start', { cwd: env.workDir });
    await client.request('turn/start', { threadId: thread.id, input: [{ type: 'text', text, text_elements: [] }] });
    // Wait until codex has recorded the whole turn.
    for (let i = 0; i < 100; i++) {
      // codex answers an error while the rollout file is still empty, right after turn/start.
      const r = await client
        .request<{ thread: { turns: Array<{ status: string }> } }>('thread/read', { threadId: thread.id, includeTurns: true })
        .catch(() => null);
      if (r?.thread.turns.some((t) => t.status === 'completed')) return thread.id;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('the other client’s turn did not complete');
  }

  test('a thread made before the PWA opened is listed, and opening it shows its history', async () => {
    await turnFromOtherClient('Started somewhere else');
    page = await (await browser.newContext()).newPage();
    await page.goto(bridge.url);
    const listed = page.getByRole('navigation', { name: 'Threads' }).getByRole('button', { name: /Started somewhere else/ });
    await listed.waitFor({ timeout: UI_TIMEOUT });
    await listed.click();
    const transcript = page.getByRole('log', { name: 'Transcript' });
    await transcript.getByText('Echo: Started somewhere else').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await transcript.getByText('Started somewhere else', { exact: true }).count(), 1);
  });

  test('a thread started by another client while the PWA is open appears live, marked unread', async () => {
    await turnFromOtherClient('Started while you watched');
    await page
      .getByRole('navigation', { name: 'Threads' })
      .getByRole('button', { name: /Started while you watched.* unread/ })
      .waitFor({ timeout: UI_TIMEOUT });
  });
});
