/**
 * Serves the built PWA from one directory: GET/HEAD only, no listings, no way out of the directory,
 * SPA fallback to index.html for extension-less app routes.
 */
import { createReadStream, promises as fs, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

/** Where a request path leads. Computed from the URL alone. */
export type StaticTarget =
  | { readonly kind: 'file'; readonly relPath: string }
  | { readonly kind: 'app-route' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'bad-request' };

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Classifies a request URL. Rejects anything that could climb out of the root: `..` or `.` segments
 * (raw or percent-encoded), encoded slashes and backslashes, NUL bytes and undecodable escapes.
 * `/` and extension-less paths that are not files are app routes (→ index.html).
 */
export function classifyPath(rawUrl: string): StaticTarget {
  const pathname = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!pathname.startsWith('/') || /%2e|%2f|%5c|%00|\\|\0/i.test(pathname)) return { kind: 'bad-request' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad-request' };
  }
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\0'))) return { kind: 'bad-request' };
  if (decoded === '/' || decoded.endsWith('/')) return { kind: 'app-route' };
  // why: hidden files (.env, .git) never belong to a built PWA; treat them as absent.
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'not-found' };
  return { kind: 'file', relPath: segments.join('/') };
}

/** Content-Type for a file name; `application/octet-stream` for unknown extensions. */
export function contentTypeFor(relPath: string): string {
  return CONTENT_TYPES[extname(relPath).toLowerCase()] ?? 'application/octet-stream';
}

/** Cache-Control: hashed `/assets/*` are immutable; everything else (index.html, sw.js, manifest) revalidates. */
export function cacheControlFor(relPath: string): string {
  return relPath.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/**
 * Answers one GET/HEAD request from `root`. `headers` (security headers) go on every response.
 * Missing files with an extension → 404; missing extension-less paths → index.html; no index.html →
 * 503 with a hint to build the PWA.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const target = classifyPath(req.url ?? '/');
  if (target.kind === 'bad-request') return sendText(res, 400, 'Bad request', headers);
  if (target.kind === 'not-found') return sendText(res, 404, 'Not found', headers);
  const rootReal = await realpathOrNull(resolve(root));
  if (rootReal === null) return sendNotBuilt(res, headers);
  if (target.kind === 'file') {
    const file = await statInside(rootReal, target.relPath);
    if (file !== null) return sendFile(req, res, file, target.relPath, headers);
    if (extname(target.relPath) !== '') return sendText(res, 404, 'Not found', headers);
  }
  const index = await statInside(rootReal, 'index.html');
  if (index === null) return sendNotBuilt(res, headers);
  return sendFile(req, res, index, 'index.html', headers);
}

interface FoundFile {
  readonly path: string;
  readonly stats: Stats;
}

async function statInside(rootReal: string, relPath: string): Promise<FoundFile | null> {
  // why: realpath defeats symlinks that point outside the root; the prefix check is the real guard.
  const real = await realpathOrNull(resolve(rootReal, relPath));
  if (real === null || !real.startsWith(rootReal + sep)) return null;
  const stats = await fs.stat(real).catch(() => null);
  return stats !== null && stats.isFile() ? { path: real, stats } : null;
}

async function realpathOrNull(p: string): Promise<string | null> {
  return fs.realpath(p).catch(() => null);
}

function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: FoundFile,
  relPath: string,
  headers: Readonly<Record<string, string>>,
): void {
  const etag = `W/"${file.stats.size.toString(16)}-${Math.floor(file.stats.mtimeMs).toString(16)}"`;
  const common = { ...headers, 'Cache-Control': cacheControlFor(relPath), ETag: etag };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, common).end();
    return;
  }
  res.writeHead(200, { ...common, 'Content-Type': contentTypeFor(relPath), 'Content-Length': file.stats.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

function sendNotBuilt(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  sendText(
    res,
    503,
    'OK Code is not built yet: the bridge found no index.html to serve.\n' +
      'Run `npm run build` in the okcode repository (or pass --static DIR), then reload this page.\n',
    headers,
  );
}

/** Plain-text response with the given headers; used for errors and denials. */
export function sendText(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Readonly<Record<string, string>>,
): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}
