import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import {
  CODEX_FRAME_FULL_CHECK_BYTES,
  CODEX_MAX_INBOUND_BYTES,
  isCodexObject,
  readClientFrame,
  rpcFrame,
  type ClientAction,
} from '../../../bridge/src/frames.ts';

suite('rpcFrame', () => {
  test('wraps codex text without touching it', () => {
    const raw = '{"method":"x","params":{"s":"a\\nb"},"emittedAtMs":1}';
    const frame = rpcFrame(7, Buffer.from(raw)).toString();
    assert.equal(frame, `{"type":"rpc","seq":7,"msg":${raw}}`);
    assert.deepEqual(JSON.parse(frame), { type: 'rpc', seq: 7, msg: JSON.parse(raw) });
  });
});

suite('readClientFrame', () => {
  interface Case {
    readonly name: string;
    readonly given: string;
    readonly binary?: boolean;
    readonly expect: ClientAction['kind'];
    readonly code?: string;
    readonly text?: string;
  }
  const cases: [Case, ...Case[]] = [
    { name: 'rpc is re-serialized', given: '{ "type":"rpc",\n "msg": {"id":1,\n"method":"m"} }', expect: 'rpc', text: '{"id":1,"method":"m"}' },
    {
      name: 'a newline inside a string stays inside one JSON value',
      given: JSON.stringify({ type: 'rpc', msg: { id: 1, method: 'm', params: { t: 'a\n{"id":2}' } } }),
      expect: 'rpc',
      text: '{"id":1,"method":"m","params":{"t":"a\\n{\\"id\\":2}"}}',
    },
    { name: 'ack', given: '{"type":"ack","seq":12}', expect: 'ack' },
    { name: 'not JSON', given: '{nope', expect: 'reject', code: 'OKC_BRIDGE_FRAME_NOT_JSON' },
    { name: 'two values', given: '{"type":"ack","seq":1}\n{"type":"ack","seq":2}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_NOT_JSON' },
    { name: 'an array', given: '[1]', expect: 'reject', code: 'OKC_BRIDGE_FRAME_INVALID' },
    { name: 'rpc without an object msg', given: '{"type":"rpc","msg":5}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_INVALID' },
    { name: 'unknown type', given: '{"type":"hello"}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_INVALID' },
    { name: 'ack with a fraction', given: '{"type":"ack","seq":1.5}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_INVALID' },
    { name: 'binary frame', given: '{"type":"ack","seq":1}', binary: true, expect: 'reject', code: 'OKC_BRIDGE_FRAME_INVALID' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = readClientFrame(Buffer.from(c.given), c.binary ?? false);
      assert.equal(r.kind, c.expect);
      if (r.kind === 'reject') assert.equal(r.code, c.code);
      if (r.kind === 'rpc') assert.equal(r.text, c.text);
    });
  }

  test('refuses an rpc that re-serializes beyond codex\'s limit', () => {
    // 4 bytes each on the wire, 11 bytes each after JSON.stringify.
    const n = Math.ceil(CODEX_MAX_INBOUND_BYTES / 10);
    const given = `{"type":"rpc","msg":{"id":1,"method":"m","params":[${Array(n).fill('1e9').join(',')}]}}`;
    const r = readClientFrame(Buffer.from(given), false);
    assert.equal(r.kind, 'reject');
    assert.equal(r.kind === 'reject' && r.code, 'OKC_BRIDGE_FRAME_TOO_LARGE');
  });
});

suite('isCodexObject', () => {
  const cases: [string, boolean][] = [
    ['{"id":1,"result":{}}', true],
    ['  {"method":"x"}\n', true],
    ['{}', true],
    ['', false],
    ['   ', false],
    ['not json', false],
    ['[1,2]', false],
    ['"text"', false],
    ['null', false],
    ['{"id":', false],
    ['{"a":1} {"b":2}', false],
    ['}{', false],
    ['{', false],
  ];
  for (const [text, ok] of cases) test(`${JSON.stringify(text)} → ${ok}`, () => assert.equal(isCodexObject(Buffer.from(text)), ok));

  test('a frame above the full-check size only needs its braces (documented trade-off)', () => {
    const big = Buffer.from(`{"pad":"${'x'.repeat(CODEX_FRAME_FULL_CHECK_BYTES)}", oops}`);
    assert.equal(isCodexObject(big), true);
    assert.equal(isCodexObject(Buffer.from(`[${'1,'.repeat(CODEX_FRAME_FULL_CHECK_BYTES)}1]`)), false);
  });
});
