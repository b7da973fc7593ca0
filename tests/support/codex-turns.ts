/**
 * Thread and turn shortcuts on top of {@link CodexClient}, for integration tests and recording.
 */
import type { ThreadStartParams } from '../../protocol/codex/_generated/v2/ThreadStartParams.ts';
import type { ThreadStartResponse } from '../../protocol/codex/_generated/v2/ThreadStartResponse.ts';
import type { TurnStartParams } from '../../protocol/codex/_generated/v2/TurnStartParams.ts';
import type { TurnStartResponse } from '../../protocol/codex/_generated/v2/TurnStartResponse.ts';
import type { CodexClient } from './codex-client.ts';
import { isNotification, type Frame, type NotificationFrame } from './codex-frames.ts';

/** A started turn: its ids and where its frames begin in `client.frames`. */
export interface TurnHandle {
  threadId: string;
  turnId: string;
  /** Index in `client.frames` just before `turn/start` was sent. */
  from: number;
}

/** `thread/start` with the given params (typically `cwd`, `approvalPolicy`, `sandbox`); returns the result. */
export function startThread(client: CodexClient, params: ThreadStartParams = {}): Promise<ThreadStartResponse> {
  return client.request<ThreadStartResponse>('thread/start', params);
}

/** `turn/start` with one text input (plus any extra params). */
export async function startTurn(
  client: CodexClient,
  threadId: string,
  text: string,
  extra: Partial<Omit<TurnStartParams, 'threadId' | 'input'>> = {},
): Promise<TurnHandle> {
  const from = client.frames.length;
  const params: TurnStartParams = { threadId, input: [{ type: 'text', text, text_elements: [] }], ...extra };
  const res = await client.request<TurnStartResponse>('turn/start', params);
  return { threadId, turnId: res.turn.id, from };
}

/** Waits for `turn/completed` of the given turn. */
export async function waitForTurnCompleted(
  client: CodexClient,
  turn: TurnHandle,
  timeoutMs = 20_000,
): Promise<NotificationFrame<'turn/completed'>> {
  const f = await client.waitFor(
    (x) => isNotification(x, 'turn/completed') && x.params.turn.id === turn.turnId,
    timeoutMs,
    turn.from,
  );
  if (!isNotification(f, 'turn/completed')) throw new Error('unreachable: predicate guarantees turn/completed');
  return f;
}

/** The frames received since the turn was started (all threads; tests use one thread per client). */
export function framesSince(client: CodexClient, turn: TurnHandle): Frame[] {
  return client.frames.slice(turn.from);
}
