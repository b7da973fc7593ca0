/**
 * Nothing hostile runs: the scripted model, through the real codex and the real bridge, puts a corpus
 * of XSS payloads (tests/support/xss-corpus.ts) into an agent message, a reasoning summary and its raw
 * text, an approval's reason, a command's output, a file's name and its diff. Every payload tries to
 * set a canary in the page and to navigate to a canary server on loopback; neither may fire, no
 * payload may even reach the point where the Content-Security-Policy has to stop it, and where the
 * UI shows text (output, names, diffs, code) the payload is visible as text.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { defaultScript } from '../support/default-script.ts';
import type { ModelRequest } from '../support/model-request.ts';
import { addFilePatch, applyPatchViaExec, escalatedCommand, message, reasoning, response } from '../support/script-builders.ts';
import type { StreamPart } from '../support/script-step.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { report } from '../support/test-report.ts';
import { xssCorpus } from '../support/xss-corpus.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';

const UI_TIMEOUT = 30_000;
const PAYLOAD_FILE = 'hostile-payloads.txt';
const MESSAGE_END = 'End of the hostile message.';
const COMMAND_DONE = 'Printed the hostile file.';
const PATCH_DONE = 'Wrote the hostile file.';
const REASONED = 'Reasoned about it.';
/** File names cannot hold a slash, so their payloads set the canary only. */
const NAME_PWN = 'window.top.__okcPwned=1';
/** The reasoning card's one-line title (shown without markdown emphasis, so no underscores). */
const TITLE = '<img src=x onerror=alert(document.domain)> is the title';
const HOSTILE_NAMES = [`<img src=x onerror=${NAME_PWN}>.md`, `"><svg onload=${NAME_PWN}>.txt`];

