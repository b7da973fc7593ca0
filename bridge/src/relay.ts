/**
 * The relay: authenticates browser upgrades, keeps browser sessions (each with its own upstream codex
 * connection) alive across reconnects, and tells browsers about codex exits and restarts.
 *
 * Upstreams after a codex restart are reopened eagerly for sessions with a browser attached, and on
 * resume for sessions that are away. Codex forgets connections when it exits, so every upstream is
 * a fresh, uninitialized codex connection: the engine must `initialize` again after `codex-ready`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_SUBPROTOCOL, BRIDGE_WS_PATH, type GapReason } from '../../protocol/bridge-frames.ts';
import { BrowserSession, CODEX_READY_FRAME, DEFAULT_MAX_BUFFERED_BYTES } from './browser-session.ts';
import { CLOSE_SESSION_LOST, CLOSE_SESSION_RESET } from '../../protocol/bridge-frames.ts';
import type { CodexExit } from './codex-process.ts';
import { BROWSER_MAX_PAYLOAD_BYTES, controlFrame, errorFrame } from './frames.ts';
import { denyUpgrade } from './http-server.ts';
import { DEFAULT_REPLAY_LIMITS, type ReplayLimits } from './replay-buffer.ts';
import { checkUpgrade, type AccessPolicy, type ResumeRequest } from './upgrade-auth.ts';

export interface RelayOptions {
  /** codex's unix socket. */
  readonly socketPath: string;
  readonly bridgeVersion: string;
  readonly codexVersion: () => string | null;
  readonly cwd: string;
  /** How long a session without a browser keeps its upstream and buffer. */
  readonly graceMs: number;
  readonly replayLimits?: ReplayLimits;
  /** Ping interval for dead-browser detection (default 30 s). */
  readonly heartbeatMs?: number;
  /** How long an unexpectedly closed upstream waits for a codex exit report before the session is lost. */
  readonly upstreamLossDelayMs?: number;
  /** The buffer caps of every session (see `SessionHooks`); both default to 64 MiB. */
  readonly maxClientBufferedBytes?: number;
  readonly maxUpstreamBufferedBytes?: number;
}

/** How many expired session ids are remembered, to answer `gap: expired` rather than `unknown-session`. */
const REMEMBERED_EXPIRED = 1000;

export class Relay {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Map<string, BrowserSession>();
  private readonly expired = new Set<string>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: NodeJS.Timeout;
  private codexReady = false;
  private generation = 0;
  private lastExit: string | null = null;

