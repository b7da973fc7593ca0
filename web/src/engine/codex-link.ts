/**
 * The engine's link to codex through the bridge: the socket, the JSON-RPC session, the handshake on
 * every fresh codex connection, frame dispatch into the projector, and per-thread resync.
 */
import type { ServerFrame } from '../../../protocol/bridge-frames.ts';
import type { BridgeTarget } from '../../../protocol/engine-api.ts';
import type { ConnectionRecord } from '../../../protocol/projections.ts';
import { responseFor } from './answers.ts';
import { BridgeSocket, type SocketState } from './bridge-socket.ts';
import { Diagnostics } from './diagnostics.ts';
import { ingestNotification, ingestServerRequest } from './ingest.ts';
import type { Projector } from './projector.ts';
import { deliveredClientIds, finishedTurnEvents, resyncEvents } from './resync.ts';
import { CodexRpc, classify } from './rpc.ts';
import { fetchItems, fetchThreadState } from './thread-sync.ts';
import { answerUnsupportedRequest } from './unsupported-requests.ts';
import { activityThread } from './unread.ts';

export const CLIENT_INFO = { name: 'okcode', title: 'OK Code', version: '0.1.0' } as const;

export interface LinkHooks {
  /**
   * The codex connection is initialized (again): resync, send what waits. `newCodex` when the
   * connection to codex is a fresh one (codex restarted, or a new bridge session), rather than the
   * same one resumed after the socket dropped.
   */
  onReady(newCodex: boolean): void;
  /** The socket to the bridge dropped (requests that reached it stay waiting for their answers). */
  onDisconnected(): void;
  /** Codex recorded a user message the engine sent with this client id. */
  onDelivered(clientId: string): void;
  /** Codex answered a request no request of this engine waits on (one an engine before a reload sent). */
  onStrayResponse(id: number | string, error: string | null): void;
  /** A turn ended on a thread (so queued messages may go). */
  onTurnEnded(threadId: string): void;
  /**
   * A thread this connection does not follow went idle (another client used it). Its items only reach
   * subscribers, so its summary (name, preview) must be read again.
   */
  onOtherThreadIdle(threadId: string): void;
  /** Live activity on a thread (a turn ended, an agent message completed): its unread marker. */
  onActivity(threadId: string): void;
}

export class CodexLink {
  private socket: BridgeSocket | null = null;
  private target: BridgeTarget | null = null;
  readonly rpc = new CodexRpc((msg) => this.sendRpc(msg));
  /** Ids of codex's requests answered on the current socket (see `answerAgain`). */
  private answeredHere = new Set<number | string>();
  /** Threads this codex connection is subscribed to (started or resumed on it). */
  private readonly subscribed = new Set<string>();
  private readonly syncing = new Map<string, Promise<void>>();
  /** What the latest welcome said: how many frames the bridge had read, and whether it resumed. */
  private welcome: { received: number; resumed: boolean } | null = null;
  readonly diagnostics = new Diagnostics();
  private conn: ConnectionRecord = {
    state: 'unconfigured',
    detail: 'Open the URL okcode-bridge printed to connect.',
    bridgeVersion: null,
    codexVersion: null,
    cwd: null,
  };

  constructor(
    private readonly projector: Projector,
    private readonly hooks: LinkHooks,
  ) {}

  get connection(): ConnectionRecord {
    return this.conn;
  }

  get ready(): boolean {
    return this.conn.state === 'ready';
  }

  /** The bridge session now (the projector keeps it, to resume after a reload), or null before the first. */
  get sessionId(): string | null {
    return this.projector.sessionMeta()?.sessionId ?? null;
  }

  /**
   * When the latest welcome resumed a session: how many frames the bridge had read in it. A frame
   * beyond it, sent there before, never arrived.
   */
  get resumedReceived(): number | null {
    return this.welcome?.resumed === true ? this.welcome.received : null;
  }

