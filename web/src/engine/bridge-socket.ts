/**
 * The engine's one WebSocket to okcode-bridge: authentication by subprotocol, session resume,
 * acknowledgements, and reconnection with backoff. It parses envelopes; it does not know codex.
 */
import {
  BRIDGE_SUBPROTOCOL,
  CLOSE_SUPERSEDED,
  RESUME_AFTER_PARAM,
  RESUME_SESSION_PARAM,
  TOKEN_SUBPROTOCOL_PREFIX,
  parseServerFrame,
  type ClientFrame,
  type ServerFrame,
} from '../../../protocol/bridge-frames.ts';
import type { BridgeTarget } from '../../../protocol/engine-api.ts';
import type { SessionMeta } from '../db/schema.ts';

export type SocketState = 'connecting' | 'open' | 'unauthorized' | 'disconnected';

export interface BridgeSocketHandlers {
  /** Every parsed frame, in arrival order. */
  onFrame(frame: ServerFrame): void;
  /** A frame that is not a bridge frame: counted in diagnostics, never silently dropped. */
  onMalformed(): void;
  onState(state: SocketState, detail: string): void;
  /**
   * A reconnect found no bridge, or one that refuses us (a new start, with a new token): the session
   * the dropped socket belonged to is gone, and what was sent on it will never be answered.
   */
  onSessionLost(detail: string): void;
  /** Where to resume from on the next (re)connect. */
  resumePoint(): SessionMeta | null;
  /**
   * The last frame whose effects are stored. Only that much is acknowledged: the bridge drops what is
   * acknowledged, and a worker that dies before storing a frame must still be able to replay it.
   */
  ackPoint(): number;
}

const ACK_EVERY_FRAMES = 200;
const ACK_EVERY_MS = 1000;
const MAX_BACKOFF_MS = 5000;

export class BridgeSocket {
  private ws: WebSocket | null = null;
  private closed = false;
  private backoffMs = 250;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private ackTimer: ReturnType<typeof setTimeout> | null = null;
  private unacked = 0;
  private lastSeq = 0;
  private opened = false;
  /** Frames sent in this bridge session, the way the bridge counts them (see `welcome.received`). */
  private sentFrames = 0;
  /** The current socket got its welcome: only then are frames numbered the way the bridge counts them. */
  private welcomed = false;

  constructor(
    private readonly target: BridgeTarget,
    private readonly handlers: BridgeSocketHandlers,
  ) {
    this.open();
  }

  /**
   * Sends a frame; returns its number in the bridge session, or null when the socket is not open (the
   * caller decides what that means). A resumed session's `welcome.received` says which numbers arrived.
   */
  send(frame: ClientFrame): number | null {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN || !this.welcomed) return null;
    this.ws.send(JSON.stringify(frame));
    return ++this.sentFrames;
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ws?.close(1000, 'engine closing');
    this.ws = null;
  }

  private open(): void {
    const url = new URL(this.target.url);
    const resume = this.handlers.resumePoint();
    if (resume) {
      url.searchParams.set(RESUME_SESSION_PARAM, resume.sessionId);
      url.searchParams.set(RESUME_AFTER_PARAM, String(resume.lastSeq));
      this.lastSeq = resume.lastSeq;
    }
    this.opened = false;
    this.welcomed = false;
    this.handlers.onState('connecting', 'Connecting to the bridge…');
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, [BRIDGE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX + this.target.token]);
    } catch (e) {
      this.handlers.onState('disconnected', `Bad bridge URL: ${String(e)}`);
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.opened = true;
      this.backoffMs = 250;
      this.handlers.onState('open', 'Connected to the bridge.');
    };
    ws.onmessage = (ev) => this.receive(ev.data);
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      if (this.closed) return;
      if (ev.code === CLOSE_SUPERSEDED) {
        // why: two engines resuming one session would take it from each other forever; the newer one keeps it.
        this.closed = true;
        this.handlers.onState('disconnected', 'Another OK Code engine took over this bridge session. Reload to reconnect.');
        return;
      }
      if (this.opened) {
        this.handlers.onState('disconnected', 'The connection to the bridge dropped. Reconnecting…');
        this.scheduleRetry();
      } else {
        void this.diagnoseRefusal();
      }
    };
  }

  private receive(data: unknown): void {
    const frame = typeof data === 'string' ? parseServerFrame(data) : null;
    if (!frame) return this.handlers.onMalformed();
    if (frame.type === 'rpc') {
      // why: a frame at or below what we already applied is a duplicate from a replay; drop it here
      // so the reducers never see a frame twice.
      if (frame.seq <= this.lastSeq) return;
      this.lastSeq = frame.seq;
      this.scheduleAck();
    } else if (frame.type === 'welcome') {
      if (!frame.resumed) this.lastSeq = 0;
      // why: what the dropped socket sent beyond this never arrived; numbering goes on from what did.
      this.sentFrames = frame.received;
      this.welcomed = true;
    }
    this.handlers.onFrame(frame);
  }

  private scheduleAck(): void {
    this.unacked++;
    if (this.unacked >= ACK_EVERY_FRAMES) return this.ack();
    this.ackTimer ??= setTimeout(() => this.ack(), ACK_EVERY_MS);
  }

  private ack(): void {
    if (this.ackTimer) clearTimeout(this.ackTimer);
    this.ackTimer = null;
    this.unacked = 0;
    const seq = Math.min(this.lastSeq, this.handlers.ackPoint());
    if (seq > 0) this.send({ type: 'ack', seq });
  }

  /**
   * why: a browser reports a refused upgrade only as a close, without the HTTP status. If the bridge
   * answers plain HTTP, it is up and refused us: the token (or origin) is wrong, and retrying will not help.
   */
  private async diagnoseRefusal(): Promise<void> {
    const http = new URL(this.target.url);
    http.protocol = http.protocol === 'wss:' ? 'https:' : 'http:';
    try {
      await fetch(http, { cache: 'no-store' });
      if (this.closed) return;
      this.handlers.onState('unauthorized', 'The bridge refused the connection (wrong or old token, or a foreign origin).');
      this.handlers.onSessionLost('The bridge refused the connection.');
      // A restarted bridge with a new token will keep refusing; retry slowly in case the user restarts it with the old one.
      this.backoffMs = MAX_BACKOFF_MS;
    } catch {
      if (this.closed) return;
      this.handlers.onState('disconnected', 'The bridge is not reachable.');
      this.handlers.onSessionLost('The bridge is not reachable.');
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.open();
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }
}
