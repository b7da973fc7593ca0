/**
 * Building bridge → browser frames and checking browser → bridge frames. Pure.
 * why: codex output is relayed by byte concatenation (validated, never parsed); everything the browser
 * sends is validated (and re-serialized unless it is laid out as the engine sends it), so one frame is
 * exactly one JSON value upstream.
 */
import { isJsonText } from './json-scan.ts';
import { parseClientFrame, type BridgeErrorCode, type ServerFrame } from '../../protocol/bridge-frames.ts';

/** codex drops a WebSocket frame above 16 MiB (close 1006). */
export const CODEX_MAX_INBOUND_BYTES = 16 * 1024 * 1024;
/** The browser-side cap: codex's limit minus headroom for the envelope. */
export const BROWSER_MAX_PAYLOAD_BYTES = CODEX_MAX_INBOUND_BYTES - 64 * 1024;

const RPC_HEAD = Buffer.from('{"type":"rpc","seq":');
const RPC_MID = Buffer.from(',"msg":');
const RPC_HEAD_LENGTH = RPC_HEAD.length;
const RPC_MID_LENGTH = RPC_MID.length;

/**
 * `{"type":"rpc","seq":N,"msg":<raw>}` around codex's text frame, without parsing it.
 * why: one allocation per frame (from Node's buffer pool for small frames), the digits of N written in place.
 */
export function rpcFrame(seq: number, rawCodexText: Buffer): Buffer {
  let digits = 1;
  for (let p = 10; p <= seq; p *= 10) digits++;
  const frame = Buffer.allocUnsafe(RPC_HEAD_LENGTH + digits + RPC_MID_LENGTH + rawCodexText.length + 1);
  RPC_HEAD.copy(frame, 0);
  let at = RPC_HEAD_LENGTH + digits;
  for (let n = seq, i = at - 1; i >= RPC_HEAD_LENGTH; i--, n = Math.floor(n / 10)) frame[i] = 0x30 + (n % 10);
  RPC_MID.copy(frame, at);
  at += RPC_MID_LENGTH;
  rawCodexText.copy(frame, at);
  frame[at + rawCodexText.length] = 0x7d; // }
  return frame;
}

/** codex frames up to this size are checked in full by {@link isCodexObject}; larger ones only for braces. */
export const CODEX_FRAME_FULL_CHECK_BYTES = 1024 * 1024;

/**
 * True when codex's text frame is a JSON object, so it can be embedded as `msg` by {@link rpcFrame}.
 * why: frames up to {@link CODEX_FRAME_FULL_CHECK_BYTES} (every notification) are validated in full
 * by {@link isJsonText}, which walks the bytes without decoding or building them (JSON.parse did both);
 * a larger one (a long thread/read, fs/readFile) only has to start with `{` and end with `}`, since
 * checking 40 MB would stall every session for ~150 ms, and such frames come from codex's serializer.
 */
export function isCodexObject(raw: Buffer): boolean {
  let start = 0;
  let end = raw.length - 1;
  while (start <= end && isJsonSpace(raw[start])) start++;
  while (end >= start && isJsonSpace(raw[end])) end--;
  if (start >= end || raw[start] !== 0x7b || raw[end] !== 0x7d) return false;
  if (raw.length > CODEX_FRAME_FULL_CHECK_BYTES) return true;
  return isJsonText(raw, start, end + 1, true);
}

function isJsonSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The `error` message for a codex frame that {@link isCodexObject} refused: its size and first bytes. */
export function describeCodexGarbage(raw: Buffer, isBinary: boolean): string {
  const kind = isBinary ? 'a binary frame' : 'a text frame that is not a JSON object';
  const start = isBinary ? raw.subarray(0, 16).toString('hex') : raw.subarray(0, 80).toString('utf8');
  return `codex sent ${kind} (${raw.length} bytes, starting ${JSON.stringify(start)}); it was dropped`;
}

