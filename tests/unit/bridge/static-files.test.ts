import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import { createBridgeServer, listen } from '../../../bridge/src/http-server.ts';
import { classifyPath, type StaticTarget } from '../../../bridge/src/static-files.ts';
import type { AccessPolicy } from '../../../bridge/src/upgrade-auth.ts';
import { scratchDir } from './harness.ts';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

function get(port: number, path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((done, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function serve(staticDir: string): Promise<{ server: Server; port: number }> {
  let policy: AccessPolicy | null = null;
  const server = createBridgeServer({ staticDir, policy: () => policy, onUpgrade: (_r, socket) => socket.destroy() });
  const port = await listen(server, '127.0.0.1', 0);
  policy = { host: '127.0.0.1', port, token: 'x'.repeat(16), allowOrigins: ['https://okcode.example'] };
  return { server, port };
}

suite('classifyPath', () => {
  const cases: [string, StaticTarget][] = [
    ['/', { kind: 'app-route' }],
    ['/threads/abc/', { kind: 'app-route' }],
    ['/index.html', { kind: 'file', relPath: 'index.html' }],
    ['/assets/app-1234.js?v=1', { kind: 'file', relPath: 'assets/app-1234.js' }],
    ['/a%20b.txt', { kind: 'file', relPath: 'a b.txt' }],
    ['/../etc/passwd', { kind: 'bad-request' }],
    ['/assets/../../secret', { kind: 'bad-request' }],
    ['/%2e%2e/secret', { kind: 'bad-request' }],
    ['/%2E%2E%2Fsecret', { kind: 'bad-request' }],
    ['/assets/%2e%2e%2f%2e%2e%2fsecret', { kind: 'bad-request' }],
    ['/..%5csecret', { kind: 'bad-request' }],
    ['/a\\..\\secret', { kind: 'bad-request' }],
    ['/index.html%00.png', { kind: 'bad-request' }],
    ['/%E0%A4%A', { kind: 'bad-request' }],
    ['http://evil.example/x', { kind: 'bad-request' }],
    ['/.env', { kind: 'not-found' }],
    ['/assets/.git/config', { kind: 'not-found' }],
  ];
  for (const [url, expected] of cases) test(`${url}`, () => assert.deepEqual(classifyPath(url), expected));
});

suite('static file server', () => {
  const scratch = scratchDir('okc-static-');
  const root = join(scratch.dir, 'web');
  let server: Server;
  let port = 0;

  before(async () => {
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>OK Code</title>');
    writeFileSync(join(root, 'sw.js'), 'self.x = 1;');
    writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"OK Code"}');
    writeFileSync(join(root, 'assets', 'app-abc123.js'), 'export const x = 1;');
    writeFileSync(join(root, 'assets', 'style-abc123.css'), 'body{}');
    writeFileSync(join(root, 'icon.svg'), '<svg/>');
    writeFileSync(join(root, 'icon.png'), 'png');
    writeFileSync(join(root, 'font.woff2'), 'w');
    writeFileSync(join(scratch.dir, 'secret.txt'), 'TOP SECRET');
    symlinkSync(join(scratch.dir, 'secret.txt'), join(root, 'link.txt'));
    ({ server, port } = await serve(root));
  });
  after(() => {
    server.close();
    scratch.remove();
  });

  test('serves index.html at / with no-cache and the security headers', async () => {
    const r = await get(port, '/');
    assert.equal(r.status, 200);
    assert.match(r.body, /OK Code/);
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(r.headers['cache-control'], 'no-cache');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.equal(r.headers['referrer-policy'], 'no-referrer');
    assert.equal(r.headers['cross-origin-opener-policy'], 'same-origin');
    const csp = String(r.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
      "form-action 'none'", `connect-src 'self' ws://127.0.0.1:${port}`, "worker-src 'self'", "manifest-src 'self'",
    ]) {
      assert.ok(csp.includes(directive), `CSP lacks ${directive}: ${csp}`);
    }
  });

  test('falls back to index.html for app routes', async () => {
    const r = await get(port, '/threads/0199-abc');
    assert.equal(r.status, 200);
    assert.match(r.body, /OK Code/);
  });

  test('answers 404 for a missing file with an extension', async () => {
    const r = await get(port, '/assets/missing.js');
    assert.equal(r.status, 404);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
  });

  const types: [string, string, string][] = [
    ['/assets/app-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/style-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/sw.js', 'text/javascript; charset=utf-8', 'no-cache'],
    ['/manifest.webmanifest', 'application/manifest+json', 'no-cache'],
    ['/icon.svg', 'image/svg+xml', 'no-cache'],
    ['/icon.png', 'image/png', 'no-cache'],
    ['/font.woff2', 'font/woff2', 'no-cache'],
  ];
  for (const [path, type, cache] of types) {
    test(`serves ${path} as ${type}`, async () => {
      const r = await get(port, path);
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-type'], type);
      assert.equal(r.headers['cache-control'], cache);
    });
  }

  const escapes = [
    '/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt',
    '/assets/..%252f..%252fsecret.txt', '/secret.txt%00.html', '/link.txt', '/%c0%ae%c0%ae/secret.txt',
    '/assets/%252e%252e/%252e%252e/secret.txt', '/.%2e/secret.txt', `/${join(scratch.dir, 'secret.txt')}`,
  ];
  for (const path of escapes) {
    test(`never serves a file outside the root: ${path}`, async () => {
      const r = await get(port, path);
      assert.ok(!r.body.includes('TOP SECRET'), `${path} leaked: ${r.status}`);
      assert.ok(r.status === 400 || r.status === 404, `status ${r.status}`);
    });
  }

  test('lists no directories', async () => {
    const r = await get(port, '/assets/');
    assert.ok(!r.body.includes('app-abc123.js'));
  });

  test('answers HEAD without a body', async () => {
    const r = await get(port, '/sw.js', { method: 'HEAD' });
    assert.equal(r.status, 200);
    assert.equal(r.body, '');
    assert.equal(r.headers['content-length'], String('self.x = 1;'.length));
  });

  test('revalidates with the ETag', async () => {
    const first = await get(port, '/sw.js');
    const second = await get(port, '/sw.js', { headers: { 'If-None-Match': String(first.headers.etag) } });
    assert.equal(second.status, 304);
  });

  test('refuses other methods', async () => {
    const r = await get(port, '/', { method: 'POST' });
    assert.equal(r.status, 405);
    assert.equal(r.headers.allow, 'GET, HEAD');
  });

  test('refuses a foreign Host (DNS rebinding) with 403', async () => {
    const r = await get(port, '/', { headers: { Host: `evil.example:${port}` } });
    assert.equal(r.status, 403);
    assert.equal(r.body, 'OKC_BRIDGE_HOST_DENIED');
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.ok(!r.body.includes('OK Code'));
  });

  test('accepts localhost as Host', async () => {
    assert.equal((await get(port, '/', { headers: { Host: `localhost:${port}` } })).status, 200);
  });

  test('answers a Private Network Access preflight from an allowed origin', async () => {
    const r = await get(port, '/ws', {
      method: 'OPTIONS',
      headers: { Origin: 'https://okcode.example', 'Access-Control-Request-Private-Network': 'true' },
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers['access-control-allow-private-network'], 'true');
    assert.equal(r.headers['access-control-allow-origin'], 'https://okcode.example');
  });

  test('answers a Private Network Access preflight from the bridge\'s own origin', async () => {
    const r = await get(port, '/', {
      method: 'OPTIONS',
      headers: { Origin: `http://127.0.0.1:${port}`, 'Access-Control-Request-Private-Network': 'true' },
    });
    assert.equal(r.status, 204);
    assert.equal(r.headers['access-control-allow-origin'], `http://127.0.0.1:${port}`);
  });

  const refusedPreflights: { name: string; headers: Record<string, string>; body: string }[] = [
    { name: 'without the PNA header', headers: { Origin: 'https://okcode.example' }, body: 'OKC_BRIDGE_ORIGIN_DENIED' },
    { name: 'without an Origin', headers: { 'Access-Control-Request-Private-Network': 'true' }, body: 'OKC_BRIDGE_ORIGIN_DENIED' },
    {
      name: 'from an allowed origin through a rebinding Host',
      headers: { Origin: 'https://okcode.example', 'Access-Control-Request-Private-Network': 'true', Host: 'evil.example' },
      body: 'OKC_BRIDGE_HOST_DENIED',
    },
  ];
  for (const c of refusedPreflights) {
    test(`refuses a preflight ${c.name}`, async () => {
      const r = await get(port, '/ws', { method: 'OPTIONS', headers: c.headers });
      assert.equal(r.status, 403);
      assert.equal(r.body, c.body);
      assert.equal(r.headers['access-control-allow-private-network'], undefined);
      assert.equal(r.headers['access-control-allow-origin'], undefined);
    });
  }

  test('refuses a Private Network Access preflight from a foreign origin', async () => {
    const r = await get(port, '/ws', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Private-Network': 'true' },
    });
    assert.equal(r.status, 403);
    assert.equal(r.headers['access-control-allow-private-network'], undefined);
    assert.equal(r.headers['access-control-allow-origin'], undefined);
  });
});

suite('static file server without a build', () => {
  test('answers 503 with a hint to build', async () => {
    const scratch = scratchDir('okc-nostatic-');
    const { server, port } = await serve(join(scratch.dir, 'missing'));
    try {
      const r = await get(port, '/');
      assert.equal(r.status, 503);
      assert.match(r.body, /npm run build/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    } finally {
      server.close();
      scratch.remove();
    }
  });
});
