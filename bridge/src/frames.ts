/**
 * Building bridge → browser frames and checking browser → bridge frames. Pure.
 * why: codex output is relayed by byte concatenation (never parsed on the hot path); everything the
 * browser sends is parsed and re-serialized, so one frame is exactly one JSON value upstream.
 */
import { parseClientFrame, type BridgeErrorCode, type ServerFrame } from '../../protocol/bridge-frames.ts';

/** codex drops a WebSocket frame above 16 MiB (close 1006). */
export const CODEX_MAX_INBOUND_BYTES = 16 * 1024 * 1024;
/** The browser-side cap: codex's limit minus headroom for the envelope. */
export const BROWSER_MAX_PAYLOAD_BYTES = CODEX_MAX_INBOUND_BYTES - 64 * 1024;

const RPC_HEAD = Buffer.from('{"type":"rpc","seq":');
const RPC_MID = Buffer.from(',"msg":');
const RPC_TAIL = Buffer.from('}');

/** `{"type":"rpc","seq":N,"msg":<raw>}` around codex's text frame, without parsing it. */
export function rpcFrame(seq: number, rawCodexText: Buffer): Buffer {
  return Buffer.concat([RPC_HEAD, Buffer.from(String(seq)), RPC_MID, rawCodexText, RPC_TAIL]);
}

/** codex frames up to this size are parsed in full by {@link isCodexObject}; larger ones only checked for braces. */
export const CODEX_FRAME_FULL_CHECK_BYTES = 1024 * 1024;

/**
 * True when codex's text frame is a JSON object, so it can be embedded as `msg` by {@link rpcFrame}.
 * why: frames up to {@link CODEX_FRAME_FULL_CHECK_BYTES} (every notification) are parsed in full;
 * a larger one (a long thread/read, fs/readFile) only has to start with `{` and end with `}`, since
 * parsing 40 MB would stall every session for ~150 ms, and such frames come from codex's serializer.
 */
export function isCodexObject(raw: Buffer): boolean {
  let start = 0;
  let end = raw.length - 1;
  while (start <= end && isJsonSpace(raw[start])) start++;
  while (end >= start && isJsonSpace(raw[end])) end--;
  if (start >= end || raw[start] !== 0x7b || raw[end] !== 0x7d) return false;
  if (raw.length > CODEX_FRAME_FULL_CHECK_BYTES) return true;
  try {
    JSON.parse(raw.toString('utf8'));
    return true;
  } catch {
    return false;
  }
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
  | { readonly kind: 'rpc'; readonly text: string }
  | { readonly kind: 'ack'; readonly seq: number }
  | { readonly kind: 'reject'; readonly code: BridgeErrorCode; readonly message: string };

/**
 * Classifies a browser frame: `rpc` carries the re-serialized `msg` for codex, `ack` the sequence
 * number, `reject` the error to send back (the connection stays open).
 */
export function readClientFrame(data: Buffer, isBinary: boolean): ClientAction {
  if (isBinary) return reject('OKC_BRIDGE_FRAME_INVALID', 'binary frames are not accepted; send JSON text');
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
  const text = JSON.stringify(frame.msg);
  // why: re-serialization can grow a frame (1e9 → 1000000000); codex would drop the whole connection.
  if (Buffer.byteLength(text) > CODEX_MAX_INBOUND_BYTES) {
    return reject('OKC_BRIDGE_FRAME_TOO_LARGE', `rpc message exceeds codex's ${CODEX_MAX_INBOUND_BYTES}-byte limit`);
  }
  return { kind: 'rpc', text };
}

function reject(code: BridgeErrorCode, message: string): ClientAction {
  return { kind: 'reject', code, message };
}
