/**
 * Pure translation of codex app-server frames into domain events.
 * No I/O, no clocks: the same frame always gives the same events. Unknown methods and malformed params
 * become diagnostics (counted by the caller), never exceptions. The per-noun translators live in
 * `ingest/`; this module is their one entry point.
 */
import type { DomainEvent } from '../../../protocol/events.ts';
import type { TurnErrorView, TurnStatusView } from '../../../protocol/projections.ts';
import type { TurnError } from '../../../protocol/codex/methods.ts';
import { NOTIFICATIONS, notificationEntry } from './ingest/notification-table.ts';
import { isObj } from './ingest/read.ts';
import { readTurnError } from './ingest/turns.ts';

export { itemSnapshot } from './ingest/items.ts';
export { ingestServerRequest, requestIdOf, requestKeyOf } from './ingest/requests.ts';
export { threadSnapshot, threadStatusView } from './ingest/threads.ts';
export { errorText } from './turn-error.ts';

/** What became of one notification: events, or why there are none. */
export type IngestResult =
  | { kind: 'events'; events: DomainEvent[] }
  /** A known method we deliberately do not project (see ingest/notification-table.ts for why). */
  | { kind: 'ignored'; method: string }
  | { kind: 'unknown'; method: string }
  | { kind: 'malformed'; method: string; problem: string };

/** Methods we know and deliberately leave out of the projections, with the reason. */
export const IGNORED_NOTIFICATIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(NOTIFICATIONS).flatMap(([m, e]) => (typeof e === 'function' ? [] : [[m, e.ignore]])),
);

/** Translates one codex notification into domain events. */
export function ingestNotification(method: string, params: unknown): IngestResult {
  const entry = notificationEntry(method);
  if (entry === undefined) return { kind: 'unknown', method };
  if (typeof entry !== 'function') return { kind: 'ignored', method };
  if (!isObj(params)) return { kind: 'malformed', method, problem: 'params is not an object' };
  try {
    return { kind: 'events', events: entry(params) };
  } catch (e) {
    // why: params that do not have the promised shape (ingest/read.ts throws Malformed) must become a
    // diagnostic, not an exception in the engine's socket handler; so must any bug they trigger.
    return { kind: 'malformed', method, problem: e instanceof Error ? e.message : String(e) };
  }
}

/** Whether a turn status means the turn is over. */
export function isFinal(status: TurnStatusView): boolean {
  return status !== 'inProgress';
}

/** A typed codex TurnError (from a response, e.g. thread/turns/list) in parts; never throws. */
export function turnErrorView(e: TurnError): TurnErrorView {
  try {
    return readTurnError(e);
  } catch {
    return { message: String(e.message), code: null, httpStatus: null, details: null };
  }
}
