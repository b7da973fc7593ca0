/**
 * Decides whether a WebSocket upgrade (or a plain HTTP request) may talk to the bridge.
 * Deterministic: the same request and policy always give the same answer. The token is compared in
 * constant time and never included in any result.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  RESUME_AFTER_PARAM,
  RESUME_SESSION_PARAM,
  TOKEN_SUBPROTOCOL_PREFIX,
  type BridgeErrorCode,
} from '../../protocol/bridge-frames.ts';
import { allowedHostHeaders, ownOrigins } from './hosts.ts';

/** What the checks need to know about the running bridge. */
export interface AccessPolicy {
  /** The configured `--host`. */
  readonly host: string;
  /** The port actually bound (never 0). */
  readonly port: number;
  readonly token: string;
  /** Normalized extra origins from `--allow-origin`. */
  readonly allowOrigins: readonly string[];
}

/** The parts of an upgrade request the checks read (node's `IncomingMessage` fits). */
export interface UpgradeRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly url: string | undefined;
}

/** A browser session to continue: replay frames with `seq > after`. */
export interface ResumeRequest {
  readonly sessionId: string;
  readonly after: number;
}

export type UpgradeDecision =
  | { readonly ok: true; readonly resume: ResumeRequest | null }
  | { readonly ok: false; readonly status: 401 | 403; readonly code: BridgeErrorCode };

/**
 * Checks, in this order: Host (403 OKC_BRIDGE_HOST_DENIED), Origin (403 OKC_BRIDGE_ORIGIN_DENIED),
 * token subprotocol (401 OKC_BRIDGE_TOKEN_MISSING / OKC_BRIDGE_TOKEN_INVALID).
 * why this order: a foreign page learns nothing about the token (not even whether it is missing).
 * A request without an Origin header is denied: browsers always send one on upgrades.
 * Resume parameters come from the query; a malformed `after` yields a session id that matches
 * nothing, so the relay answers with a gap instead of guessing.
 */
export function checkUpgrade(req: UpgradeRequest, policy: AccessPolicy): UpgradeDecision {
  if (!isAllowedHost(req.headers, policy)) return deny(403, 'OKC_BRIDGE_HOST_DENIED');
  if (!isAllowedOrigin(header(req.headers, 'origin'), policy)) return deny(403, 'OKC_BRIDGE_ORIGIN_DENIED');
  const offered = offeredToken(header(req.headers, 'sec-websocket-protocol'));
  if (offered === null) return deny(401, 'OKC_BRIDGE_TOKEN_MISSING');
  if (!tokensEqual(offered, policy.token)) return deny(401, 'OKC_BRIDGE_TOKEN_INVALID');
  return { ok: true, resume: resumeFromUrl(req.url) };
}

/** True when the Host header names this bridge (loopback names or the configured host, with its port). */
export function isAllowedHost(headers: UpgradeRequest['headers'], policy: AccessPolicy): boolean {
  const host = header(headers, 'host');
  return host !== undefined && allowedHostHeaders(policy.host, policy.port).has(host.toLowerCase());
}

/** True when `origin` is one of the bridge's own origins or an `--allow-origin` entry. */
export function isAllowedOrigin(origin: string | undefined, policy: AccessPolicy): boolean {
  if (origin === undefined) return false;
  const o = origin.toLowerCase();
  return ownOrigins(policy.host, policy.port).has(o) || policy.allowOrigins.includes(o);
}

function deny(status: 401 | 403, code: BridgeErrorCode): UpgradeDecision {
  return { ok: false, status, code };
}

function header(headers: UpgradeRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

function offeredToken(protocols: string | undefined): string | null {
  if (protocols === undefined) return null;
  for (const p of protocols.split(',')) {
    const t = p.trim();
    if (t.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return t.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
  }
  return null;
}

function tokensEqual(a: string, b: string): boolean {
  // why: timingSafeEqual needs equal lengths; hashing first hides the expected token's length too.
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

const SESSION_ID = /^[0-9a-f]{32}$/;

function resumeFromUrl(url: string | undefined): ResumeRequest | null {
  const params = new URL(url ?? '/', 'http://bridge.invalid').searchParams;
  const sessionId = params.get(RESUME_SESSION_PARAM);
  if (sessionId === null) return null;
  const afterText = params.get(RESUME_AFTER_PARAM) ?? '0';
  const after = /^\d{1,15}$/.test(afterText) ? Number(afterText) : NaN;
  if (!SESSION_ID.test(sessionId) || !Number.isSafeInteger(after)) return { sessionId: '', after: 0 };
  return { sessionId, after };
}
