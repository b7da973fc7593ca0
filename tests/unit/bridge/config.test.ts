import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { parseConfig, normalizeOrigin, type BridgeOptions, type ConfigEnv } from '../../../bridge/src/config.ts';

const TOKEN = 'abcdefghijklmnop0123';

interface GoodCase {
  readonly name: string;
  readonly argv: readonly string[];
  readonly env?: ConfigEnv;
  readonly expect: Partial<BridgeOptions>;
}

const good: [GoodCase, ...GoodCase[]] = [
  {
    name: 'defaults',
    argv: [],
    expect: {
      action: 'run', host: '127.0.0.1', port: 3773, allowNonLoopback: false, token: null, codex: null, cwd: null,
      allowOrigins: [], staticDir: null, graceSeconds: 120, open: true, verbose: false, warnings: [],
    },
  },
  { name: '--port N', argv: ['--port', '4000'], expect: { port: 4000 } },
  { name: '--port=N', argv: ['--port=0'], expect: { port: 0 } },
  { name: 'OKCODE_PORT', argv: [], env: { OKCODE_PORT: '5000' }, expect: { port: 5000 } },
  { name: 'flag wins over env', argv: ['--port', '6000'], env: { OKCODE_PORT: '5000' }, expect: { port: 6000 } },
  { name: 'empty env var is ignored', argv: [], env: { OKCODE_PORT: '' }, expect: { port: 3773 } },
  { name: '--host localhost', argv: ['--host', 'localhost'], expect: { host: 'localhost', warnings: [] } },
  { name: '--host ::1', argv: ['--host', '::1'], expect: { host: '::1' } },
  { name: '--host 127.0.0.2 is loopback', argv: ['--host', '127.0.0.2'], expect: { host: '127.0.0.2' } },
  {
    name: 'non-loopback host with --allow-non-loopback warns',
    argv: ['--host', '0.0.0.0', '--allow-non-loopback'],
    expect: { host: '0.0.0.0', allowNonLoopback: true },
  },
  { name: '--token', argv: ['--token', TOKEN], expect: { token: TOKEN } },
  { name: 'OKCODE_TOKEN', argv: [], env: { OKCODE_TOKEN: TOKEN }, expect: { token: TOKEN } },
  { name: '--codex', argv: ['--codex', '/opt/codex'], expect: { codex: '/opt/codex' } },
  { name: 'OKCODE_CODEX', argv: [], env: { OKCODE_CODEX: '/opt/c' }, expect: { codex: '/opt/c' } },
  { name: '--cwd', argv: ['--cwd', '/work'], expect: { cwd: '/work' } },
  { name: '--static', argv: ['--static', 'dist'], expect: { staticDir: 'dist' } },
  {
    name: '--allow-origin is repeatable and normalized',
    argv: ['--allow-origin', 'https://OKCode.example/', '--allow-origin=http://localhost:5173'],
    expect: { allowOrigins: ['https://okcode.example', 'http://localhost:5173'] },
  },
  {
    name: 'OKCODE_ALLOW_ORIGIN is a comma list',
    argv: [],
    env: { OKCODE_ALLOW_ORIGIN: 'https://a.example, https://b.example:8443' },
    expect: { allowOrigins: ['https://a.example', 'https://b.example:8443'] },
  },
  {
    name: '--allow-origin replaces the env list',
    argv: ['--allow-origin', 'https://c.example'],
    env: { OKCODE_ALLOW_ORIGIN: 'https://a.example' },
    expect: { allowOrigins: ['https://c.example'] },
  },
  { name: '--grace-seconds', argv: ['--grace-seconds', '0.5'], expect: { graceSeconds: 0.5 } },
  { name: '--no-open', argv: ['--no-open'], expect: { open: false } },
  { name: '--verbose', argv: ['--verbose'], expect: { verbose: true } },
  { name: '--help', argv: ['--port', '1', '--help'], expect: { action: 'help' } },
  { name: '-h', argv: ['-h'], expect: { action: 'help' } },
  { name: '--version', argv: ['--version'], expect: { action: 'version' } },
  { name: '--help works despite a bad env value', argv: ['--help'], env: { OKCODE_PORT: 'x' }, expect: { action: 'help' } },
];

interface BadCase {
  readonly name: string;
  readonly argv: readonly string[];
  readonly env?: ConfigEnv;
  /** A fragment the one-line message must contain. */
  readonly says: string;
}

