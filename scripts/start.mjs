// `npm start`: builds what is missing or stale, then runs okcode-bridge in the directory npm was
// started from (INIT_CWD), with the pinned codex from node_modules/.bin on PATH (npm puts it there).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

function stale(output, ...sources) {
  if (!existsSync(output)) return true;
  const built = statSync(output).mtimeMs;
  return sources.some((s) => newest(join(root, s)) > built);
}

function run(script) {
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (stale(join(root, 'bridge/dist/cli.js'), 'bridge/src', 'protocol')) run('build:bridge');
if (stale(join(root, 'web/dist/index.html'), 'web/src', 'web/public', 'protocol')) run('build:web');

const cwd = process.env.INIT_CWD ?? process.cwd();
const child = spawn(process.execPath, [join(root, 'bridge/bin/okcode-bridge.js'), '--cwd', cwd, ...process.argv.slice(2)], {
  cwd,
  stdio: 'inherit',
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
