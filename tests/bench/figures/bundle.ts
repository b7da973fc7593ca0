/**
 * Figure 8: the production bundle in web/dist. The initial load is what index.html asks for (entry
 * scripts, modulepreloads, stylesheets) plus every static import they pull in, gzipped (zlib level 9).
 * Everything else that is code (the engine worker chunk, dynamic imports, the service worker) is
 * reported one by one as lazy.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIST } from '../lib/build.ts';
import type { Figure } from '../lib/figure.ts';
import { aim } from '../lib/report.ts';
import { bytes } from '../lib/stats.ts';

const Q = '["\'`]';
const STATIC_IMPORT = new RegExp(`(?:^|[;}\\s])(?:import|export)\\s*(?:[\\w$*{},\\s]+?\\s*from\\s*)?${Q}([^"'\`]+\\.(?:js|css))${Q}`, 'g');
const HTML_ASSET = /<(?:script|link)\b[^>]*?(?:src|href)="([^"]+\.(?:js|css))"[^>]*>/g;

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

/** Resolves an import specifier of `fromFile` (dist-relative, posix) to a dist-relative path. */
function resolveSpec(fromFile: string, spec: string): string {
  if (spec.startsWith('/')) return spec.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromFile), spec));
}

/** The entry files of index.html and their static imports, transitively (dist-relative paths). */
function initialFiles(): string[] {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const queue = [...html.matchAll(HTML_ASSET)].map((m) => resolveSpec('index.html', m[1] ?? ''));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file) || !existsSync(join(WEB_DIST, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(WEB_DIST, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(resolveSpec(file, m[1] ?? ''));
  }
  return [...seen];
}

/** Every shipped code file (dist-relative): assets/*.js|css and top-level *.js (the service worker). */
function codeFiles(): string[] {
  const assets = readdirSync(join(WEB_DIST, 'assets')).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`);
  const top = readdirSync(WEB_DIST).filter((f) => f.endsWith('.js'));
  return [...assets, ...top];
}

function describe(file: string, entryCode: string): string {
  if (file === 'sw.js') return 'service worker';
  const base = posix.basename(file);
  if (/^main-/.test(base) && entryCode.includes(base)) return 'engine worker (SharedWorker)';
  if (/^workbox-/.test(base)) return 'workbox';
  return entryCode.includes(base) ? 'lazy chunk' : 'chunk';
}

export const bundleFigure: Figure = {
  key: 'bundle',
  no: 8,
  title: 'production bundle: gzipped initial JS + CSS, and each lazy chunk',
  async run() {
    const initial = initialFiles();
    if (initial.length === 0) throw new Error('index.html names no script or stylesheet');
    const entryCode = initial.filter((f) => f.endsWith('.js')).map((f) => readFileSync(join(WEB_DIST, f), 'utf8')).join('\n');
    const initialGz = initial.reduce((n, f) => n + gz(join(WEB_DIST, f)), 0);
    const initialRaw = initial.reduce((n, f) => n + readFileSync(join(WEB_DIST, f)).length, 0);
    const lazy = codeFiles().filter((f) => !initial.includes(f));
    const htmlGz = gz(join(WEB_DIST, 'index.html'));
    const details = [
      ...initial.map((f) => `initial  ${f}: ${bytes(gz(join(WEB_DIST, f)))} gzipped (${bytes(readFileSync(join(WEB_DIST, f)).length)} raw)`),
      ...lazy.map((f) => `lazy     ${f} (${describe(f, entryCode)}): ${bytes(gz(join(WEB_DIST, f)))} gzipped (${bytes(readFileSync(join(WEB_DIST, f)).length)} raw)`),
      `index.html (with its inline CSS): ${bytes(htmlGz)} gzipped`,
    ];
    return [
      {
        name: 'bundle',
        measured: `initial JS + CSS ${bytes(initialGz)} gzipped (${bytes(initialRaw)} raw, ${initial.length} file${initial.length === 1 ? '' : 's'}); lazy ${lazy.length} files, ${bytes(lazy.reduce((n, f) => n + gz(join(WEB_DIST, f)), 0))} gzipped in all`,
        aims: [aim('initial ≤ 100 KB gzipped', initialGz <= 100 * 1024)],
        details,
      },
    ];
  },
};
