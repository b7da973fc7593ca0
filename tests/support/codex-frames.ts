/**
 * Typed views of raw frames received from `codex app-server`, using the generated wire types of the
 * pinned codex. The guards check only the `method` (and `id`) of a frame; the payload is trusted to
 * match the generated type, which is what the integration tests are there to confirm.
 */
import type { RequestId } from '../../protocol/codex/_generated/RequestId.ts';
import type { ServerNotification } from '../../protocol/codex/_generated/ServerNotification.ts';
import type { ServerRequest } from '../../protocol/codex/_generated/ServerRequest.ts';
import type { ThreadItem } from '../../protocol/codex/_generated/v2/ThreadItem.ts';

/** One JSON object received from (or sent to) codex, as parsed from its line. */
export type Frame = Record<string, unknown>;

/** A notification method of the pinned codex. */
export type NotificationMethod = ServerNotification['method'];
/** A server→client request method of the pinned codex. */
export type ServerRequestMethod = ServerRequest['method'];

/** A notification frame of the given method; codex adds a top-level `emittedAtMs`. */
export type NotificationFrame<M extends NotificationMethod> = Extract<ServerNotification, { method: M }> & {
  emittedAtMs?: number;
};

/** A server→client request frame of the given method. */
export type ServerRequestFrame<M extends ServerRequestMethod> = Extract<ServerRequest, { method: M }>;

/** A thread item of the given type. */
export type ItemOf<T extends ThreadItem['type']> = Extract<ThreadItem, { type: T }>;

/** True for a notification (a `method` and no `id`) of the given method. */
export function isNotification<M extends NotificationMethod>(f: Frame, method: M): f is Frame & NotificationFrame<M> {
  return f['method'] === method && !('id' in f);
}

/** True for a server→client request (a `method` and an `id`) of the given method. */
export function isServerRequest<M extends ServerRequestMethod>(f: Frame, method: M): f is Frame & ServerRequestFrame<M> {
  return f['method'] === method && 'id' in f;
}

/** True for any server→client request. */
export function isAnyServerRequest(f: Frame): f is Frame & { method: string; id: RequestId; params: unknown } {
  return typeof f['method'] === 'string' && 'id' in f;
}

/**
 * The item of an `item/started` / `item/completed` notification when it has the given type
 * (and, if given, the given id); otherwise null.
 */
export function itemOf<T extends ThreadItem['type']>(
  f: Frame,
  phase: 'item/started' | 'item/completed',
  type: T,
  id?: string,
): ItemOf<T> | null {
  if (!isNotification(f, phase)) return null;
  const item = f.params.item;
  if (item.type !== type || (id !== undefined && item.id !== id)) return null;
  return item as ItemOf<T>;
}

/** The methods of `frames`, in order (handy in assertion messages). */
export function methodsOf(frames: readonly Frame[]): string[] {
  return frames.map((f) => (typeof f['method'] === 'string' ? f['method'] : `response#${String(f['id'])}`));
}
