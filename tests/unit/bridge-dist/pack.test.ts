/**
 * Distribution, for real: `npm pack` of bridge/ yields a package with the built PWA inside; installed
 * from the tarball into an empty directory outside the repository, `okcode-bridge` (and `npx
 * okcode-bridge`) runs, serves the PWA with its security headers and relays to the real codex.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { REAL_CODEX, cleanEnv, startCli } from '../bridge/cli-harness.ts';
import { REPO_ROOT, openSession } from '../bridge/harness.ts';

const BRIDGE_DIR = join(REPO_ROOT, 'bridge');
const WEB_INDEX = join(REPO_ROOT, 'web/dist/index.html');

/** The environment for npm itself, without what an outer `npm run` exported (it would steer the inner npm). */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.toLowerCase().startsWith('npm_')) delete env[k];
  return env;
}

function npm(args: string[], cwd: string): string {
  const r = spawnSync('npm', args, { cwd, env: npmEnv(), encoding: 'utf8', timeout: 180_000 });
  assert.equal(r.status, 0, `npm ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

interface PackResult {
  readonly filename: string;
  readonly files: readonly { path: string }[];
}

suite('okcode-bridge package', { skip: !existsSync(REAL_CODEX) }, () => {
  const scratch = mkdtempSync(join(tmpdir(), 'okc-pack-'));
  const installDir = join(scratch, 'empty-project');
  let packed: PackResult;

  before(() => {
    // why: a test must not skip silently; without a built PWA there is nothing to ship, so build it.
    if (!existsSync(WEB_INDEX)) npm(['run', 'build:web'], REPO_ROOT);
    const out = npm(['pack', '--json', '--pack-destination', scratch], BRIDGE_DIR);
    const parsed = JSON.parse(out) as PackResult[];
    assert.equal(parsed.length, 1);
    packed = parsed[0] as PackResult;
  });
  after(() => rmSync(scratch, { recursive: true, force: true }));

  test('the tarball holds the CLI bundle and the built PWA, and nothing from the sources', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['package.json', 'README.md', 'bin/okcode-bridge.js', 'dist/cli.js', 'dist/web/index.html', 'dist/web/sw.js']) {
      assert.ok(paths.includes(p), `${p} is packed`);
    }
    assert.ok(paths.some((p) => /^dist\/web\/assets\/.+\.js$/.test(p)), 'the PWA\'s scripts are packed');
    assert.deepEqual(paths.filter((p) => /^(src|scripts)\//.test(p) || p.endsWith('.ts')), []);
    assert.ok(!existsSync(join(BRIDGE_DIR, 'dist/web')), 'postpack removed dist/web from the checkout');
  });

  test('prepack refuses, with the fix, when the PWA was not built', () => {
    // A copy of the bridge's scripts in a tree without web/dist.
    const fake = join(scratch, 'unbuilt/bridge/scripts');
    mkdirSync(fake, { recursive: true });
    copyFileSync(join(BRIDGE_DIR, 'scripts/prepack.mjs'), join(fake, 'prepack.mjs'));
    const r = spawnSync(process.execPath, [join(fake, 'prepack.mjs')], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^okcode-bridge prepack: the built PWA is missing \(.*\/unbuilt\/web\/dist\/index\.html\)\.\nRun "npm run build:web" in the repository root, then pack again\.\n$/);
  });

  test('installs into an empty directory with ws as its only dependency, and runs', async () => {
    mkdirSync(installDir);
    npm(['init', '-y'], installDir); // why: an empty dir makes npm look for a project in its parents
    npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(scratch, packed.filename)], installDir);
    const pkgDir = join(installDir, 'node_modules/okcode-bridge');
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.dependencies), ['ws']);

    const version = spawnSync('npx', ['--no-install', 'okcode-bridge', '--version'], { cwd: installDir, env: npmEnv(), encoding: 'utf8' });
    assert.equal(version.stdout, `${pkg.version}\n`, '`npx okcode-bridge` runs the installed package');

    const home = join(scratch, 'codex-home');
    mkdirSync(home);
    const bin = join(installDir, 'node_modules/.bin/okcode-bridge');
    const bridge = await startCli(['--codex', REAL_CODEX], cleanEnv(scratch, { CODEX_HOME: home }), installDir, [bin]);
    try {
      const page = await fetch(`http://127.0.0.1:${bridge.port}/`);
      assert.equal(page.status, 200);
      assert.equal(await page.text(), readFileSync(WEB_INDEX, 'utf8'), 'serves the packed PWA\'s index.html');
      assert.match(String(page.headers.get('content-security-policy')), /^default-src 'self'; script-src 'self';/);
      assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
      const { client, welcome } = await openSession(bridge.port, { token: bridge.token });
      assert.equal(welcome.bridgeVersion, pkg.version);
      assert.equal(welcome.codexVersion, '0.169.0');
      assert.equal(welcome.cwd, installDir);
      await client.close();
    } finally {
      await bridge.stop();
    }
    assert.deepEqual(await bridge.exited, { code: 0, signal: null });
  });
});