const bad: [BadCase, ...BadCase[]] = [
  { name: 'unknown flag', argv: ['--frobnicate'], says: 'unknown option --frobnicate' },
  { name: 'stray argument', argv: ['serve'], says: 'unexpected argument "serve"' },
  { name: 'missing value', argv: ['--port'], says: '--port needs a value' },
  { name: 'port not a number', argv: ['--port', 'abc'], says: '--port expects an integer from 0 to 65535' },
  { name: 'port too large', argv: ['--port', '70000'], says: '--port expects an integer' },
  { name: 'negative port', argv: ['--port=-1'], says: '--port expects an integer' },
  { name: 'bad OKCODE_PORT', argv: [], env: { OKCODE_PORT: '12x' }, says: 'OKCODE_PORT expects an integer' },
  { name: 'host with scheme', argv: ['--host', 'http://x'], says: '--host expects a host name or IP address' },
  { name: 'non-loopback host', argv: ['--host', '0.0.0.0'], says: 'pass --allow-non-loopback' },
  { name: 'short token', argv: ['--token', 'short'], says: '--token expects 16 to 256 characters' },
  { name: 'token with bad characters', argv: ['--token', 'abcdefghijklmnop!'], says: '--token expects' },
  { name: 'bad OKCODE_TOKEN', argv: [], env: { OKCODE_TOKEN: 'nope' }, says: 'OKCODE_TOKEN expects' },
  { name: 'origin with a path', argv: ['--allow-origin', 'https://a.example/app'], says: '--allow-origin expects an origin' },
  { name: 'origin not a URL', argv: ['--allow-origin', 'a.example'], says: '--allow-origin expects an origin' },
  { name: 'origin with another scheme', argv: ['--allow-origin', 'ftp://a.example'], says: '--allow-origin expects' },
  { name: 'bad env origin', argv: [], env: { OKCODE_ALLOW_ORIGIN: 'nope' }, says: 'OKCODE_ALLOW_ORIGIN expects' },
  { name: 'grace not a number', argv: ['--grace-seconds', 'soon'], says: '--grace-seconds expects a number' },
  { name: 'grace too long', argv: ['--grace-seconds', '100000'], says: '--grace-seconds expects' },
  { name: 'value on a switch', argv: ['--no-open=yes'], says: '--no-open does not take a value' },
  { name: 'empty --codex', argv: ['--codex='], says: '--codex expects a path' },
];

suite('parseConfig', () => {
  for (const c of good) {
    test(`accepts ${c.name}`, () => {
      const r = parseConfig(c.argv, c.env ?? {});
      assert.ok(r.ok, r.ok ? '' : r.message);
      for (const [key, value] of Object.entries(c.expect)) {
        assert.deepEqual(r.config[key as keyof BridgeOptions], value, key);
      }
    });
  }

  for (const c of bad) {
    test(`rejects ${c.name} with one line and exit code 2`, () => {
      const r = parseConfig(c.argv, c.env ?? {});
      assert.equal(r.ok, false);
      if (r.ok) return;
      assert.equal(r.exitCode, 2);
      assert.ok(r.message.startsWith('okcode-bridge: '), r.message);
      assert.ok(r.message.includes(c.says), r.message);
      assert.ok(!r.message.includes('\n'), 'one line');
    });
  }

  test('warns when listening on a non-loopback host', () => {
    const r = parseConfig(['--host', '192.168.1.5', '--allow-non-loopback'], {});
    assert.ok(r.ok);
    assert.equal(r.config.warnings.length, 1);
    assert.match(r.config.warnings[0] ?? '', /exposes the bridge to the network/);
  });

  test('never echoes a rejected token', () => {
    const secret = 'almost-a-good-token!';
    const r = parseConfig(['--token', secret], {});
    assert.equal(r.ok, false);
    assert.ok(!r.ok && !r.message.includes(secret));
  });
});

suite('normalizeOrigin', () => {
  const cases: [string, string | null][] = [
    ['https://Example.COM', 'https://example.com'],
    ['https://example.com:443/', 'https://example.com'],
    ['http://127.0.0.1:5173', 'http://127.0.0.1:5173'],
    ['http://[::1]:3000', 'http://[::1]:3000'],
    ['https://example.com/path', null],
    ['https://example.com/?q=1', null],
    ['https://user:pw@example.com', null],
    ['file:///etc', null],
    ['', null],
  ];
  for (const [input, expected] of cases) {
    test(`${JSON.stringify(input)} → ${String(expected)}`, () => assert.equal(normalizeOrigin(input), expected));
  }
});
