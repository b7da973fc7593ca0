/**
 * Nobody else gets in: the real okcode-bridge with the real codex, attacked the way a hostile web page,
 * a DNS-rebinding site, a stale or guessed token, a hostile client and a path-traversing request
 * would. Every attempt is refused, nothing reaches codex, every response carries the CSP, and the
 * legitimate tab opened at the start is still connected and completes a turn at the end.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { report } from '../support/test-report.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { connectBridgeClient } from './helpers/bridge-client.ts';
import { startForeignSite, type ForeignSite, type HijackResult } from './helpers/foreign-site.ts';
import { openFrameProbe } from './helpers/frame-probe.ts';
import { rawRequest, upgradeHeaders } from './helpers/raw-http.ts';

const UI_TIMEOUT = 30_000;
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(REPO_ROOT, 'bridge/bin/okcode-bridge.js');
const WEB_DIST = join(REPO_ROOT, 'web/dist');
/** What an attack that got through would make codex say, or the scripted model hear. */
const MARKER = 'okc-security-marker-pwned';

/** Runs the bridge CLI to its exit. */
function runBridge(args: string[], codexEnv: CodexEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: codexEnv.workDir, env: codexEnv.env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Adds one test's attacks to the report; `letIn` counts the ones that were not refused. */
function tally(attacks: number, letIn: number): void {
  report('security', { attacks, failures: letIn });
}

suite('security: only the legitimate tab gets in', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let port = 0;
  let oldToken = '';
  let browser: Browser;
  let context: BrowserContext;
  let tab: Page;
  let foreign: ForeignSite | undefined;
  /** A second site, allowed with --allow-origin: the control that shows Chromium itself lets such a socket through. */
  let allowed: ForeignSite | undefined;

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-security' });
    foreign = await startForeignSite();
    allowed = await startForeignSite();
    const start = (at: number): Promise<RunningBridge> =>
      startBridge({
        cwd: env.workDir,
        env: env.env,
        args: ['--codex', codexBin(), '--port', String(at), '--allow-origin', allowed?.origin ?? ''],
      });
    // A previous start of the bridge: its token must be worthless afterwards, even on the same port.
    const previous = await start(0);
    oldToken = previous.token;
    await previous.stop();
    // why the fallback: on a shared machine another process may take the port in between.
    bridge = await start(Number(new URL(previous.origin).port)).catch(() => start(0));
    port = Number(new URL(bridge.origin).port);
    assert.notEqual(bridge.token, oldToken, 'each start has its own token');
    browser = await launchChromium();
    context = await browser.newContext();
    tab = await context.newPage();
    await tab.goto(bridge.url);
    await tab.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
  });

  after(async () => {
    await foreign?.close();
    await allowed?.close();
    await context?.close();
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  /** Codex knows of no thread, and the scripted model heard of no turn, that an attack started. */
  async function assertNothingReachedCodex(): Promise<void> {
    const client = await connectBridgeClient(bridge);
    try {
      const list = await client.request<{ data: unknown[] }>('thread/list', {});
      assert.ok(!JSON.stringify(list).includes(MARKER), 'no thread started by an attacker');
    } finally {
      client.close();
    }
    assert.ok(!model.requests.some((r) => JSON.stringify(r).includes(MARKER)), 'the model heard nothing from an attacker');
  }

  async function visit(site: ForeignSite): Promise<HijackResult[]> {
    const page = await context.newPage();
    try {
      await page.goto(site.url);
      return (await page.evaluate('window.hijack')) as HijackResult[];
    } finally {
      await page.close();
    }
  }

  test('a foreign page cannot open the bridge WebSocket: no token, a guessed one, not even the right one', async () => {
    const ws = `ws://127.0.0.1:${port}/ws`;
    const site = foreign;
    assert.ok(site !== undefined);
    site.serve(
      [
        { name: 'no token', url: ws, protocols: ['okcode.v1'] },
        { name: 'a guessed token', url: ws, protocols: ['okcode.v1', 'okcode.token.guessed-token-0123456789'] },
        { name: 'the old token', url: ws, protocols: ['okcode.v1', `okcode.token.${oldToken}`] },
        { name: 'the right token', url: ws, protocols: ['okcode.v1', `okcode.token.${bridge.token}`] },
        { name: 'the right token via localhost', url: `ws://localhost:${port}/ws`, protocols: ['okcode.v1', `okcode.token.${bridge.token}`] },
      ],
      MARKER,
    );
    const results = await visit(site);
    tally(results.length, results.filter((r) => r.opened || r.frames > 0).length);
    assert.equal(results.length, 5);
    for (const r of results) {
      assert.equal(r.opened, false, `${r.name}: the socket never opens`);
      assert.equal(r.errored, true, `${r.name}: the page gets an error event`);
      assert.equal(r.frames, 0, `${r.name}: no frame from the bridge`);
      assert.equal(r.closeCode, 1006, `${r.name}: the page sees the connection fail`);
    }
    await assertNothingReachedCodex();
  });

  test('control: the same page on an --allow-origin site with the right token does get in (so the refusals are the bridge\'s)', async () => {
    const site = allowed;
    assert.ok(site !== undefined);
    site.serve([{ name: 'allowed origin, right token', url: `ws://127.0.0.1:${port}/ws`, protocols: ['okcode.v1', `okcode.token.${bridge.token}`] }], 'okc-security-control');
    const [r] = await visit(site);
    assert.equal(r?.opened, true);
    assert.ok((r?.frames ?? 0) > 0, 'the bridge welcomed it');
  });

  test('DNS rebinding: a foreign Host is refused on HTTP and on the WebSocket upgrade', async () => {
    const hosts = [`evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost.evil.example:${port}`, 'evil.example'];
    const replies = [];
    for (const host of hosts) {
      replies.push(await rawRequest(port, '/', { Host: host }));
      replies.push(await rawRequest(port, '/ws', upgradeHeaders(host, `http://${host}`, bridge.token)));
    }
    tally(replies.length, replies.filter((r) => r.status < 400).length);
    replies.forEach((r, i) => {
      assert.equal(r.status, 403);
      assert.equal(r.body, 'OKC_BRIDGE_HOST_DENIED');
      // Pages (even refusals) say nosniff; an upgrade refusal is never rendered by a browser.
      if (i % 2 === 0) assert.equal(r.headers['x-content-type-options'], 'nosniff');
    });
  });

  test('a missing, wrong or old token is refused; the right one is let in (the check can fail)', async () => {
    const origin = bridge.origin;
    const host = `127.0.0.1:${port}`;
    const cases: [string | null, string][] = [
      [null, 'OKC_BRIDGE_TOKEN_MISSING'],
      ['wrong-token-0123456789abcdef', 'OKC_BRIDGE_TOKEN_INVALID'],
      [oldToken, 'OKC_BRIDGE_TOKEN_INVALID'],
      ['', 'OKC_BRIDGE_TOKEN_INVALID'],
      [bridge.token.slice(0, -1), 'OKC_BRIDGE_TOKEN_INVALID'],
    ];
    const replies = await Promise.all(cases.map(([token]) => rawRequest(port, '/ws', upgradeHeaders(host, origin, token))));
    tally(replies.length, replies.filter((r) => r.status < 400).length);
    replies.forEach((r, i) => {
      assert.equal(r.status, 401, `case ${i}`);
      assert.equal(r.body, cases[i]?.[1]);
      assert.ok(!r.body.includes(bridge.token) && !r.body.includes(oldToken), 'no token is echoed');
    });
    const probe = await openFrameProbe(bridge);
    await probe.waitFor((f) => f.type === 'welcome');
    probe.close();
  });

  test('oversized, non-JSON and newline-smuggling frames get an error and never reach codex', async () => {
    const probe = await openFrameProbe(bridge);
    await probe.call(1, 'initialize', { clientInfo: { name: 'okc-security', title: null, version: '0' } });
    probe.send(JSON.stringify({ type: 'rpc', msg: { method: 'initialized' } }));
    const start = (id: number): string => JSON.stringify({ id, method: 'thread/start', params: {} });
    const refused: [string, string | Buffer][] = [
      ['cut short', `{"type":"rpc","msg":${start(9101)}`],
      ['two values in one frame', `{"type":"rpc","msg":${start(9102)}}{"type":"rpc","msg":${start(9103)}}`],
      ['a second message after a newline', `{"type":"rpc","msg":${start(9104)}}\n${start(9105)}`],
      ['a second message inside msg', `{"type":"rpc","msg":${start(9106)}\n${start(9107)}}`],
      ['a raw newline in a string', `{"type":"rpc","msg":{"id":9108,"method":"thread/start","params":{"cwd":"a\n"}}}`],
      ['msg not an object', JSON.stringify({ type: 'rpc', msg: [{ id: 9109, method: 'thread/start' }] })],
      ['nested 50,000 deep', `{ "type":"rpc","msg":{"id":9110,"method":"thread/start","params":${'['.repeat(50_000)}${']'.repeat(50_000)}}}`],
      ['binary', Buffer.from(`{"type":"rpc","msg":${start(9111)}}`)],
    ];
    for (const [name, data] of refused) {
      const errorsBefore = probe.frames.filter((f) => f.type === 'error').length;
      probe.send(data, Buffer.isBuffer(data));
      await probe.waitFor(() => probe.frames.filter((f) => f.type === 'error').length > errorsBefore, 5000).catch(() => {
        assert.fail(`${name}: no error frame`);
      });
    }
    // A newline inside a string is data: codex gets one message (and answers it), never the second.
    const inner = `x\n${start(9113)}\r\n${start(9114)}`;
    const one = await probe.call(9112, 'okc/no-such-method', { text: inner });
    assert.ok(one.msg !== undefined && 'error' in one.msg, 'codex answered the one message it got');
    // Two more round trips: anything codex got from the refused frames would have been answered by now.
    await probe.call(9200, 'thread/list', {});
    await probe.call(9201, 'thread/list', {});
    const leaked = probe.frames.filter((f) => f.type === 'rpc' && typeof f.msg?.id === 'number' && f.msg.id > 9100 && f.msg.id < 9200 && f.msg.id !== 9112);
    const errors = probe.frames.filter((f) => f.type === 'error');
    // An oversized frame: the bridge closes the socket (1009) before any of it reaches codex.
    probe.send('x'.repeat(17 * 1024 * 1024));
    const closeCode = await probe.closed;
    tally(refused.length + 2, leaked.length + (closeCode === 1009 ? 0 : 1));
    assert.deepEqual(leaked, [], 'codex answered none of the refused frames');
    assert.equal(errors.length, refused.length);
    for (const e of errors) assert.match(String(e.code), /^OKC_BRIDGE_FRAME_(NOT_JSON|INVALID)$/);
    assert.equal(closeCode, 1009);
    await assertNothingReachedCodex();
  });

  test('path traversal on the static files is refused', async () => {
    const host = { Host: `127.0.0.1:${port}` };
    const targets = [
      '/../package.json', '/../../package.json', '/assets/../../../package.json', '/%2e%2e/%2e%2e/package.json',
      '/%2E%2E%2F%2E%2E%2Fpackage.json', '/..%2f..%2fpackage.json', '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/assets/..%252f..%252f..%252fpackage.json', '/.%2e/.%2e/package.json', '/%c0%ae%c0%ae/%c0%ae%c0%ae/package.json',
      `/${join(REPO_ROOT, 'package.json')}`, `${join(REPO_ROOT, 'package.json')}`, '//etc/passwd', '/etc/passwd',
      '/index.html%00.png', '/%00', '/../../../../../../etc/passwd', 'http://evil.example/../../package.json',
    ];
    const replies = await Promise.all(targets.map((t) => rawRequest(port, t, host)));
    const leaks = replies.filter((r) => r.body.includes('"name": "okcode"') || r.body.includes('root:x:0:0'));
    tally(targets.length, leaks.length + replies.filter((r) => r.status === 200 && !r.body.includes('<!doctype html>')).length);
    assert.deepEqual(leaks, []);
    replies.forEach((r, i) => {
      // An unknown extension-less path is an app route and gets the app itself; anything else is 400/404.
      assert.ok(r.status === 400 || r.status === 404 || (r.status === 200 && r.body.startsWith('<!doctype html>')), `${targets[i]}: ${r.status}`);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', `${targets[i]}`);
    });
  });

  test('every response the bridge serves carries the Content-Security-Policy and nosniff', async () => {
    const files = filesUnder(WEB_DIST).map((f) => `/${relative(WEB_DIST, f).split('\\').join('/')}`);
    assert.ok(files.includes('/index.html') && files.includes('/sw.js') && files.some((f) => f.startsWith('/assets/')), 'web/dist is built');
    const paths = ['/', '/threads/some-thread', '/assets/missing.js', '/missing.png', ...files];
    const host = { Host: `127.0.0.1:${port}` };
    const replies = await Promise.all(paths.map((p) => rawRequest(port, encodeURI(p), host)));
    const bare = paths.filter((_p, i) => {
      const csp = replies[i]?.headers['content-security-policy'] ?? '';
      return !(csp.includes("script-src 'self'") && csp.includes("object-src 'none'") && csp.includes("frame-ancestors 'none'") &&
        replies[i]?.headers['x-content-type-options'] === 'nosniff');
    });
    report('csp', { responses: paths.length, failures: bare.length });
    assert.deepEqual(bare, [], 'responses without the CSP and nosniff');
    replies.forEach((r, i) => assert.equal(r.status, paths[i]?.includes('missing.') ? 404 : 200, `${paths[i]}`));
  });

  test('a non-loopback bind without --allow-non-loopback exits 2 with a clear message', async () => {
    const hosts = ['0.0.0.0', '192.0.2.10'];
    const runs = await Promise.all(hosts.map((host) => runBridge(['--host', host, '--port', '0', '--no-open', '--codex', codexBin()], env)));
    tally(hosts.length, runs.filter((r) => r.code !== 2).length);
    runs.forEach((r, i) => {
      assert.equal(r.code, 2, r.stderr);
      assert.equal(
        r.stderr,
        `okcode-bridge: --host ${hosts[i]} is not a loopback address; pass --allow-non-loopback to expose the bridge to the network.\n`,
      );
    });
  });

  test('after all of that, the tab opened at the start is still connected and completes a turn', async () => {
    await tab.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await tab.getByRole('button', { name: 'New thread', exact: true }).click();
    await tab.getByRole('textbox', { name: 'Message' }).fill('Still here after the attacks');
    await tab.getByRole('button', { name: 'Send' }).click();
    await tab.getByRole('log', { name: 'Transcript' }).getByText('Echo: Still here after the attacks').waitFor({ timeout: UI_TIMEOUT });
  });
});
