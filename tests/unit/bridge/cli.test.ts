/**
 * The okcode-bridge command as users run it (the built bin, as a child process): options, and the one
 * clear line for each way it cannot start.
 */
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { MIN_CODEX_VERSION } from '../../../bridge/src/codex-version.ts';
import { buildBridge, cleanEnv as cleanEnvIn, runCli as runCliWith, startCli } from './cli-harness.ts';
import { MOCK_PEER, REPO_ROOT, openSession, scratchDir } from './harness.ts';

const state = scratchDir('okc-cli-state-');
after(() => state.remove());

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return cleanEnvIn(state.dir, extra);
}

function runCli(args: string[], env = cleanEnv()): { code: number | null; stdout: string; stderr: string } {
  return runCliWith(args, env);
}

/** An executable sh script standing in for codex. */
function fakeCodex(dir: string, body: string): string {
  const path = join(dir, 'codex');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

suite('okcode-bridge CLI', () => {
  before(buildBridge);

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

  test('a codex older than the minimum exits 1 with one line and the fix', () => {
    const scratch = scratchDir('okc-old-codex-');
    // An old codex: it knows --version but not `app-server --listen unix://`.
    const old = fakeCodex(scratch.dir, 'if [ "$1" = --version ]; then echo "codex-cli 0.120.3"; exit 0; fi\necho "error: unexpected argument \'--listen\'" >&2; exit 2');
    const r = runCli(['--port', '0', '--no-open', '--codex', old]);
    scratch.remove();
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `okcode-bridge: codex 0.120.3 (${old}) is too old; OK Code needs ${MIN_CODEX_VERSION} or newer. ` +
        'Update it with "npm install -g @openai/codex@latest" or pass --codex /path/to/a/newer/codex.\n',
    );
  });

  test('a codex whose version cannot be read runs, with a warning', async () => {
    const scratch = scratchDir('okc-odd-codex-');
    const odd = fakeCodex(scratch.dir, `if [ "$1" = --version ]; then echo "codex (dev build)"; exit 0; fi\nexec "${process.execPath}" "${MOCK_PEER}" "$@"`);
    const bridge = await startCli(['--codex', odd], cleanEnv());
    await bridge.stop();
    scratch.remove();
    assert.match(bridge.stderr(), /^okcode-bridge: warning: could not read the version of .*codex \("codex --version"\); OK Code needs 0\.169\.0 or newer\.$/m);
  });

  test('a non-loopback --host without --allow-non-loopback exits 2 before binding', () => {
    const r = runCli(['--host', '0.0.0.0', '--port', '0', '--codex', MOCK_PEER]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      'okcode-bridge: --host 0.0.0.0 is not a loopback address; pass --allow-non-loopback to expose the bridge to the network.\n',
    );
  });

  test('serves --static, uses --token and --cwd, and reports codex\'s version', async () => {
    const scratch = scratchDir('okc-cli-static-');
    writeFileSync(join(scratch.dir, 'index.html'), '<!doctype html><title>built app</title>');
    const token = 'given-token-abcdefghijklmnop';
    const bridge = await startCli(['--codex', MOCK_PEER, '--static', scratch.dir, '--cwd', scratch.dir, '--token', token], cleanEnv());
    try {
      assert.equal(bridge.token, token);
      const page = await fetch(`http://127.0.0.1:${bridge.port}/threads/x`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /built app/);
      assert.match(String(page.headers.get('content-security-policy')), /frame-ancestors 'none'/);
      const { client, welcome } = await openSession(bridge.port, { token });
      assert.equal(welcome.cwd, scratch.dir);
      assert.equal(welcome.codexVersion, '0.169.0-mock');
      await client.close();
    } finally {
      await bridge.stop();
      scratch.remove();
    }
  });
});
