/**
 * Damaged records in the app's IndexedDB, with the real bridge, codex and Chromium: after a turn, its
 * thread record (preview null) and its reply (text a number) are damaged in storage, as a broken build
 * or a failing disk might leave them, and the page reloads. The app still shows the thread, says what
 * it skipped, re-reads the thread from codex, and ends up with codex's copies stored again: nothing lost.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { report } from '../support/test-report.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { converged } from './helpers/converge.ts';

const UI_TIMEOUT = 30_000;

/** Damages the thread's record and its agent messages in the page's database; returns how many records. */
function damage(page: Page, threadId: string): Promise<number> {
  // why a string: the e2e tests compile without the DOM lib; this runs in the page.
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('okcode');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['threads', 'items'], 'readwrite');
      let n = 0;
      const threads = tx.objectStore('threads');
      threads.get(${JSON.stringify(threadId)}).onsuccess = (e) => { threads.put({ ...e.target.result, preview: null }); n++; };
      const items = tx.objectStore('items');
      items.getAll().onsuccess = (e) => {
        for (const i of e.target.result) if (i.threadId === ${JSON.stringify(threadId)} && i.kind === 'agentMessage') { items.put({ ...i, text: 42 }); n++; }
      };
      tx.oncomplete = () => { db.close(); resolve(n); };
      tx.onerror = () => reject(tx.error);
    };
  })`);
}

/** Whether every stored record of the thread has a string where the damage put something else. */
function repaired(page: Page, threadId: string): Promise<boolean> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('okcode');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['threads', 'items']);
      const thread = tx.objectStore('threads').get(${JSON.stringify(threadId)});
      const items = tx.objectStore('items').getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(typeof thread.result.preview === 'string' &&
          items.result.filter((i) => i.threadId === ${JSON.stringify(threadId)} && i.kind === 'agentMessage').every((i) => typeof i.text === 'string'));
      };
    };
  })`);
}

suite('damaged records in IndexedDB', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let page: Page;

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-damaged-records' });
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  test('the app reloads with them, says so, and re-reads the thread from codex', async () => {
    await page.goto(bridge.url);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await page.getByRole('button', { name: 'New thread', exact: true }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Keep this reply');
    await page.getByRole('button', { name: 'Send' }).click();
    const transcript = page.getByRole('log', { name: 'Transcript' });
    await transcript.getByText('Echo: Keep this reply').waitFor({ timeout: UI_TIMEOUT });
    const threadId = String(await page.evaluate('sessionStorage.getItem("okcode.selectedThread")'));
    await converged(page, bridge, threadId);

    const damaged = await damage(page, threadId);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'damaged record' });
    await alert.waitFor({ timeout: UI_TIMEOUT });
    const said = (await alert.textContent()) ?? '';
    await transcript.getByText('Echo: Keep this reply').waitFor({ timeout: UI_TIMEOUT });
    const listed = page.getByRole('navigation', { name: 'Threads' }).getByRole('button', { name: /Keep this reply/ });
    await listed.waitFor({ timeout: UI_TIMEOUT });
    await converged(page, bridge, threadId);
    const fixed = await repaired(page, threadId);
    report('faults', { storage: damaged, failures: fixed ? 0 : 1 });

    assert.ok(damaged >= 2, `damaged the thread and its reply (${damaged} records)`);
    assert.match(said, /damaged records? in this browser’s storage (was|were) skipped; the thread will be re-read from Codex/);
    assert.ok(fixed, 'codex’s copies replaced the damaged records in IndexedDB');
  });
});
