/**
 * The engine: owns the bridge socket and the codex JSON-RPC session, turns codex frames into
 * projections, and serves the tabs' commands (EngineApi). One per origin (SharedWorker).
 */
import type {
  AnswerApprovalParams,
  BridgeTarget,
  EngineApi,
  EngineResult,
  SendMessageParams,
  StartThreadParams,
} from '../../../protocol/engine-api.ts';
import type { ServerFrame } from '../../../protocol/bridge-frames.ts';
import type { ConnectionRecord } from '../../../protocol/projections.ts';
import { responseFor } from './answers.ts';
import { BridgeSocket, type SocketState } from './bridge-socket.ts';
import { Diagnostics } from './diagnostics.ts';
import { ingestNotification, ingestServerRequest, requestIdOf, threadSnapshot } from './ingest.ts';
import type { Projector } from './projector.ts';
import { CodexRpc, classify } from './rpc.ts';
import { answerUnsupportedRequest } from './unsupported-requests.ts';

export const CLIENT_INFO = { name: 'okcode', title: 'OK Code', version: '0.1.0' } as const;

/** Persists the bridge target so a later worker (after every tab closed) can reconnect by itself. */
export type SaveTarget = (target: BridgeTarget) => Promise<void>;

function fail<T>(code: 'OKC_NOT_CONNECTED' | 'OKC_RPC_FAILED', e: unknown): EngineResult<T> {
  return { ok: false, code, message: e instanceof Error ? e.message : String(e) };
}

export class Engine implements EngineApi {
  private socket: BridgeSocket | null = null;
  private target: BridgeTarget | null = null;
  private readonly rpc = new CodexRpc((msg) => this.socket?.send({ type: 'rpc', msg }) ?? false);
  /** Threads this codex connection is subscribed to (started or resumed on it). */
  private readonly subscribed = new Set<string>();
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
    private readonly saveTarget: SaveTarget,
  ) {}

  async connect(target: BridgeTarget): Promise<void> {
    if (this.socket && this.target?.url === target.url && this.target.token === target.token) return;
    this.socket?.close();
    this.target = target;
    await this.saveTarget(target);
    this.socket = new BridgeSocket(target, {
      onFrame: (f) => this.onFrame(f),
      onState: (s, d) => this.onSocketState(s, d),
      resumePoint: () => this.projector.sessionMeta(),
    });
  }

  async connection(): Promise<ConnectionRecord> {
    return this.conn;
  }

  async startThread(params: StartThreadParams): Promise<EngineResult<{ threadId: string }>> {
    if (this.conn.state !== 'ready') return { ok: false, code: 'OKC_NOT_CONNECTED', message: this.conn.detail };
    try {
      const cwd = params.cwd ?? this.conn.cwd;
      const r = await this.rpc.request('thread/start', {
        ...(cwd ? { cwd } : {}),
        // why: supervised by default: codex asks before running commands, inside a workspace sandbox.
        approvalPolicy: 'untrusted',
        sandbox: 'workspace-write',
      });
      this.subscribed.add(r.thread.id);
      this.projector.apply([{ type: 'thread.upserted', thread: threadSnapshot(r.thread) }]);
      await this.projector.flushNow();
      return { ok: true, value: { threadId: r.thread.id } };
    } catch (e) {
      return fail('OKC_RPC_FAILED', e);
    }
  }

  async sendMessage(params: SendMessageParams): Promise<EngineResult<{ turnId: string }>> {
    if (this.conn.state !== 'ready') return { ok: false, code: 'OKC_NOT_CONNECTED', message: this.conn.detail };
    try {
      await this.ensureSubscribed(params.threadId);
      const r = await this.rpc.request('turn/start', {
        threadId: params.threadId,
        input: [{ type: 'text', text: params.text, text_elements: [] }],
      });
      this.projector.apply([{ type: 'turn.started', threadId: params.threadId, turnId: r.turn.id }]);
      return { ok: true, value: { turnId: r.turn.id } };
    } catch (e) {
      return fail('OKC_RPC_FAILED', e);
    }
  }

  async answerApproval(params: AnswerApprovalParams): Promise<EngineResult<null>> {
    const approval = this.projector.store.approval(params.requestKey);
    if (!approval) return { ok: false, code: 'OKC_UNKNOWN_APPROVAL', message: 'This request is no longer known.' };
    if (approval.state !== 'pending') {
      return { ok: false, code: 'OKC_ALREADY_ANSWERED', message: 'This request was already answered.' };
    }
    if (!this.rpc.respond(requestIdOf(params.requestKey), responseFor(approval, params.decision))) {
      return { ok: false, code: 'OKC_NOT_CONNECTED', message: 'Not connected to the bridge; answer again when it is back.' };
    }
    this.projector.apply([{ type: 'approval.answered', requestKey: params.requestKey, decision: params.decision }]);
    await this.projector.flushNow();
    return { ok: true, value: null };
  }

  private async ensureSubscribed(threadId: string): Promise<void> {
    if (this.subscribed.has(threadId)) return;
    const r = await this.rpc.request('thread/resume', { threadId, excludeTurns: true });
    this.subscribed.add(threadId);
    this.projector.apply([{ type: 'thread.upserted', thread: threadSnapshot(r.thread) }]);
  }

  private onSocketState(state: SocketState, detail: string): void {
    if (state === 'open') return; // ready only after the welcome frame (and the handshake)
    this.setConnection({ state: state === 'connecting' ? 'connecting' : state, detail });
  }

  private onFrame(frame: ServerFrame): void {
    switch (frame.type) {
      case 'welcome':
        this.setConnection({ bridgeVersion: frame.bridgeVersion, codexVersion: frame.codexVersion, cwd: frame.cwd });
        if (frame.resumed) {
          this.setConnection({ state: 'ready', detail: 'Connected.' });
        } else {
          this.projector.setSession({ sessionId: frame.sessionId, lastSeq: 0 });
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
        this.codexConnectionLost(
          `Codex exited (${frame.signal ?? `code ${frame.code}`}).${frame.restarting ? ' Restarting it…' : ''}`,
        );
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

  /** Initializes a fresh codex connection, then re-subscribes threads that were busy. */
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
    // why: codex re-sends pending approvals (same ids) to a connection that resumes the thread.
    const busy = this.projector.store.allThreads().filter((t) => t.status !== 'idle' && t.status !== 'notLoaded');
    for (const t of busy) void this.ensureSubscribed(t.id).catch(() => undefined);
  }

  private onCodexMessage(msg: Record<string, unknown>): void {
    const m = classify(msg);
    switch (m.kind) {
      case 'response':
        this.rpc.receiveResponse(msg);
        return;
      case 'notification': {
        const r = ingestNotification(m.method, m.params);
        if (r.kind === 'events') this.projector.apply(r.events);
        else this.diagnostics.notification(r);
        return;
      }
      case 'request': {
        const events = ingestServerRequest(m.method, m.id, m.params);
        if (events) this.projector.apply(events);
        else answerUnsupportedRequest(this.rpc, m.id, m.method, this.diagnostics);
        return;
      }
      case 'invalid':
        this.diagnostics.malformedFrame();
        return;
    }
  }

  private setConnection(change: Partial<ConnectionRecord>): void {
    this.conn = { ...this.conn, ...change };
    this.projector.setConnection(this.conn);
  }
}