  constructor(private readonly opts: RelayOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: BROWSER_MAX_PAYLOAD_BYTES,
      perMessageDeflate: false,
      handleProtocols: (offered) => (offered.has(BRIDGE_SUBPROTOCOL) ? BRIDGE_SUBPROTOCOL : false),
    });
    this.heartbeat = setInterval(() => this.ping(), opts.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** Number of live sessions (attached or in their grace period). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** Number of open browser sockets. */
  get clientCount(): number {
    return this.wss.clients.size;
  }

  /**
   * Handles an HTTP upgrade: wrong path → 404; denied → 401/403 with the error code as the body and
   * the socket destroyed (nothing reaches codex); allowed → a browser session.
   */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, policy: AccessPolicy | null): void {
    const path = (req.url ?? '').split('?', 1)[0];
    if (path !== BRIDGE_WS_PATH || policy === null) return denyUpgrade(socket, 404, 'NOT_FOUND');
    const decision = checkUpgrade({ headers: req.headers, url: req.url }, policy);
    if (!decision.ok) return denyUpgrade(socket, decision.status, decision.code);
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket, decision.resume));
  }

  /** codex (re)started and accepts connections. */
  codexStarted(): void {
    this.codexReady = true;
    this.lastExit = null;
    for (const s of this.sessions.values()) {
      s.notify(CODEX_READY_FRAME);
      if (s.attached) s.openUpstream();
    }
  }

  /** codex exited: every session loses its upstream and hears about it. */
  codexExited(exit: CodexExit): void {
    this.codexReady = false;
    this.generation += 1;
    const frame = controlFrame({ type: 'codex-exit', code: exit.code, signal: exit.signal, restarting: exit.restarting });
    this.lastExit = frame;
    for (const s of this.sessions.values()) {
      s.dropUpstream('codex exited');
      s.notify(frame);
    }
  }

  /** Closes every browser socket (1001) and upstream. */
  close(): void {
    clearInterval(this.heartbeat);
    for (const s of this.sessions.values()) s.dispose(1001, 'bridge stopping');
    this.sessions.clear();
    this.wss.close();
  }

  private accept(ws: WebSocket, stream: Duplex, resume: ResumeRequest | null): void {
    // why: an oversized frame (close 1009) or a reset emits 'error'; unhandled, it would crash the bridge.
    ws.on('error', () => undefined);
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    const continued = resume === null ? null : this.findResumable(ws, resume);
    const session = continued ?? this.newSession();
    const welcome = controlFrame({
      type: 'welcome',
      sessionId: session.id,
      resumed: continued !== null,
      received: session.received,
      codexReady: this.codexReady,
      bridgeVersion: this.opts.bridgeVersion,
      codexVersion: this.opts.codexVersion(),
      cwd: this.opts.cwd,
    });
    session.attach(ws, stream, welcome, continued !== null && resume !== null ? resume.after : null);
    session.openUpstream();
  }

  /** The session to continue, or null after sending the `gap` frame that explains why not. */
  private findResumable(ws: WebSocket, resume: ResumeRequest): BrowserSession | null {
    const existing = this.sessions.get(resume.sessionId);
    let reason: GapReason;
    if (existing === undefined) {
      reason = this.expired.has(resume.sessionId) ? 'expired' : 'unknown-session';
    } else if (!existing.canResume(resume.after)) {
      reason = 'overflow';
      this.endSession(existing, CLOSE_SESSION_RESET, 'session reset after a replay gap');
    } else {
      return existing;
    }
    ws.send(controlFrame({ type: 'gap', reason }));
    return null;
  }

  private newSession(): BrowserSession {
    const session: BrowserSession = new BrowserSession(randomBytes(16).toString('hex'), {
      socketPath: this.opts.socketPath,
      replayLimits: this.opts.replayLimits ?? DEFAULT_REPLAY_LIMITS,
      maxClientBufferedBytes: this.opts.maxClientBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
      maxUpstreamBufferedBytes: this.opts.maxUpstreamBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES,
      isCodexReady: () => this.codexReady,
      onDetached: (s) => this.detached(s),
      onUpstreamLost: (s) => this.upstreamLost(s),
    });
    this.sessions.set(session.id, session);
    if (!this.codexReady && this.lastExit !== null) session.notify(this.lastExit);
    return session;
  }

  private detached(session: BrowserSession): void {
    session.startGrace(this.opts.graceMs, () => this.endSession(session, 1001, 'grace period over'));
  }

  /**
   * An upstream closed without us closing it. If codex is exiting, its exit report (which may arrive
   * a little later than the socket close) handles it; otherwise codex dropped just this connection and
   * the session cannot continue: the browser gets an error and close 4002, and must start afresh.
   */
  private upstreamLost(session: BrowserSession): void {
    const generation = this.generation;
    const timer = setTimeout(() => {
      if (generation !== this.generation || !this.codexReady || this.sessions.get(session.id) !== session) return;
      session.notify(errorFrame('OKC_BRIDGE_CODEX_UNAVAILABLE', 'codex closed this session\'s connection; reconnect to start a new session'));
      this.endSession(session, CLOSE_SESSION_LOST, 'codex connection lost');
    }, this.opts.upstreamLossDelayMs ?? 500);
    timer.unref();
  }

  private endSession(session: BrowserSession, code: number, reason: string): void {
    session.dispose(code, reason);
    this.sessions.delete(session.id);
    this.expired.add(session.id);
    if (this.expired.size > REMEMBERED_EXPIRED) {
      const oldest = this.expired.values().next();
      if (oldest.done !== true) this.expired.delete(oldest.value);
    }
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}