/** Counts every request: any request at all means a payload ran (or a beacon loaded). */
async function startCanary(): Promise<{ url: string; hits: string[]; close: () => Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Walks the page through open shadow roots, lists what should never be there (handler attributes,
 * frames, plugins, scripts outside the head, javascript: URLs), and gives every handler a chance to run.
 */
const PROVOKE = `(async () => {
  const all = [];
  const walk = (root) => { for (const el of root.querySelectorAll('*')) { all.push(el); if (el.shadowRoot) walk(el.shadowRoot); } };
  walk(document);
  const found = [];
  for (const el of all) {
    const bad = el.getAttributeNames().filter((a) => /^on/i.test(a) || (/^(href|src|action|formaction|data)$/i.test(a) && /^\\s*(javascript|data:text)/i.test(el.getAttribute(a))));
    if (['iframe', 'frame', 'object', 'embed', 'base'].includes(el.localName) || (el.localName === 'script' && el.parentElement !== document.head) || bad.length > 0) {
      found.push(el.outerHTML.slice(0, 160));
    }
  }
  for (const el of all) {
    for (const type of ['mouseover', 'focus', 'toggle', 'load', 'error', 'animationstart']) el.dispatchEvent(new Event(type));
    if (!(el instanceof HTMLAnchorElement) && !(el instanceof HTMLButtonElement) && el.localName !== 'input' && el.localName !== 'textarea') el.click?.();
  }
  await new Promise((r) => setTimeout(r, 300));
  return { elements: all.length, found };
})()`;

suite('hostile content from the agent, rendered in Chromium through the real codex and bridge', () => {
  let canary: Awaited<ReturnType<typeof startCanary>>;
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let page: Page;
  let pwn = '';
  let payloads: string[] = [];
  /** Payloads placed somewhere (each placement counts once in the report). */
  let placed = 0;
  let provokedElements = 0;
  /** Dangerous elements or attributes found in the live page. */
  const survivors: string[] = [];

  const transcript = () => page.getByRole('log', { name: 'Transcript' });
  const button = (name: string) => page.getByRole('button', { name, exact: true });

  function hostileScript(req: ModelRequest): readonly StreamPart[] {
    const text = req.lastUserText;
    if (text.includes('[hostile:message]')) {
      const markdown = [...payloads, '````', ...payloads, '````', `Inline: \`${payloads[2] ?? ''}\``, MESSAGE_END].join('\n\n');
      return response(message(markdown, { chunks: 12 }));
    }
    if (text.includes('[hostile:reasoning]')) {
      const summary = [TITLE, ...payloads].join('\n\n');
      return response(reasoning(summary, { raw: payloads.join('\n') }), message(REASONED));
    }
    if (text.includes('[hostile:command]')) {
      // The comment puts a payload in the command line the approval card shows; the shell ignores it.
      const cmd = escalatedCommand(`cat ${PAYLOAD_FILE} # ${payloads[2] ?? ''}`, payloads[0] ?? '');
      return req.step === 0 ? response(cmd) : response(message(COMMAND_DONE));
    }
    if (text.includes('[hostile:patch]')) {
      const patches = HOSTILE_NAMES.map((name) => applyPatchViaExec(addFilePatch(name, payloads)));
      return req.step < patches.length ? response(patches[req.step] ?? []) : response(message(PATCH_DONE));
    }
    return defaultScript(req);
  }

  before(async () => {
    canary = await startCanary();
    pwn = `window.top.__okcPwned=1;top.location='${canary.url}/pwned'`;
    const corpus = [
      ...xssCorpus(pwn),
      { name: 'remote markdown image beacon', markdown: `![beacon](${canary.url}/beacon.png)` },
      { name: 'remote img beacon', markdown: `<img src="${canary.url}/img.png">` },
      { name: 'css import beacon', markdown: `<style>@import url(${canary.url}/css);</style>` },
    ];
    // One payload per line: command output, diff lines and code all show lines.
    payloads = corpus.map((c) => c.markdown).filter((m) => !m.includes('\n'));
    model = await startScriptedModel({ script: hostileScript });
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-hostile' });
    writeFileSync(join(env.workDir, PAYLOAD_FILE), payloads.join('\n') + '\n');
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
    browser = await launchChromium();
    // A tall window keeps more of the virtualized transcript rendered.
    page = await (await browser.newContext({ viewport: { width: 1280, height: 2000 } })).newPage();
    // Set before any app script: a payload that slipped past the sanitizer would make the CSP fire this.
    await page.addInitScript(`window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        // why only elements: DOMPurify parses in an inert document that shares the page's policy, and
        // Chromium reports each handler attribute it parses there at the document; nothing can run there.
        const where = e.composedPath()[0];
        if (where instanceof Element) window.__cspViolations.push(e.violatedDirective + ' on ' + where.outerHTML.slice(0, 160));
      }, true);`);
    await page.goto(bridge.url);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await button('New thread').click();
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    await canary?.close();
    env?.cleanup();
  });

  async function send(text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await button('Send').click();
  }

  /** The text of every `<pre>` in the transcript (code, command output, diffs, raw reasoning). */
  async function preText(): Promise<string> {
    return (await transcript().locator('pre').allTextContents()).join('\n');
  }

  /** Fires events at every element on the page (the visible rows of the virtualized transcript). */
  async function provoke(): Promise<void> {
    const { elements, found } = (await page.evaluate(PROVOKE)) as { elements: number; found: string[] };
    provokedElements += elements;
    survivors.push(...found);
  }

  function missingFrom(text: string): string[] {
    return payloads.filter((p) => !text.includes(p));
  }

  test('an agent message full of payloads: rendered inert, its code block shows them as text', async () => {
    await send('[hostile:message]');
    await transcript().getByText(MESSAGE_END).waitFor({ timeout: UI_TIMEOUT });
    placed += payloads.length * 2 + 1; // as markdown, in a code block, one as inline code
    assert.deepEqual(missingFrom(await preText()), [], 'every payload is visible as text in the code block');
    await provoke();
  });

  test('a reasoning summary and raw reasoning full of payloads: the title and raw text show them as text', async () => {
    await send('[hostile:reasoning]');
    await transcript().getByText(REASONED).waitFor({ timeout: UI_TIMEOUT });
    const card = transcript().getByRole('group', { name: 'Reasoning' }).last();
    await card.getByText(TITLE).waitFor({ timeout: UI_TIMEOUT });
    await card.getByRole('button', { name: 'Show reasoning' }).click();
    placed += payloads.length * 2 + 1; // the summary as markdown, the raw text, the title
    await card.locator('pre').waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(missingFrom((await card.locator('pre').allTextContents()).join('\n')), [], 'the raw reasoning shows every payload as text');
    await provoke();
  });

  test('a command whose reason, command line and output are payloads: approved, its output shown as text', async () => {
    await send('[hostile:command]');
    await button('Approve').click({ timeout: UI_TIMEOUT });
    await transcript().getByText(COMMAND_DONE).waitFor({ timeout: UI_TIMEOUT });
    placed += payloads.length + 2;
    await transcript().locator('pre').filter({ hasText: payloads[payloads.length - 1] ?? '' }).first().waitFor({ timeout: UI_TIMEOUT });
    assert.deepEqual(missingFrom(await preText()), [], 'the command output shows every payload as text');
    await provoke();
  });

  test('files with hostile names and payload lines: names and diff lines shown as text', async () => {
    await send('[hostile:patch]');
    for (let i = 0; i < HOSTILE_NAMES.length; i++) {
      await button('Approve').click({ timeout: UI_TIMEOUT });
      await button('Approve').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    }
    await transcript().getByText(PATCH_DONE).waitFor({ timeout: UI_TIMEOUT });
    placed += HOSTILE_NAMES.length * (payloads.length + 1);
    for (const name of HOSTILE_NAMES) await transcript().getByText(name).first().waitFor({ timeout: UI_TIMEOUT });
    const diffs = (await transcript().locator('pre.diff').allTextContents()).join('\n');
    assert.deepEqual(missingFrom(diffs), [], 'the diff shows every payload line as text');
    await provoke();
  });

  test('after all of that, nothing ran: no canary, no beacon, no payload stopped only by the CSP', async () => {
    assert.ok(provokedElements > 100, 'the transcript was walked');
    const pwned = (await page.evaluate('window.__okcPwned === 1 || window.__okcPwned === true')) as boolean;
    const violations = (await page.evaluate('window.__cspViolations')) as string[];
    const fired = (pwned ? 1 : 0) + canary.hits.length + violations.length + survivors.length;
    report('payloads', { tried: placed, failures: fired });
    assert.deepEqual(survivors, [], 'no handler, frame, plugin, script or javascript: URL in the live page');
    assert.equal(pwned, false, 'the canary in the page stayed unset');
    assert.deepEqual(canary.hits, [], 'no request reached the canary server');
    assert.deepEqual(violations, [], 'no payload reached the live page, where only the CSP would have stopped it');
    assert.equal(new URL(page.url()).origin, bridge.origin, 'the page never navigated away');
    // The check can fail: a handler in the live page is stopped by the CSP and recorded.
    await page.evaluate(`(() => { const i = document.createElement('img'); i.setAttribute('onerror', '${NAME_PWN}'); i.src = 'data:,x'; document.body.append(i); })()`);
    await page.waitForFunction('window.__cspViolations.length > 0');
    assert.equal(await page.evaluate('window.__okcPwned'), undefined, 'the CSP stops what the sanitizer would have let through');
  });
});
