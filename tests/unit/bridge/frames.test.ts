import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import {
  BROWSER_MAX_PAYLOAD_BYTES,
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
    { name: 'the engine\'s layout is forwarded byte for byte', given: '{"type":"rpc","msg":{"id":1e0, "method":"m"} }\n', expect: 'rpc', text: '{"id":1e0, "method":"m"} ' },
    { name: 'the engine\'s layout with a second member after msg', given: '{"type":"rpc","msg":{"id":1},"msg":{"id":2}}', expect: 'rpc', text: '{"id":2}' },
    { name: 'the engine\'s layout with two values in msg', given: '{"type":"rpc","msg":{"id":1}{"id":2}}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_NOT_JSON' },
    { name: 'the engine\'s layout with an array msg', given: '{"type":"rpc","msg":[{"id":1}]}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_INVALID' },
    { name: 'the engine\'s layout, cut short', given: '{"type":"rpc","msg":{"id":1}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_NOT_JSON' },
    { name: 'the engine\'s layout with a raw newline in a string', given: '{"type":"rpc","msg":{"t":"a\n{}"}}', expect: 'reject', code: 'OKC_BRIDGE_FRAME_NOT_JSON' },
    { name: 'the engine\'s layout with a member after msg', given: '{"type":"rpc","msg":{"id":1},"x":2}', expect: 'rpc', text: '{"id":1}' },
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
      if (r.kind === 'rpc') assert.equal(r.payload.toString(), c.text);
    });
  }

  test('refuses an rpc that re-serializes beyond codex\'s limit', () => {
    // 4 bytes each on the wire, 11 bytes each after JSON.stringify.
    const n = Math.ceil(CODEX_MAX_INBOUND_BYTES / 10);
    // The space after the first brace leaves the engine's layout, so the frame is parsed and re-serialized.
    const given = `{ "type":"rpc","msg":{"id":1,"method":"m","params":[${Array(n).fill('1e9').join(',')}]}}`;
    const r = readClientFrame(Buffer.from(given), false);
    assert.equal(r.kind, 'reject');
    assert.equal(r.kind === 'reject' && r.code, 'OKC_BRIDGE_FRAME_TOO_LARGE');
  });
});

test('refuses an rpc nested too deeply to re-serialize, instead of throwing (it stopped the bridge)', () => {
  const depth = 100_000;
  // The space after the first brace leaves the engine's layout, so the frame is parsed and re-serialized.
  const given = `{ "type":"rpc","msg":{"a":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
  const r = readClientFrame(Buffer.from(given), false);
  assert.equal(r.kind === 'reject' && r.code, 'OKC_BRIDGE_FRAME_INVALID');
});

suite('readClientFrame fast path', () => {
  test('forwards an rpc in the engine\'s layout without re-serializing, so it cannot grow past codex\'s limit', () => {
    // 4 bytes each on the wire, 11 bytes each after JSON.stringify: forwarded as sent, it stays under the cap.
    const n = Math.floor((BROWSER_MAX_PAYLOAD_BYTES - 100) / 4);
    const given = Buffer.from(`{"type":"rpc","msg":{"id":1,"method":"m","params":[${Array(n).fill('1e9').join(',')}]}}`);
    const r = readClientFrame(given, false);
    assert.equal(r.kind, 'rpc');
    assert.ok(r.kind === 'rpc' && r.payload.length < CODEX_MAX_INBOUND_BYTES);
    assert.ok(r.kind === 'rpc' && r.payload.equals(given.subarray('{"type":"rpc","msg":'.length, given.length - 1)));
  });

  test('agrees with JSON.parse on mutated frames: whatever is forwarded is exactly one JSON object', () => {
    const seeds = [
      JSON.stringify({ type: 'rpc', msg: { id: 1, method: 'turn/start', params: { input: [{ type: 'text', text: 'a\n"b"\\ é 😀' }], n: -1.5e-3, ok: true, no: null } } }),
      '{"type":"rpc","msg":{}}',
      '{"type":"rpc","msg":{"a":[1,{"b":[]}]}}',
    ];
    const alphabet = '{}[]",:\\ 0123456789-+.eEtrufalsn\n\t\rxu\u0001é';
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let k = 0; k < 20_000; k++) {
      let s = seeds[next() % seeds.length] ?? '';
      for (let m = next() % 3; m > 0; m--) {
        const at = 20 + (next() % Math.max(1, s.length - 20));
        const ch = alphabet[next() % alphabet.length] ?? ' ';
        s = next() % 2 === 0 ? s.slice(0, at) + ch + s.slice(at) : s.slice(0, at) + s.slice(at + 1);
      }
      const bytes = Buffer.from(s);
      s = bytes.toString(); // a mutation may split a surrogate pair; compare what the bytes say
      const r = readClientFrame(bytes, false);
      let expected: unknown;
      try {
        expected = JSON.parse(s);
      } catch {
        assert.equal(r.kind === 'reject' && r.code, 'OKC_BRIDGE_FRAME_NOT_JSON', s);
        continue;
      }
      const rec = expected as { type?: unknown; msg?: unknown };
      const isRpc = rec !== null && typeof rec === 'object' && !Array.isArray(rec) && rec.type === 'rpc' &&
        rec.msg !== null && typeof rec.msg === 'object' && !Array.isArray(rec.msg);
      if (!isRpc) continue;
      assert.equal(r.kind, 'rpc', s);
      if (r.kind === 'rpc') assert.deepEqual(JSON.parse(r.payload.toString()), rec.msg, s);
    }
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
