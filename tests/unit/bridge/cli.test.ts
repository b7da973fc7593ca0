/**
 * The okcode-bridge command as users run it: the built bin, spawned as a child process.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { findSetpriv } from '../../../bridge/src/codex-binary.ts';
import { MOCK_PEER, REPO_ROOT, openSession, scratchDir, waitGone } from './harness.ts';

const BIN = join(REPO_ROOT, 'bridge/bin/okcode-bridge.js');
const REAL_CODEX = join(REPO_ROOT, 'node_modules/.bin/codex');
const READY_LINE = /^okcode-bridge ready: http:\/\/127\.0\.0\.1:(\d+)\/#token=([0-9a-f]{32})\n$/;

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const k of Object.keys(env)) if (k.startsWith('OKCODE_')) delete env[k];
  return env;
}

function runCli(args: string[], env = cleanEnv()): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Running {
  readonly child: ChildProcess;
  readonly port: number;
  readonly token: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns the bridge and waits for its ready line. */
async function startCli(args: string[], env = cleanEnv()): Promise<Running> {
  const child = spawn(process.execPath, [BIN, '--port', '0', '--no-open', ...args], { cwd: REPO_ROOT, env });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const line = await new Promise<string>((done, reject) => {
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) done(out);
    });
    void exited.then(() => reject(new Error(`bridge exited before ready: ${err}`)));
    setTimeout(() => reject(new Error(`no ready line within 20 s: ${err}`)), 20_000).unref();
  });
  const m = READY_LINE.exec(line);
  assert.ok(m !== null, `unexpected ready line ${JSON.stringify(line)}`);
  return { child, port: Number(m[1]), token: String(m[2]), stdout: () => out, stderr: () => err, exited };
}

/** Live pids whose environment has CODEX_HOME=home (Linux /proc only). */
function pidsWithCodexHome(home: string): number[] {
  const needle = `CODEX_HOME=${home}\0`;
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle) && !readFileSync(`/proc/${name}/stat`, 'utf8').includes(') Z ')) {
        out.push(Number(name));
      }
    } catch {
      // gone or not ours
    }
  }
  return out;
}