  /** Connects to a bridge; a no-op when already connected to the same one. */
  connect(target: BridgeTarget): boolean {
    if (this.socket && this.target?.url === target.url && this.target.token === target.token) return false;
    this.socket?.close();
    this.target = target;
    this.socket = new BridgeSocket(target, {
      onFrame: (f) => this.onFrame(f),
      onMalformed: () => this.diagnostics.malformedFrame(),
      onState: (s, d) => this.onSocketState(s, d),
      onSessionLost: (d) => this.rpc.rejectAll(d),
      resumePoint: () => this.projector.sessionMeta(),
      ackPoint: () => this.projector.persistedSeq,
    });
    return true;
  }

  markSubscribed(threadId: string): void {
    this.subscribed.add(threadId);
  }

  /** Subscribes to a thread on this codex connection and repairs its projection from codex (once). */
  ensureSynced(threadId: string): Promise<void> {
    if (this.subscribed.has(threadId)) return Promise.resolve();
    return this.resync(threadId);
  }

  /** Re-reads a thread from codex and applies what the projection lacks. Concurrent calls share one run. */
  resync(threadId: string): Promise<void> {
    const running = this.syncing.get(threadId);
    if (running) return running;
    const run = (async () => {
      const state = await fetchThreadState(this.rpc, threadId);
      this.subscribed.add(threadId);
      this.projector.apply(resyncEvents(state.thread, state.turns, state.entries));
      for (const id of deliveredClientIds(state.entries)) this.hooks.onDelivered(id);
    })().finally(() => this.syncing.delete(threadId));
    this.syncing.set(threadId, run);
    return run;
  }

  private onSocketState(state: SocketState, detail: string): void {
    if (state === 'open') {
      this.answeredHere = new Set();
      return; // ready only after the welcome frame (and the handshake)
    }
    this.setConnection({ state: state === 'connecting' ? 'connecting' : state, detail });
    // why no rejectAll here: a request that reached the bridge before the socket dropped is answered
    // on the resumed session (the bridge replays the answer), and failing it would make the outbox
    // send a message codex already took a second time. The welcome says which requests never arrived;
    // a bridge that is gone (onSessionLost) or a new session fails them all.
    if (state !== 'connecting') this.hooks.onDisconnected();
  }

