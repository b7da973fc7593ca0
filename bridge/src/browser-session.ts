/**
 * One browser session: its own upstream codex connection, the sequence numbers and replay buffer of
 * codex's frames, and at most one attached browser socket. Outlives the socket for the grace period.
 */
import type { Duplex } from 'node:stream';
import { WebSocket, type RawData } from 'ws';
import { controlFrame, describeCodexGarbage, errorFrame, isCodexObject, readClientFrame, rpcFrame } from './frames.ts';
import { ReplayBuffer, type ReplayLimits } from './replay-buffer.ts';
import { CLOSE_SUPERSEDED } from '../../protocol/bridge-frames.ts';

/** Default of both buffer caps in {@link SessionHooks}. */
export const DEFAULT_MAX_BUFFERED_BYTES = 64 * 1024 * 1024;
/** Control frames kept for a detached browser (codex-exit / codex-ready); older ones are dropped. */
const MAX_PENDING_NOTICES = 4;

export interface SessionHooks {
  readonly socketPath: string;
  readonly replayLimits: ReplayLimits;
  /** A browser that leaves more than this unread is dropped; it can resume from the replay buffer. */
  readonly maxClientBufferedBytes: number;
  /** While codex leaves more than this unread, browser rpc frames are refused with an error. */
  readonly maxUpstreamBufferedBytes: number;
  readonly isCodexReady: () => boolean;
  /** The browser socket closed (not when it was superseded or the session disposed). */
  readonly onDetached: (session: BrowserSession) => void;
  /** The upstream closed although nobody closed it on purpose (codex exit or a dropped connection). */
  readonly onUpstreamLost: (session: BrowserSession) => void;
}

export class BrowserSession {
  private readonly replay: ReplayBuffer;
  private client: WebSocket | null = null;
  /** The browser socket's TCP stream, corked while a burst of codex frames is written to it. */
  private clientStream: Duplex | null = null;
  private corked: Duplex | null = null;
  private upstream: WebSocket | null = null;
  private upstreamOpen = false;
  /** rpc messages waiting for the upstream to open, and their size. */
  private queue: Buffer[] = [];
  private queueBytes = 0;
  /** codex-exit / codex-ready notices for a browser that is away. */
  private notices: string[] = [];
  private graceTimer: NodeJS.Timeout | null = null;
  /** Frames read from this session's browser sockets, whatever they were (see `welcome.received`). */
  private receivedFrames = 0;

  constructor(
    readonly id: string,
    private readonly hooks: SessionHooks,
  ) {
    this.replay = new ReplayBuffer(hooks.replayLimits);
  }

  /** For the welcome of a socket about to attach: later frames of the socket it supersedes are ignored. */
  get received(): number {
    return this.receivedFrames;
  }

  get attached(): boolean {
    return this.client !== null;
  }

  /** True when a browser that saw everything up to `after` can resume without a gap. */
  canResume(after: number): boolean {
    return this.replay.canReplayAfter(after);
  }

  /**
   * Makes `ws` this session's browser socket: closes an earlier one (the newer connection wins),
   * sends `welcome`, then (when `replayAfter` is a number) the frames with seq > replayAfter in order,
   * then any codex-exit / codex-ready notices missed while away. Live frames follow.
   * `stream` is the socket `ws` runs on (the one given to `handleUpgrade`); bursts are corked on it.
   */
  attach(ws: WebSocket, stream: Duplex | null, welcome: string, replayAfter: number | null): void {
    this.cancelGrace();
    const previous = this.client;
    this.client = ws;
    this.clientStream = stream;
    previous?.close(CLOSE_SUPERSEDED, 'superseded by a newer connection');
    this.corkClient();
    ws.send(welcome);
    if (replayAfter !== null) for (const frame of this.replay.framesAfter(replayAfter)) ws.send(frame, { binary: false });
    for (const notice of this.notices) ws.send(notice);
    this.notices = [];
    ws.on('message', (data, isBinary) => {
      if (this.client !== ws) return;
      this.receivedFrames++;
      this.onClientFrame(toBuffer(data), isBinary);
    });
    ws.on('close', () => {
      if (this.client !== ws) return;
      this.client = null;
      this.clientStream = null;
      this.hooks.onDetached(this);
    });
  }

  /** Sends a control frame now, or keeps it for when the browser comes back. */
  notify(frame: string): void {
    if (this.client !== null) {
      this.client.send(frame);
      return;
    }
    this.notices.push(frame);
    if (this.notices.length > MAX_PENDING_NOTICES) this.notices.shift();
  }

  /** Opens this session's own connection to codex unless it has one or codex is down. */
  openUpstream(): void {
    if (this.upstream !== null || !this.hooks.isCodexReady()) return;
    // why: no Origin header (codex answers 403 to any Origin); no auth (the socket is in a 0700 dir);
    // no payload cap (codex's replies are trusted and can exceed 40 MB, e.g. fs/readFile).
    // The mask is all zeros, which `ws` takes as "skip masking": masking defends proxies on the way from
    // a browser, and there is none on a private unix socket; a random mask costs a copy of every frame.
    const ws = new WebSocket(`ws+unix://${this.hooks.socketPath}:/`, {
      perMessageDeflate: false,
      maxPayload: 0,
      generateMask: zeroMask,
    });
    this.upstream = ws;
    this.upstreamOpen = false;
    ws.on('open', () => {
      if (this.upstream !== ws) return;
      this.upstreamOpen = true;
      for (const payload of this.queue) ws.send(payload, { binary: false });
      this.queue = [];
      this.queueBytes = 0;
    });
    ws.on('message', (data, isBinary) => {
      if (this.upstream === ws) this.deliver(toBuffer(data), isBinary);
    });
    ws.on('error', () => undefined); // 'close' follows and does the work
    ws.on('close', () => {
      if (this.upstream !== ws) return;
      this.resetUpstream('codex closed the connection');
      this.hooks.onUpstreamLost(this);
    });
  }

