/**
 * Generated and mutated browser → bridge frames for fuzzing the bridge's frame handling, and the
 * oracle that says what the bridge must do with each: JSON.parse and the protocol's own
 * `parseClientFrame` decide, independently of the bridge's scanner and fast path.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseClientFrame } from '../../../protocol/bridge-frames.ts';
import { CODEX_MAX_INBOUND_BYTES, type ClientAction } from '../../../bridge/src/frames.ts';

export interface FuzzFrame {
  readonly kind: string;
  readonly bytes: Buffer;
  readonly binary: boolean;
}

const dir = fileURLToPath(new URL('../../fixtures/codex/', import.meta.url));

/** What the engine sent codex in the recorded sessions (`__client` lines): the valid messages to start from. */
const seeds: Record<string, unknown>[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(dir + f, 'utf8').split('\n').filter(Boolean))
  .map((l) => JSON.parse(l) as { __client?: Record<string, unknown> })
  .flatMap((l) => (l.__client === undefined ? [] : [l.__client]));

/** Bytes that break JSON in interesting places: structure, quotes, escapes, line breaks, controls. */
const ALPHABET = ['{', '}', '[', ']', '"', ',', ':', '\\', ' ', '\n', '\r', '\t', '0', '-', '1e9', 'null', 'tru', '\u0000', '\u2028', 'é', '😀', '\\u', '\\ud800'];

const WRONG: unknown[] = [null, 0, -1, 1.5, 1e308, '', 'x', true, [], [1, { a: 2 }], { nested: { deep: [null] } }];

type Rnd = () => number;

function pick<T>(rnd: Rnd, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)] as T;
}

function seedMsg(rnd: Rnd): Record<string, unknown> {
  return { ...pick(rnd, seeds), ...(rnd() < 0.7 ? { id: Math.floor(rnd() * 1e6) } : {}) };
}

/** The engine's own layout: `JSON.stringify({type: 'rpc', msg})` (the bridge's fast path). */
function engineLayout(msg: unknown): string {
  return JSON.stringify({ type: 'rpc', msg });
}

/** Other valid layouts of the same frame: pretty-printed, members swapped, padded with whitespace. */
function otherLayout(rnd: Rnd, msg: unknown): string {
  const r = rnd();
  if (r < 0.33) return JSON.stringify({ type: 'rpc', msg }, null, 2);
  if (r < 0.66) return JSON.stringify({ msg, type: 'rpc' });
  return ` \n${engineLayout(msg)}\r\n\t`;
}

function mutateText(rnd: Rnd, text: string): string {
  let s = text;
  for (let n = 1 + Math.floor(rnd() * 3); n > 0; n--) {
    const at = Math.floor(rnd() * (s.length + 1));
    const r = rnd();
    if (r < 0.4) s = s.slice(0, at) + pick(rnd, ALPHABET) + s.slice(at);
    else if (r < 0.8) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 4));
    else s = s.slice(0, at); // cut short
  }
  return s;
}

function wrongTypes(rnd: Rnd): string {
  const r = rnd();
  if (r < 0.3) return JSON.stringify({ type: 'rpc', msg: pick(rnd, WRONG) });
  if (r < 0.5) return JSON.stringify({ type: pick(rnd, ['RPC', 'hello', '', 'ack', null, 1]), msg: seedMsg(rnd) });
  if (r < 0.7) return JSON.stringify({ type: 'ack', seq: pick(rnd, [...WRONG, 2 ** 53, 7]) });
  if (r < 0.85) return JSON.stringify(pick(rnd, WRONG));
  return JSON.stringify({ msg: seedMsg(rnd) });
}

/** Two codex messages in one frame, or a line break inside one: the bridge must never let codex see two. */
function smuggle(rnd: Rnd): string {
  const a = engineLayout(seedMsg(rnd));
  const b = JSON.stringify({ id: 999_999, method: 'thread/start', params: {} });
  return pick(rnd, [
    `${a}\n${b}`,
    `${a}\r\n${a}`,
    `{"type":"rpc","msg":${b}\n${b}}`,
    `{"type":"rpc","msg":${b}${b}}`,
    JSON.stringify({ type: 'rpc', msg: { id: 1, method: 'turn/start', params: { text: `x"}}\n${b}` } } }),
    `${a}\u2028${b}`,
  ]);
}

function huge(rnd: Rnd): string {
  const pad = 'x'.repeat(20_000 + Math.floor(rnd() * 80_000));
  const msg = { id: 1, method: 'turn/start', params: { input: [{ type: 'text', text: pad }] } };
  return rnd() < 0.5 ? engineLayout(msg) : mutateText(rnd, otherLayout(rnd, msg));
}

