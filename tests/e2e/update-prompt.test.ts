/**
 * The "new version ready" prompt, for real: the bridge serves a copy of the production build, the page
 * installs its service worker, then the copy becomes a new version (index.html changes and sw.js
 * precaches it under a new revision). An update check finds it waiting; the banner offers **Later**
 * (hides it) and **Reload** (activates the new worker and reloads the page onto the new version).
 * The copy lives in a temp dir, so web/dist (used by the other suites) is never touched.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';

const UI_TIMEOUT = 30_000;
const DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
const NEW_REVISION = 'okc-e2e-second-version';
const INDEX_ENTRY = /"revision":"([^"]+)","url":"index\.html"/;

suite('update prompt: a new build is announced, Later hides it, Reload switches to it', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let page: Page;
  let site: string;
  let oldRevision: string;

  const banner = () => page.getByRole('status', { name: 'Update', exact: true });
  const button = (name: string) => banner().getByRole('button', { name, exact: true });

  /** The index.html revisions in the precache (workbox keys them `index.html?__WB_REVISION__=…`). */
  // why strings: the page's globals (caches, navigator) are not in the Node test project's types.
  const precachedIndexRevisions = (): Promise<string[]> =>
    page.evaluate(`(async () => {
      const revisions = [];
      for (const name of await caches.keys()) {
        for (const req of await (await caches.open(name)).keys()) {
          const url = new URL(req.url);
          if (url.pathname === '/index.html') revisions.push(url.searchParams.get('__WB_REVISION__'));
        }
      }
      return revisions;
    })()`);
  const inPage = <T>(expression: string): Promise<T> => page.evaluate(expression) as Promise<T>;
  const newWorkerWaits = () => inPage<boolean>('navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)');

  before(async () => {
    assert.ok(existsSync(join(DIST, 'sw.js')), 'web/dist has a build (npm run build)');
    site = mkdtempSync(join(tmpdir(), 'okc-update-'));
    cpSync(DIST, site, { recursive: true });
    oldRevision = INDEX_ENTRY.exec(readFileSync(join(site, 'sw.js'), 'utf8'))?.[1] ?? '';
    assert.notEqual(oldRevision, '', 'sw.js precaches index.html');
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-update' });
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin(), '--static', site] });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(bridge.url);
    await inPage('navigator.serviceWorker.ready.then(() => true)');
    // why the reload: only a page the first worker controls makes a new worker wait for the user.
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    assert.ok(await inPage<boolean>('navigator.serviceWorker.controller !== null'), 'the page is controlled');
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
    if (site !== undefined) rmSync(site, { recursive: true, force: true });
  });

  test('a new version found by an update check shows the banner; Later hides it', async () => {
    assert.equal(await banner().count(), 0, 'no banner before there is a new version');
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    writeFileSync(join(site, 'index.html'), index.replace('</head>', '<meta name="okc-build" content="2"></head>'));
    const sw = readFileSync(join(site, 'sw.js'), 'utf8');
    writeFileSync(join(site, 'sw.js'), sw.replace(INDEX_ENTRY, `"revision":"${NEW_REVISION}","url":"index.html"`));

    await inPage('navigator.serviceWorker.getRegistration().then((r) => r.update()).then(() => true)');
    await button('Reload').waitFor({ timeout: UI_TIMEOUT });
    await banner().getByText('A new version of OK Code is ready.').waitFor();
    await button('Later').click();
    await banner().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    assert.ok(await newWorkerWaits(), 'the new worker still waits');
  });

  test('Reload activates the waiting worker and reloads the page onto the new version', async () => {
    // A later visit asks again (the new version is still waiting).
    await page.reload();
    await button('Reload').waitFor({ timeout: UI_TIMEOUT });
    assert.equal(await page.locator('meta[name="okc-build"]').count(), 0, 'still the old version');
    await inPage('window.okcBeforeReload = true');

    await Promise.all([page.waitForEvent('load', { timeout: UI_TIMEOUT }), button('Reload').click()]);
    assert.equal(await inPage<boolean>("'okcBeforeReload' in window"), false, 'the page reloaded');
    await page.locator('meta[name="okc-build"]').waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    assert.equal(await newWorkerWaits(), false, 'no worker waits any more');
    assert.equal(await inPage<string>('navigator.serviceWorker.getRegistration().then((r) => r.active.state)'), 'activated');
    assert.ok(await inPage<boolean>('navigator.serviceWorker.controller !== null'), 'the new worker controls the page');
    assert.deepEqual(await precachedIndexRevisions(), [NEW_REVISION], 'the new worker owns the precache');
    assert.equal(await banner().count(), 0, 'no banner after switching');
  });
});