  private onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        this.welcome = { received: frame.received, resumed: frame.resumed };
        this.setConnection({ bridgeVersion: frame.bridgeVersion, codexVersion: frame.codexVersion, cwd: frame.cwd });
        if (!frame.resumed) this.projector.setSession({ sessionId: frame.sessionId, lastSeq: 0 });
        if (!frame.codexReady) {
          // why: codex is restarting; what is sent now is refused, and a request would wait out its
          // timeout. `codex-ready` follows, and with it the handshake.
          this.codexConnectionLost('Codex is starting…');
        } else if (frame.resumed) {
          this.rpc.failUndelivered(frame.received);
          this.setConnection({ state: 'ready', detail: 'Connected.' });
          this.hooks.onReady(false);
        } else {
          this.rpc.rejectAll('The bridge started a new session.');
          void this.handshake();
        }
        return;
      case 'rpc': {
        const session = this.projector.sessionMeta();
        if (session) this.projector.setSession({ ...session, lastSeq: frame.seq });
        this.onCodexMessage(frame.msg);
        return;
      }
      case 'codex-exit':
        this.codexConnectionLost(`Codex exited (${frame.signal ?? `code ${frame.code}`}).${frame.restarting ? ' Restarting it…' : ''}`);
        return;
      case 'codex-ready':
        void this.handshake();
        return;
      case 'gap':
        this.codexConnectionLost('The bridge could not replay what was missed; catching up from codex…');
        return;
      case 'error':
        this.diagnostics.bridgeError(frame.code, frame.message);
        return;
    }
  }

  private codexConnectionLost(detail: string): void {
    this.subscribed.clear();
    this.rpc.rejectAll(detail);
    this.projector.apply([{ type: 'approval.allExpired' }]);
    this.setConnection({ state: 'codexDown', detail });
  }

  /** Initializes a fresh codex connection. Pending approvals of the old one are gone; resync brings them back. */
  private async handshake(): Promise<void> {
    this.subscribed.clear();
    this.projector.apply([{ type: 'approval.allExpired' }]);
    try {
      await this.rpc.request('initialize', { clientInfo: CLIENT_INFO, capabilities: null });
      this.rpc.notify('initialized');
    } catch (e) {
      this.setConnection({ state: 'codexDown', detail: `Codex did not accept the connection: ${String(e)}` });
      return;
    }
    this.setConnection({ state: 'ready', detail: 'Connected.' });
    this.hooks.onReady(true);
  }

  private onCodexMessage(msg: Record<string, unknown>): void {
    const m = classify(msg);
    switch (m.kind) {
      case 'response':
        if (!this.rpc.receiveResponse(msg)) this.hooks.onStrayResponse(m.id, responseError(msg));
        return;
      case 'notification': {
        const r = ingestNotification(m.method, m.params);
        if (r.kind !== 'events') {
          this.diagnostics.notification(r);
          return;
        }
        this.projector.apply(r.events);
        for (const e of r.events) {
          if (e.type === 'turn.completed') this.hooks.onTurnEnded(e.threadId);
          if (e.type === 'turn.completed' && e.status === 'interrupted') void this.reconcileTurn(e.threadId, e.turnId);
          const active = activityThread(e);
          if (active !== null) this.hooks.onActivity(active);
          if (e.type === 'thread.statusChanged' && e.status === 'idle' && !this.subscribed.has(e.threadId)) {
            this.hooks.onOtherThreadIdle(e.threadId);
          }
        }
        const clientId = userMessageClientId(m.method, m.params);
        if (clientId) this.hooks.onDelivered(clientId);
        return;
      }
      case 'request': {
        const events = ingestServerRequest(m.method, m.id, m.params);
        if (events) {
          this.projector.apply(events);
          for (const e of events) if (e.type === 'approval.requested') this.answerAgain(m.id, e.request.requestKey);
        } else answerUnsupportedRequest(this.rpc, m.id, m.method, this.diagnostics);
        return;
      }
      case 'invalid':
        this.diagnostics.malformedFrame();
        return;
    }
  }

  /**
   * Codex re-sends a request it still waits on to a client that resumes the thread. If this engine
   * already answered it, the answer was lost on the way (the connection dropped as it went out): send
   * the same answer again, or the turn would wait forever behind a card that says "Approved". (The
   * original frame is never replayed after an answer: the answer's flush stores the frame's sequence.
   * And an answer sent on an earlier socket went to codex before anything sent on this one.)
   */
  private answerAgain(id: number | string, requestKey: string): void {
    // An answer sent on this same socket crossed the re-send (codex re-sent before reading it): it arrives.
    if (this.answeredHere.has(id)) return;
    const record = this.projector.store.approval(requestKey);
    if (record?.state !== 'answered' || record.decision === null) return;
    const result = responseFor(record, record.decision);
    if (result !== null) this.rpc.respond(id, result);
  }

  private sendRpc(msg: object): number | null {
    const sent = this.socket?.send({ type: 'rpc', msg }) ?? null;
    const { id, method } = msg as { id?: unknown; method?: unknown };
    if (sent !== null && method === undefined && (typeof id === 'number' || typeof id === 'string')) this.answeredHere.add(id);
    return sent;
  }

  /** Drops what codex did not keep of a finished turn (see `finishedTurnEvents`); a failure waits for the next resync. */
  private async reconcileTurn(threadId: string, turnId: string): Promise<void> {
    try {
      this.projector.apply(finishedTurnEvents(threadId, turnId, await fetchItems(this.rpc, threadId, turnId)));
    } catch {
      // not connected any more: the resync on reconnect does the same
    }
  }

  private setConnection(change: Partial<ConnectionRecord>): void {
    this.conn = { ...this.conn, ...change };
    this.projector.setConnection(this.conn);
  }
}

/** The client id of a user message codex just recorded (item/started of a userMessage), if any. */
function userMessageClientId(method: string, params: unknown): string | null {
  if (method !== 'item/started' || typeof params !== 'object' || params === null) return null;
  const item = (params as { item?: unknown }).item;
  if (typeof item !== 'object' || item === null) return null;
  const { type, clientId } = item as { type?: unknown; clientId?: unknown };
  return type === 'userMessage' && typeof clientId === 'string' ? clientId : null;
}

/** The message of an error response, or null for a result. */
function responseError(msg: Record<string, unknown>): string | null {
  const error = msg['error'];
  if (error === undefined) return null;
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : 'codex refused the request';
}
