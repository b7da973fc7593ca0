import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { checkUpgrade, type AccessPolicy, type UpgradeDecision, type UpgradeRequest } from '../../../bridge/src/upgrade-auth.ts';

const TOKEN = 'secret-token-0123456789';
const policy: AccessPolicy = { host: '127.0.0.1', port: 3773, token: TOKEN, allowOrigins: ['https://okcode.example'] };

function req(headers: Record<string, string | undefined>, url = '/ws'): UpgradeRequest {
  const base: Record<string, string | undefined> = {
    host: '127.0.0.1:3773',
    origin: 'http://127.0.0.1:3773',
    'sec-websocket-protocol': `okcode.v1, okcode.token.${TOKEN}`,
  };
  return { headers: { ...base, ...headers }, url };
}

interface Case {
  readonly name: string;
  readonly given: UpgradeRequest;
  readonly policy?: AccessPolicy;
  readonly expect: UpgradeDecision;
}

const allowed: UpgradeDecision = { ok: true, resume: null };

const cases: [Case, ...Case[]] = [
  { name: 'allows the bridge origin with the token', given: req({}), expect: allowed },
  { name: 'allows localhost', given: req({ host: 'localhost:3773', origin: 'http://localhost:3773' }), expect: allowed },
  { name: 'allows [::1]', given: req({ host: '[::1]:3773', origin: 'http://[::1]:3773' }), expect: allowed },
  { name: 'allows an --allow-origin entry', given: req({ origin: 'https://okcode.example' }), expect: allowed },
  { name: 'ignores Host case', given: req({ host: 'LOCALHOST:3773' }), expect: allowed },
  {
    name: 'allows the configured non-loopback host',
    given: req({ host: '192.168.1.5:3773', origin: 'http://192.168.1.5:3773' }),
    policy: { ...policy, host: '192.168.1.5' },
    expect: allowed,
  },
  {
    name: 'denies a rebinding Host',
    given: req({ host: 'evil.example:3773' }),
    expect: { ok: false, status: 403, code: 'OKC_BRIDGE_HOST_DENIED' },
  },
  {
    name: 'denies a loopback Host with the wrong port',
    given: req({ host: '127.0.0.1:9999' }),
    expect: { ok: false, status: 403, code: 'OKC_BRIDGE_HOST_DENIED' },
  },
  { name: 'denies a missing Host', given: req({ host: undefined }), expect: { ok: false, status: 403, code: 'OKC_BRIDGE_HOST_DENIED' } },
  {
    name: 'denies a foreign Origin',
    given: req({ origin: 'https://evil.example' }),
    expect: { ok: false, status: 403, code: 'OKC_BRIDGE_ORIGIN_DENIED' },
  },
  {
    name: 'denies a loopback Origin on another port',
    given: req({ origin: 'http://127.0.0.1:5173' }),
    expect: { ok: false, status: 403, code: 'OKC_BRIDGE_ORIGIN_DENIED' },
  },
  { name: 'denies a missing Origin', given: req({ origin: undefined }), expect: { ok: false, status: 403, code: 'OKC_BRIDGE_ORIGIN_DENIED' } },
  { name: 'denies the null Origin', given: req({ origin: 'null' }), expect: { ok: false, status: 403, code: 'OKC_BRIDGE_ORIGIN_DENIED' } },
  {
    name: 'checks the Origin before the token',
    given: req({ origin: 'https://evil.example', 'sec-websocket-protocol': 'okcode.v1' }),
    expect: { ok: false, status: 403, code: 'OKC_BRIDGE_ORIGIN_DENIED' },
  },
  {
    name: 'denies a missing token',
    given: req({ 'sec-websocket-protocol': 'okcode.v1' }),
    expect: { ok: false, status: 401, code: 'OKC_BRIDGE_TOKEN_MISSING' },
  },
  {
    name: 'denies no subprotocol header at all',
    given: req({ 'sec-websocket-protocol': undefined }),
    expect: { ok: false, status: 401, code: 'OKC_BRIDGE_TOKEN_MISSING' },
  },
  {
    name: 'denies a wrong token',
    given: req({ 'sec-websocket-protocol': 'okcode.v1, okcode.token.wrong-token-0123456789' }),
    expect: { ok: false, status: 401, code: 'OKC_BRIDGE_TOKEN_INVALID' },
  },
  {
    name: 'denies a prefix of the token',
    given: req({ 'sec-websocket-protocol': `okcode.v1, okcode.token.${TOKEN.slice(0, -1)}` }),
    expect: { ok: false, status: 401, code: 'OKC_BRIDGE_TOKEN_INVALID' },
  },
  {
    name: 'denies an empty token',
    given: req({ 'sec-websocket-protocol': 'okcode.v1, okcode.token.' }),
    expect: { ok: false, status: 401, code: 'OKC_BRIDGE_TOKEN_INVALID' },
  },
  {
    name: 'reads resume parameters',
    given: req({}, '/ws?session=0123456789abcdef0123456789abcdef&after=42'),
    expect: { ok: true, resume: { sessionId: '0123456789abcdef0123456789abcdef', after: 42 } },
  },
  {
    name: 'a session without after resumes from the start',
    given: req({}, '/ws?session=0123456789abcdef0123456789abcdef'),
    expect: { ok: true, resume: { sessionId: '0123456789abcdef0123456789abcdef', after: 0 } },
  },
  {
    name: 'a malformed after matches no session',
    given: req({}, '/ws?session=0123456789abcdef0123456789abcdef&after=-3'),
    expect: { ok: true, resume: { sessionId: '', after: 0 } },
  },
  {
    name: 'a malformed session id matches no session',
    given: req({}, '/ws?session=../../etc&after=1'),
    expect: { ok: true, resume: { sessionId: '', after: 0 } },
  },
];

suite('checkUpgrade', () => {
  for (const c of cases) {
    test(c.name, () => assert.deepEqual(checkUpgrade(c.given, c.policy ?? policy), c.expect));
  }

  test('never puts the token in a decision', () => {
    const d = checkUpgrade(req({ 'sec-websocket-protocol': 'okcode.v1, okcode.token.wrong-token-0123456789' }), policy);
    assert.ok(!JSON.stringify(d).includes(TOKEN));
  });
});
