/**
 * Pure: what to do with messages in doubt after a reconnect, ones marked as sending that no request
 * of this engine waits on (an engine before a reload sent them, or their codex connection is gone).
 * why: codex's record of a thread cannot settle it on its own, because a running codex writes a
 * message down a while after taking it (a steered one only at the model's next request); asking it
 * sent messages twice. The bridge and codex can: a resumed bridge session says how many frames it
 * read, and codex's answer to the request that carried a message may be replayed.
 */
import type { OutboxRecord } from '../../../protocol/local-records.ts';

export interface DoubtContext {
  /** The bridge session now. */
  sessionId: string | null;
  /** Frames the bridge had read when this session resumed; null when it did not resume (or codex is new). */
  resumedReceived: number | null;
  /** Answers codex gave to requests no request of this engine waited on, by request id: null for a result. */
  strayAnswers: ReadonlyMap<number | string, string | null>;
}

export type DoubtVerdict =
  /** The frame that carried it never reached the bridge: send it again. */
  | { kind: 'resend' }
  /** Codex took it: it is delivered. */
  | { kind: 'delivered' }
  /** Codex refused it: it failed, with codex's words. */
  | { kind: 'failed'; error: string }
  /** Codex has it, and its answer has not come yet: wait for it (or for codex's record of the message). */
  | { kind: 'await'; requestId: number }
  /** Only codex's record can tell: check it, and send again if the message is not there. */
  | { kind: 'check' };

export function doubtVerdict(r: Pick<OutboxRecord, 'sentAs'>, ctx: DoubtContext): DoubtVerdict {
  const s = r.sentAs;
  if (s === undefined || s.sessionId !== ctx.sessionId) return { kind: 'check' };
  const answer = ctx.strayAnswers.get(s.requestId);
  if (answer !== undefined) return answer === null ? { kind: 'delivered' } : { kind: 'failed', error: answer };
  if (ctx.resumedReceived === null || s.frame === null) return { kind: 'check' };
  return s.frame > ctx.resumedReceived ? { kind: 'resend' } : { kind: 'await', requestId: s.requestId };
}