/** Serializes a control frame (welcome, gap, codex-exit, codex-ready, error). */
export function controlFrame(frame: Exclude<ServerFrame, { type: 'rpc' }>): string {
  return JSON.stringify(frame);
}

/** An `error` frame. */
export function errorFrame(code: BridgeErrorCode, message: string): string {
  return controlFrame({ type: 'error', code, message });
}

/** What to do with one text frame from the browser. */
export type ClientAction =
  | { readonly kind: 'rpc'; readonly payload: Buffer }
  | { readonly kind: 'ack'; readonly seq: number }
  | { readonly kind: 'reject'; readonly code: BridgeErrorCode; readonly message: string };

/** How the engine serializes an rpc frame (`JSON.stringify({ type: 'rpc', msg })`): the fast path's prefix. */
const RPC_CLIENT_HEAD = Buffer.from('{"type":"rpc","msg":');

/**
 * Classifies a browser frame: `rpc` carries the message for codex (one JSON object, as UTF-8), `ack`
 * the sequence number, `reject` the error to send back (the connection stays open).
 *
 * why: a frame laid out exactly as the engine sends it, `{"type":"rpc","msg":` X `}`, is forwarded as
 * the bytes of X, without parsing or re-serializing, once {@link isJsonText} has checked that X alone
 * is exactly one JSON object (so the whole frame is a valid rpc frame, and X can never be two codex
 * messages). X is shorter than the frame, which `ws` caps below codex's limit, so it needs no size check.
 * Any other layout is parsed and its `msg` re-serialized, as before.
 */
export function readClientFrame(data: Buffer, isBinary: boolean): ClientAction {
  if (isBinary) return reject('OKC_BRIDGE_FRAME_INVALID', 'binary frames are not accepted; send JSON text');
  const fast = rpcPayload(data);
  if (fast !== null) return { kind: 'rpc', payload: fast };
  let value: unknown;
  try {
    value = JSON.parse(data.toString('utf8'));
  } catch {
    return reject('OKC_BRIDGE_FRAME_NOT_JSON', 'frame is not valid JSON');
  }
  const frame = parseClientFrame(value);
  if (frame === null) {
    return reject('OKC_BRIDGE_FRAME_INVALID', 'expected {"type":"rpc","msg":{…}} or {"type":"ack","seq":N}');
  }
  if (frame.type === 'ack') return { kind: 'ack', seq: frame.seq };
  let payload: Buffer;
  try {
    payload = Buffer.from(JSON.stringify(frame.msg));
  } catch {
    // why: JSON.parse takes any depth, but JSON.stringify recurses; an array nested 10,000 deep
    // overflowed the stack, and the exception escaped the socket's message handler and stopped the bridge.
    return reject('OKC_BRIDGE_FRAME_INVALID', 'rpc message is nested too deeply to re-serialize');
  }
  // why: re-serialization can grow a frame (1e9 → 1000000000); codex would drop the whole connection.
  if (payload.length > CODEX_MAX_INBOUND_BYTES) {
    return reject('OKC_BRIDGE_FRAME_TOO_LARGE', `rpc message exceeds codex's ${CODEX_MAX_INBOUND_BYTES}-byte limit`);
  }
  return { kind: 'rpc', payload };
}

/** The bytes of `msg` when `data` is `{"type":"rpc","msg":<one JSON object>}` (+ JSON whitespace), else null. */
function rpcPayload(data: Buffer): Buffer | null {
  const head = RPC_CLIENT_HEAD.length;
  if (data.length <= head + 2 || data.compare(RPC_CLIENT_HEAD, 0, head, 0, head) !== 0) return null;
  let end = data.length - 1;
  while (end > head && isJsonSpace(data[end])) end--;
  if (data[end] !== 0x7d || !isJsonText(data, head, end, true)) return null;
  return data.subarray(head, end);
}

function reject(code: BridgeErrorCode, message: string): ClientAction {
  return { kind: 'reject', code, message };
}
