/**
 * Records that belong to this browser, not to codex: messages waiting to be sent, drafts, and which
 * threads have activity the user has not seen.
 * Written by the engine only (one writer), fanned out to tabs like the projections.
 */

export type OutboxState =
  /** Waiting for the bridge (or, with `afterTurn`, for the thread's running turn to end). */
  | 'queued'
  /** Handed to codex; removed once codex records the user message. */
  | 'sending'
  /** Codex refused it; shown with `error` until the user retries or discards it. */
  | 'failed';

import type { TurnOverrides } from './engine-api.ts';

export interface OutboxRecord {
  /** Also the `clientUserMessageId` codex stores on the user message: how delivery is recognised. */
  id: string;
  threadId: string;
  text: string;
  /** Unix milliseconds, set by the engine; sends go out in this order. */
  createdAt: number;
  /** Send only when the thread has no running turn (Queue), instead of steering it (Steer). */
  afterTurn: boolean;
  overrides: TurnOverrides | null;
  /** data: URLs of attached images. */
  images: string[];
  state: OutboxState;
  error: string | null;
  /**
   * Set while sending: the request that carries the message, stored before it goes out (`frame`
   * once it has). After a reload, the bridge's `welcome.received` tells whether that frame arrived,
   * and a replayed answer with `requestId` how codex took it.
   */
  sentAs?: SentAs;
  rev: number;
}

/** The request an outbox message went out in (see `OutboxRecord.sentAs`). */
export interface SentAs {
  /** The bridge session it was sent in. */
  sessionId: string;
  requestId: number;
  /** Its frame number in that session; null until it is on the wire. */
  frame: number | null;
}

/**
 * A thread's unread marker: set when a turn of it ends or an agent message of it completes, cleared
 * when a visible tab shows the thread (the tab says so with `markRead`).
 */
export interface ReadStateRecord {
  threadId: string;
  unread: boolean;
  rev: number;
}

export interface DraftRecord {
  threadId: string;
  text: string;
  rev: number;
}
