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
