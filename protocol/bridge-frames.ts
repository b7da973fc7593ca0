/**
 * The envelope between the engine (browser) and okcode-bridge, one JSON value per WebSocket text frame.
 *
 * The bridge never interprets `msg`: it is a codex app-server JSON-RPC message passed through as is.
 * Frames from the bridge carry a per-session sequence number so a reconnecting engine can ask for
 * exactly the frames it missed.
 */

/** WebSocket path of the relay endpoint. */
export const BRIDGE_WS_PATH = '/ws';

/** Subprotocol the bridge selects; the engine offers it first. */
export const BRIDGE_SUBPROTOCOL = 'okcode.v1';

/**
 * Prefix of the subprotocol that carries the token (`okcode.token.<token>`).
 * why: browsers cannot set headers on a WebSocket, and a query string ends up in logs and history.
 */
export const TOKEN_SUBPROTOCOL_PREFIX = 'okcode.token.';

/** Tokens are restricted to characters that are valid both in a URL fragment and in a subprotocol. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

/** Query parameters a reconnecting engine sends to resume its bridge session. */
export const RESUME_SESSION_PARAM = 'session';
export const RESUME_AFTER_PARAM = 'after';

/** Close codes the bridge uses on browser sockets (besides 1001 when it stops, 1009 for a frame too large). */
export const CLOSE_SUPERSEDED = 4001;
/** Codex dropped this session's connection; reconnecting gets a gap and a fresh session. */
export const CLOSE_SESSION_LOST = 4002;
/** The session was reset after a replay gap. */
export const CLOSE_SESSION_RESET = 4003;

/** Error codes the bridge reports, in HTTP denials (as the response body) and in `error` frames. */
export type BridgeErrorCode =
  | 'OKC_BRIDGE_TOKEN_MISSING'
  | 'OKC_BRIDGE_TOKEN_INVALID'
  | 'OKC_BRIDGE_ORIGIN_DENIED'
  | 'OKC_BRIDGE_HOST_DENIED'
  | 'OKC_BRIDGE_FRAME_TOO_LARGE'
  | 'OKC_BRIDGE_FRAME_NOT_JSON'
  | 'OKC_BRIDGE_FRAME_INVALID'
  | 'OKC_BRIDGE_CODEX_UNAVAILABLE'
  /** codex sent something that is not one JSON object (a bug in codex); the bridge dropped it unnumbered. */
  | 'OKC_BRIDGE_CODEX_FRAME_INVALID';

/** Why the bridge could not replay what a reconnecting engine missed; the engine must resync from codex. */
export type GapReason = 'unknown-session' | 'expired' | 'overflow';

/** bridge → engine */
export type ServerFrame =
  | {
      type: 'welcome';
      sessionId: string;
      /** true when this connection continues an earlier session (replayed frames follow). */
      resumed: boolean;
      /**
       * How many frames the bridge has read from browsers in this session (0 for a new one). A
       * resuming engine numbers what it sends from here: its frames beyond this number, sent on the
       * socket that dropped, never reached the bridge (nor codex), and only those may be sent again.
       */
      received: number;
      /**
       * Whether codex is running and accepting connections. When false, codex is (re)starting: the
       * engine waits for `codex-ready` (rpc frames sent before it are refused with an error).
       */
      codexReady: boolean;
      bridgeVersion: string;
      codexVersion: string | null;
      /** The bridge's working directory: the default cwd for new threads. */
      cwd: string;
    }
  | { type: 'rpc'; seq: number; msg: Record<string, unknown> }
  | { type: 'gap'; reason: GapReason }
  | { type: 'codex-exit'; code: number | null; signal: string | null; restarting: boolean }
  | { type: 'codex-ready' }
  | { type: 'error'; code: BridgeErrorCode; message: string };

/** engine → bridge */
export type ClientFrame =
  | { type: 'rpc'; msg: unknown }
  /** Everything up to `seq` arrived; the bridge may drop it from the replay buffer. */
  | { type: 'ack'; seq: number };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses and checks a frame from the bridge; `null` for anything that is not a ServerFrame. */
export function parseServerFrame(text: string): ServerFrame | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(v)) return null;
  switch (v['type']) {
    case 'welcome':
      return typeof v['sessionId'] === 'string' && typeof v['resumed'] === 'boolean' && Number.isSafeInteger(v['received']) &&
        typeof v['codexReady'] === 'boolean'
        ? (v as ServerFrame)
        : null;
    case 'rpc':
      return typeof v['seq'] === 'number' && isRecord(v['msg']) ? (v as ServerFrame) : null;
    case 'gap':
    case 'codex-exit':
    case 'codex-ready':
    case 'error':
      return v as ServerFrame;
    default:
      return null;
  }
}

/** Parses and checks a frame from the engine; `null` for anything that is not a ClientFrame. */
export function parseClientFrame(v: unknown): ClientFrame | null {
  if (!isRecord(v)) return null;
  if (v['type'] === 'rpc' && isRecord(v['msg'])) return v as ClientFrame;
  if (v['type'] === 'ack' && Number.isSafeInteger(v['seq'])) return v as ClientFrame;
  return null;
}
