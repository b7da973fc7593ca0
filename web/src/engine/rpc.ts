/**
 * JSON-RPC with codex over the bridge socket, on json-rpc-2.0's client.
 * why: codex never sends a `jsonrpc` field, and the library only recognises messages that carry
 * `"jsonrpc": "2.0"`, so responses get it added on receipt.
 */

// why: json-rpc-2.0 is CommonJS with re-exported names that bundlers cannot see statically; its
// default export (module.exports) is the one shape Vite and the test server agree on.
const { JSONRPCClient } = jsonRpc;
type JSONRPCClient = InstanceType<typeof JSONRPCClient>;
import jsonRpc, { type JSONRPCResponse } from 'json-rpc-2.0';
import type { KnownMethod, ParamsOf, ResultMap } from '../../../protocol/codex/methods.ts';

export type RpcMessage =
  | { kind: 'response'; id: number | string }
  | { kind: 'notification'; method: string; params: unknown }
  | { kind: 'request'; id: number | string; method: string; params: unknown }
  | { kind: 'invalid' };

function isId(v: unknown): v is number | string {
  return (typeof v === 'number' && Number.isSafeInteger(v)) || typeof v === 'string';
}

/** Classifies a codex message by its shape. */
export function classify(msg: Record<string, unknown>): RpcMessage {
  const { id, method } = msg;
  if (typeof method === 'string') {
    return isId(id) ? { kind: 'request', id, method, params: msg['params'] } : { kind: 'notification', method, params: msg['params'] };
  }
  if (isId(id) && ('result' in msg || 'error' in msg)) return { kind: 'response', id };
  return { kind: 'invalid' };
}

export class RpcError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
  ) {
    super(message);
  }
}

/** A request that never reached the bridge (sent on a socket that dropped): codex did not see it. */
export class NotDeliveredError extends RpcError {
  constructor(method: string) {
    super(`The connection dropped before ${method} reached the bridge.`, null);
  }
}

/** A code of our own, outside JSON-RPC's, for the synthetic answer that fails an undelivered request. */
const NOT_DELIVERED_CODE = -32099;

/** Where a request went: its id and its frame number in the bridge session. */
export interface SentRequest {
  id: number;
  frame: number;
}

export interface RequestOptions {
  timeoutMs?: number;
  /** The id to use (from `reserveId`), so a caller can store it before the request goes out. */
  id?: number;
  /** Called as the request goes out on the wire. */
  onSent?: (sent: SentRequest) => void;
}

/**
 * why random: a reloaded engine resumes its predecessor's codex connection, and answers to the
 * predecessor's requests may still be replayed; ids no earlier engine used keep them from being
 * taken for answers to this one's. Below 2^48, so ids stay safe integers for the engine's lifetime.
 */
function firstId(): number {
  return 1 + Math.floor(Math.random() * 2 ** 48);
}

export class CodexRpc {
  private readonly client: JSONRPCClient;
  private nextId = firstId();
  /** `onSent` of requests about to go out, by id. */
  private readonly sentHooks = new Map<number | string, (sent: SentRequest) => void>();
  /** Waiting requests: their bridge frame number (see `failUndelivered`). */
  private readonly frames = new Map<number | string, number>();

  /** `send` puts one codex message on the wire and returns its bridge frame number; null when it could not. */
  constructor(private readonly send: (msg: object) => number | null) {
    this.client = new JSONRPCClient((request) => {
      const frame = this.send(request);
      if (frame === null) return Promise.reject(new RpcError('Not connected to the bridge.', null));
      if (request.id !== undefined && request.id !== null) {
        this.frames.set(request.id, frame);
        if (typeof request.id === 'number') this.sentHooks.get(request.id)?.({ id: request.id, frame });
      }
      return Promise.resolve();
    }, () => this.nextId++);
  }

  /**
   * Calls a codex method; rejects with RpcError on a JSON-RPC error, a send failure or a timeout, and
   * with NotDeliveredError when the request was lost with a dropped socket. A request that reached
   * the bridge before its socket dropped stays waiting: the bridge replays codex's answer on resume.
   */
  async request<M extends KnownMethod>(method: M, params: ParamsOf<M>, options: RequestOptions = {}): Promise<ResultMap[M]> {
    const { timeoutMs = 60_000, onSent } = options;
    const id = options.id ?? this.reserveId();
    if (onSent) this.sentHooks.set(id, onSent);
    try {
      const response = await this.client.timeout(timeoutMs, (rid) => ({
        jsonrpc: '2.0',
        id: rid,
        error: { code: -32000, message: `codex did not answer ${method} within ${timeoutMs / 1000} s` },
      })).requestAdvanced({ jsonrpc: '2.0', id, method, params });
      if (response.error?.code === NOT_DELIVERED_CODE) throw new NotDeliveredError(method);
      if (response.error) throw new RpcError(response.error.message, response.error.code);
      return response.result as ResultMap[M];
    } finally {
      this.frames.delete(id);
      this.sentHooks.delete(id);
    }
  }

  /** An id for a later `request` (see `RequestOptions.id`). */
  reserveId(): number {
    return this.nextId++;
  }

  /**
   * The bridge session resumed having read `received` frames: waiting requests sent as later frames
   * never arrived, and fail with NotDeliveredError (safe to send again). The others will be answered.
   */
  failUndelivered(received: number): void {
    for (const [id, frame] of [...this.frames]) {
      if (frame <= received) continue;
      this.frames.delete(id);
      this.client.receive({ jsonrpc: '2.0', id, error: { code: NOT_DELIVERED_CODE, message: 'not delivered' } });
    }
  }

  notify(method: string, params?: object): void {
    this.send(params === undefined ? { method } : { method, params });
  }

  /** Feeds a response from codex to the waiting request; false when no request of this engine waits for it. */
  receiveResponse(msg: Record<string, unknown>): boolean {
    const id = msg['id'];
    if ((typeof id !== 'number' && typeof id !== 'string') || !this.frames.has(id)) return false;
    this.client.receive({ ...msg, jsonrpc: '2.0' } as JSONRPCResponse);
    return true;
  }

  /** Answers a server request; false when it could not be sent. */
  respond(id: number | string, result: unknown): boolean {
    return this.send({ id, result }) !== null;
  }

  respondError(id: number | string, code: number, message: string): boolean {
    return this.send({ id, error: { code, message } }) !== null;
  }

  /** Fails every waiting request (the codex connection they were sent on is gone). */
  rejectAll(reason: string): void {
    this.frames.clear();
    this.client.rejectAllPendingRequests(reason);
  }
}