  /** Forgets the upstream on purpose (codex exited); queued rpc frames get an error. */
  dropUpstream(reason: string): void {
    const ws = this.upstream;
    this.resetUpstream(reason);
    ws?.terminate();
  }

  /** Starts the countdown after which the detached session is disposed. */
  startGrace(ms: number, onExpired: () => void): void {
    this.cancelGrace();
    this.graceTimer = setTimeout(onExpired, ms);
    this.graceTimer.unref();
  }

  /** Ends the session: closes the browser socket (with `code`) and the upstream. */
  dispose(code: number, reason: string): void {
    this.cancelGrace();
    const client = this.client;
    this.client = null;
    this.clientStream = null;
    client?.close(code, reason);
    const ws = this.upstream;
    this.upstream = null;
    this.queue = [];
    this.queueBytes = 0;
    ws?.terminate();
  }

  private onClientFrame(data: Buffer, isBinary: boolean): void {
    const action = readClientFrame(data, isBinary);
    switch (action.kind) {
      case 'ack':
        this.replay.ack(action.seq);
        return;
      case 'reject':
        this.notify(errorFrame(action.code, action.message));
        return;
      case 'rpc':
        this.forward(action.payload);
        return;
    }
  }

  private forward(payload: Buffer): void {
    if (!this.hooks.isCodexReady()) {
      this.notify(errorFrame('OKC_BRIDGE_CODEX_UNAVAILABLE', 'codex is not running; wait for codex-ready'));
      return;
    }
    this.openUpstream();
    const open = this.upstream !== null && this.upstreamOpen;
    const backlog = open && this.upstream !== null ? this.upstream.bufferedAmount : this.queueBytes;
    if (backlog > this.hooks.maxUpstreamBufferedBytes) {
      // why: a codex that stopped reading would otherwise make the bridge hold every frame sent to it.
      this.notify(errorFrame('OKC_BRIDGE_CODEX_UNAVAILABLE', `codex has ${backlog} bytes unread; the rpc message was not delivered`));
      return;
    }
    if (open && this.upstream !== null) {
      this.upstream.send(payload, { binary: false });
    } else {
      // why: the payload may be a view of ws's receive buffer; a queued copy does not pin the rest of it.
      this.queue.push(Buffer.from(payload));
      this.queueBytes += payload.length;
    }
  }

  /**
   * Numbers codex's frame, keeps it for replay and sends it. A frame that is not a JSON object would
   * make the whole envelope unreadable, so it gets no number and the browser an `error` instead.
   */
  private deliver(raw: Buffer, isBinary: boolean): void {
    if (isBinary || !isCodexObject(raw)) {
      this.notify(errorFrame('OKC_BRIDGE_CODEX_FRAME_INVALID', describeCodexGarbage(raw, isBinary)));
      return;
    }
    const frame = rpcFrame(this.replay.lastSeq + 1, raw);
    this.replay.push(frame);
    const client = this.client;
    if (client === null || client.readyState !== WebSocket.OPEN) return;
    if (client.bufferedAmount > this.hooks.maxClientBufferedBytes) {
      // why: an unbounded send queue would grow without limit; the browser resumes from the replay buffer.
      client.terminate();
      return;
    }
    this.corkClient();
    client.send(frame, { binary: false });
  }

  /**
   * Corks the browser's socket until the end of this tick, so that every frame sent meanwhile (a
   * burst of codex frames read in one chunk, a replay) leaves in one write instead of one each.
   * why: `ws` corks each frame on its own; one `writev` per frame was a third of the bridge's time.
   * The uncork runs on `process.nextTick`, before the event loop goes on, so nothing waits longer.
   */
  private corkClient(): void {
    const stream = this.clientStream;
    if (this.corked !== null || stream === null) return;
    stream.cork();
    this.corked = stream;
    process.nextTick(this.uncorkClient);
  }

  private readonly uncorkClient = (): void => {
    const stream = this.corked;
    this.corked = null;
    stream?.uncork();
  };

  private resetUpstream(reason: string): void {
    this.upstream = null;
    this.upstreamOpen = false;
    const dropped = this.queue.length;
    this.queue = [];
    this.queueBytes = 0;
    for (let i = 0; i < dropped; i++) {
      this.notify(errorFrame('OKC_BRIDGE_CODEX_UNAVAILABLE', `${reason}; the rpc message was not delivered`));
    }
  }

  private cancelGrace(): void {
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }
}

function zeroMask(mask: Buffer): void {
  mask.fill(0);
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** Serialized `codex-ready`. */
export const CODEX_READY_FRAME = controlFrame({ type: 'codex-ready' });
