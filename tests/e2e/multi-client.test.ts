/**
 * Three clients answer the same approval at the same moment (issue 6): two tabs of one browser
 * context (one SharedWorker engine, one IndexedDB) and a page in a second context (its own engine,
 * its own IndexedDB, its own bridge session), each pressing a different decision. Codex applies exactly
 * one answer (the command ran once or not at all, one command item), and all three pages show the same
 * outcome, which matches codex's record and the file system.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { CMD_DONE_TEXT } from '../support/default-script.ts';
import { report } from '../support/test-report.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { connectBridgeClient } from './helpers/bridge-client.ts';
import { codexProjection, storedProjection, withoutDeclined } from './helpers/projection.ts';

const UI_TIMEOUT = 30_000;

suite('multi-client: two tabs and a second browser context answer one approval at once', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let pages: Page[] = [];
  let threadId: string;

  const transcript = (p: Page) => p.getByRole('log', { name: 'Transcript' });
  const connected = (p: Page) => p.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: UI_TIMEOUT });
  const selectThread = (p: Page) => p.getByRole('navigation', { name: 'Threads' }).getByRole('button', { name: 'Three clients' }).click();

  async function send(p: Page, text: string): Promise<void> {
    await p.getByRole('textbox', { name: 'Message' }).fill(text);
    await p.getByRole('button', { name: 'Send', exact: true }).click();
  }

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-multi' });
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
    browser = await launchChromium();
    const [first, second] = [await browser.newContext(), await browser.newContext()];
    const tab1 = await first.newPage();
    await tab1.goto(bridge.url);
    await connected(tab1);
    await tab1.getByRole('button', { name: 'New thread', exact: true }).click();
    await send(tab1, 'Three clients, one approval');
    await transcript(tab1).getByText('Echo: Three clients').waitFor({ timeout: UI_TIMEOUT });
    threadId = String(await tab1.evaluate('sessionStorage.getItem("okcode.selectedThread")'));
    const tab2 = await first.newPage();
    await tab2.goto(bridge.origin + '/');
    // The second context has no saved bridge target and no data: it starts from the ready URL.
    const other = await second.newPage();
    await other.goto(bridge.url);
    pages = [tab1, tab2, other];
    for (const p of [tab2, other]) {
      await connected(p);
      await selectThread(p);
      await transcript(p).getByText('Echo: Three clients').waitFor({ timeout: UI_TIMEOUT });
    }
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  test('codex applies one answer; all three show the same outcome', async (t) => {
    let passed = false;
    t.after(() => {
      if (!passed) report('scenarios', { run: 1, turns: 2, faults: 0, failures: 1 });
    });
    await send(pages[0] as Page, '[cmd:echo once >> three-clients.txt]');
    // Different decisions, so a second answer getting through would show.
    const approve = /^Approve(?! for)/;
    const names = [approve, /^Decline/, approve];
    const buttons = pages.map((p, i) => p.getByRole('button', { name: names[i] ?? approve }));
    await Promise.all(buttons.map((b) => b.waitFor({ timeout: UI_TIMEOUT })));
    const handles = await Promise.all(buttons.map((b) => b.elementHandle()));
    // All three pressed in the same instant: nobody waits to see another's answer first.
    await Promise.all(handles.map((h) => h?.dispatchEvent('click')));

    for (const p of pages) await transcript(p).getByText(CMD_DONE_TEXT).waitFor({ timeout: UI_TIMEOUT });
    for (const p of pages) await p.getByRole('button', { name: /^Decline/ }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });

    const client = await connectBridgeClient(bridge);
    let codexStatus: string;
    try {
      const read = await client.request<{ thread: { turns: Array<{ items: Array<{ type: string; status?: string }> }> } }>('thread/read', {
        threadId,
        includeTurns: true,
      });
      const commands = read.thread.turns.flatMap((t) => t.items).filter((i) => i.type === 'commandExecution');
      // why at most one: codex's rollout keeps no declined command, so a winning Decline leaves none.
      assert.ok(commands.length <= 1, `one command item at most (${commands.length})`);
      codexStatus = commands[0]?.status ?? 'declined';
      // Both engines' stores converge on codex's record (which lacks a declined command; see withoutDeclined).
      const codex = withoutDeclined(await codexProjection(client, threadId));
      for (const p of [pages[0] as Page, pages[2] as Page]) {
        const deadline = Date.now() + UI_TIMEOUT;
        while (JSON.stringify(withoutDeclined(await storedProjection(p, threadId))) !== JSON.stringify(codex) && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 200));
        }
        assert.deepEqual(withoutDeclined(await storedProjection(p, threadId)), codex);
      }
    } finally {
      client.close();
    }

    const ran = existsSync(`${env.workDir}/three-clients.txt`);
    assert.equal(ran, codexStatus === 'completed', `the file system agrees with codex (${codexStatus})`);
    if (ran) assert.equal(readFileSync(`${env.workDir}/three-clients.txt`, 'utf8'), 'once\n', 'the command ran once');
    else assert.equal(codexStatus, 'declined');

    const shown = await Promise.all(
      pages.map((p) => transcript(p).locator('article.command').filter({ hasText: 'three-clients.txt' }).locator('.status').textContent()),
    );
    assert.deepEqual(shown, pages.map(() => (ran ? 'Exit 0' : 'Declined')), 'all three show the same outcome');
    t.diagnostic(`outcome: ${shown.join(', ')}`);
    passed = true;
    report('scenarios', { run: 1, turns: 2, faults: 0, failures: 0 });
  });
});
