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

export class CodexRpc {
  private readonly client: JSONRPCClient;
  private nextId = 1;

  /** `send` puts one codex message on the wire; false when it could not. */
  constructor(private readonly send: (msg: object) => boolean) {
    this.client = new JSONRPCClient(
      (request) => (this.send(request) ? Promise.resolve() : Promise.reject(new RpcError('Not connected to the bridge.', null))),
      () => this.nextId++,
    );
  }

  /** Calls a codex method; rejects with RpcError on a JSON-RPC error, a send failure or a timeout. */
  async request<M extends KnownMethod>(method: M, params: ParamsOf<M>, timeoutMs = 60_000): Promise<ResultMap[M]> {
    const response = await this.client.timeout(timeoutMs, (id) => ({
      jsonrpc: '2.0',
      id,
      error: { code: -32000, message: `codex did not answer ${method} within ${timeoutMs / 1000} s` },
    })).requestAdvanced({ jsonrpc: '2.0', id: this.nextId++, method, params });
    if (response.error) throw new RpcError(response.error.message, response.error.code);
    return response.result as ResultMap[M];
  }

  notify(method: string, params?: object): void {
    this.send(params === undefined ? { method } : { method, params });
  }

  /** Feeds a response from codex to the waiting request. */
  receiveResponse(msg: Record<string, unknown>): void {
    this.client.receive({ ...msg, jsonrpc: '2.0' } as JSONRPCResponse);
  }

  /** Answers a server request. */
  respond(id: number | string, result: unknown): boolean {
    return this.send({ id, result });
  }

  respondError(id: number | string, code: number, message: string): boolean {
    return this.send({ id, error: { code, message } });
  }

  /** Fails every waiting request (the codex connection they were sent on is gone). */
  rejectAll(reason: string): void {
    this.client.rejectAllPendingRequests(reason);
  }
}