/**
 * Arrays nested thousands deep: JSON.parse copes, a recursive re-serializer overflows the stack.
 * A notification (no id), so that the fake codex peer does not try to echo it back.
 */
function deep(rnd: Rnd): string {
  const depth = 1000 + Math.floor(rnd() * 15_000);
  const value = `${'['.repeat(depth)}${rnd() < 0.8 ? ']'.repeat(depth) : ''}`;
  return `${rnd() < 0.5 ? '{"type":"rpc","msg":' : '{ "type":"rpc","msg":'}{"method":"m","params":${value}}}`;
}

function garbage(rnd: Rnd): string {
  let s = '';
  for (let n = Math.floor(rnd() * 40); n > 0; n--) s += pick(rnd, ALPHABET);
  return s;
}

/**
 * One frame. Huge and deeply nested frames are the costly ones, so they are kept to a few per
 * thousand: 100,000 frames take about 3 s of CPU.
 */
export function fuzzFrame(rnd: Rnd): FuzzFrame {
  const r = rnd();
  let kind: string;
  let text: string;
  if (r < 0.15) [kind, text] = ['valid, engine layout', engineLayout(seedMsg(rnd))];
  else if (r < 0.25) [kind, text] = ['valid, other layout', otherLayout(rnd, seedMsg(rnd))];
  else if (r < 0.3) [kind, text] = ['ack', JSON.stringify({ type: 'ack', seq: Math.floor(rnd() * 1000) })];
  else if (r < 0.6) [kind, text] = ['mutated', mutateText(rnd, rnd() < 0.5 ? engineLayout(seedMsg(rnd)) : otherLayout(rnd, seedMsg(rnd)))];
  else if (r < 0.75) [kind, text] = ['wrong types', wrongTypes(rnd)];
  else if (r < 0.85) [kind, text] = ['smuggling', smuggle(rnd)];
  else if (r < 0.95) [kind, text] = ['garbage', garbage(rnd)];
  else if (r < 0.997) [kind, text] = ['binary', engineLayout(seedMsg(rnd))];
  else if (r < 0.9993) [kind, text] = ['huge', huge(rnd)];
  else [kind, text] = ['deep', deep(rnd)];
  return { kind, bytes: Buffer.from(text), binary: kind === 'binary' };
}

/** What the bridge must do with a frame, decided by JSON.parse and parseClientFrame. */
export type Expected =
  | { readonly kind: 'rpc'; readonly msg: unknown }
  | { readonly kind: 'ack'; readonly seq: number }
  | { readonly kind: 'reject' };

export function expected(frame: FuzzFrame): Expected {
  if (frame.binary) return { kind: 'reject' };
  let value: unknown;
  try {
    value = JSON.parse(frame.bytes.toString('utf8'));
  } catch {
    return { kind: 'reject' };
  }
  const parsed = parseClientFrame(value);
  if (parsed === null) return { kind: 'reject' };
  return parsed.type === 'ack' ? { kind: 'ack', seq: parsed.seq } : { kind: 'rpc', msg: parsed.msg };
}

/**
 * Null when `action` is what the oracle expects; else why not. A valid rpc may still be refused when
 * its re-serialization would exceed codex's limit or the stack (and then only with an explicit code).
 */
export function mismatch(frame: FuzzFrame, action: ClientAction): string | null {
  const want = expected(frame);
  if (want.kind === 'reject') {
    return action.kind === 'reject' && action.message.length > 0 ? null : `a malformed ${frame.kind} frame was accepted as ${action.kind}`;
  }
  if (want.kind === 'ack') return action.kind === 'ack' && action.seq === want.seq ? null : `ack became ${action.kind}`;
  if (action.kind === 'reject') {
    let size = Infinity;
    try {
      size = Buffer.byteLength(JSON.stringify(want.msg));
    } catch {
      // nested beyond the stack: refusing it is right
    }
    const fair = size === Infinity ? 'OKC_BRIDGE_FRAME_INVALID' : size > CODEX_MAX_INBOUND_BYTES ? 'OKC_BRIDGE_FRAME_TOO_LARGE' : null;
    return action.code === fair ? null : `a valid ${frame.kind} rpc was refused with ${action.code}`;
  }
  if (action.kind !== 'rpc') return `a valid rpc became ${action.kind}`;
  let forwarded: unknown;
  try {
    forwarded = JSON.parse(action.payload.toString('utf8'));
  } catch {
    return 'the forwarded payload is not one JSON value';
  }
  return sameJson(forwarded, want.msg) ? null : 'the forwarded payload differs from msg';
}

/**
 * Same JSON text. why not a deep-equal: -0 and 0 are the same JSON number; and a value nested beyond
 * the stack cannot be compared recursively at all, so for those "parses as one value" has to do.
 */
function sameJson(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return true;
  }
}
