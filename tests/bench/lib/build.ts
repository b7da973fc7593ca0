/** Builds the bridge bundle and the PWA when either is missing, as `npm start` does. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './procs.ts';

/**
 * The built PWA the browser figures load: web/dist, or OKC_BENCH_WEB_DIST (a build of its own, e.g.
 * `npx vite build --outDir /tmp/a`, so that an A/B comparison is not changed under it by another build).
 */
export const WEB_DIST = process.env['OKC_BENCH_WEB_DIST'] || join(REPO_ROOT, 'web', 'dist');

/** Runs `npm run build` if bridge/dist/cli.js or web/dist/index.html is missing; true when it built. */
export function ensureBuilt(): boolean {
  const bridge = join(REPO_ROOT, 'bridge', 'dist', 'cli.js');
  const web = join(WEB_DIST, 'index.html');
  if (existsSync(bridge) && existsSync(web)) return false;
  process.stdout.write('building (bridge/dist or web/dist is missing): npm run build\n');
  const r = spawnSync('npm', ['run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm run build failed (${String(r.status ?? r.signal)})`);
  return true;
}