suite('okcode-bridge CLI', () => {
  before(() => {
    const r = spawnSync('npm', ['run', 'build:bridge'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });

  test('--help documents the options and exit codes', () => {
    const r = runCli(['--help']);
    assert.equal(r.code, 0);
    for (const s of ['--port', '--host', '--token', '--codex', '--allow-origin', '--no-open', 'Exit codes', 'usage error']) {
      assert.ok(r.stdout.includes(s), `help lacks ${s}`);
    }
    assert.equal(r.stderr, '');
  });

  test('--version prints the package version', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'bridge/package.json'), 'utf8')) as { version: string };
    assert.deepEqual(runCli(['--version']), { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test('a bad option exits 2 with one line', () => {
    const r = runCli(['--port', 'many']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^okcode-bridge: --port expects an integer from 0 to 65535 \(0 = any free port\), got "many"\.\n$/);
  });

  test('a missing codex exits 1 with the install hint', () => {
    const empty = scratchDir('okc-empty-path-');
    const r = runCli(['--port', '0', '--no-open'], cleanEnv({ PATH: empty.dir }));
    empty.remove();
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'okcode-bridge: codex not found on PATH. Install it with "npm install -g @openai/codex" or pass --codex /path/to/codex.\n',
    );
  });

  test('a busy port exits 1 with one line', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    try {
      const r = runCli(['--port', String(port), '--no-open', '--codex', MOCK_PEER]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(r.stderr, `okcode-bridge: port ${port} is in use. Stop the other process or pass --port 0 for any free port.\n`);
    } finally {
      blocker.close();
    }
  });

  test('a codex that fails to start exits 1 and says why', () => {
    const r = runCli(['--port', '0', '--no-open', '--codex', MOCK_PEER], cleanEnv({ MOCK_PEER_FAIL_START: '1' }));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /failed to start: codex exited with code 3 before it accepted connections/);
    assert.match(r.stderr, /failing at start as asked/);
  });

  test('serves --static, uses --token and --cwd, and reports codex\'s version', async () => {
    const scratch = scratchDir('okc-cli-static-');
    writeFileSync(join(scratch.dir, 'index.html'), '<!doctype html><title>built app</title>');
    const token = 'given-token-abcdefghijklmnop';
    const child = spawn(
      process.execPath,
      [BIN, '--port', '0', '--no-open', '--codex', MOCK_PEER, '--static', scratch.dir, '--cwd', scratch.dir, '--token', token],
      { cwd: REPO_ROOT, env: cleanEnv() },
    );
    try {
      const line = await new Promise<string>((done) => child.stdout.once('data', (c: Buffer) => done(c.toString())));
      const m = /^okcode-bridge ready: http:\/\/127\.0\.0\.1:(\d+)\/#token=(.+)\n$/.exec(line);
      assert.ok(m !== null, line);
      assert.equal(m[2], token);
      const port = Number(m[1]);
      const page = await fetch(`http://127.0.0.1:${port}/threads/x`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /built app/);
      assert.match(String(page.headers.get('content-security-policy')), /frame-ancestors 'none'/);
      const { client, welcome } = await openSession(port, { token });
      assert.equal(welcome.cwd, scratch.dir);
      assert.equal(welcome.codexVersion, '0.0.0-mock');
      await client.close();
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.on('exit', r));
      scratch.remove();
    }
  });

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    test(`prints one ready line, relays, and on ${signal} exits 0 leaving no codex and no socket dir`, async () => {
      const bridge = await startCli(['--codex', MOCK_PEER]);
      const { client } = await openSession(bridge.port, { token: bridge.token });
      const info = await client.result('test/pid');
      const pid = info['pid'] as number;
      const socketDir = dirname(info['socket'] as string);
      assert.ok(existsSync(socketDir));
      bridge.child.kill(signal);
      assert.deepEqual(await bridge.exited, { code: 0, signal: null });
      assert.ok(await waitGone(pid, 3000), 'codex is gone');
      assert.ok(!existsSync(socketDir), 'socket dir removed');
      assert.equal(bridge.stdout().split('\n').length, 2, 'exactly one stdout line');
      assert.ok(!bridge.stderr().includes(bridge.token), 'the token is never logged on stderr');
      await client.closed;
    });
  }

  test('a SIGKILLed bridge still takes codex down (setpriv --pdeathsig)', { skip: findSetpriv(process.env, process.platform) === null }, async () => {
    const bridge = await startCli(['--codex', MOCK_PEER]);
    const { client } = await openSession(bridge.port, { token: bridge.token });
    const info = await client.result('test/pid');
    bridge.child.kill('SIGKILL');
    await bridge.exited;
    assert.ok(await waitGone(info['pid'] as number, 3000), 'codex is gone');
    scratchDirRemove(dirname(info['socket'] as string));
    await client.closed;
  });

  suite('with the real codex', { skip: process.platform !== 'linux' || !existsSync(REAL_CODEX) }, () => {
    const home = scratchDir('okc-codex-home-');
    after(() => home.remove());

    test('serves a real codex and SIGTERM leaves no codex process behind', async () => {
      const bridge = await startCli(['--codex', REAL_CODEX], cleanEnv({ CODEX_HOME: home.dir }));
      const codexPids = pidsWithCodexHome(home.dir);
      assert.ok(codexPids.length >= 1, 'codex runs with our CODEX_HOME');
      const { client, welcome } = await openSession(bridge.port, { token: bridge.token });
      assert.equal(welcome.codexVersion, '0.169.0');
      await client.result('initialize', { clientInfo: { name: 'okcode-test', title: null, version: '0' } });
      assert.ok(Array.isArray((await client.result('thread/loaded/list', {}))['data']));
      bridge.child.kill('SIGTERM');
      assert.deepEqual(await bridge.exited, { code: 0, signal: null });
      for (const pid of codexPids) assert.ok(await waitGone(pid, 3000), `codex process ${pid} is gone`);
      assert.deepEqual(pidsWithCodexHome(home.dir), []);
      await client.closed;
    });
  });
});

function scratchDirRemove(dir: string): void {
  spawnSync('rm', ['-rf', '--', dir]);
}
