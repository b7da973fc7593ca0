/**
 * What the scripted model answers to one `POST /v1/responses`: a stream of Responses API events with
 * optional pauses between them, or a plain HTTP error.
 */
import type { ResponseEvent } from './responses-events.ts';

/** Waits `ms` before the next event is written (slow streams, stalls). */
export interface Pause {
  type: 'pause';
  ms: number;
}

/** One element of a streamed answer. */
export type StreamPart = ResponseEvent | Pause;

/** Answers with a non-200 status and an OpenAI-style error body instead of a stream. */
export interface HttpErrorStep {
  type: 'http-error';
  status: number;
  message: string;
}

/**
 * A scripted answer. A stream is written part by part and the response is then closed, whether or not
 * it contained `response.completed` (leaving it out reproduces "stream closed before
 * response.completed").
 */
export type ScriptStep = readonly StreamPart[] | HttpErrorStep;

/** A pause of `ms` milliseconds. */
export function pause(ms: number): Pause {
  return { type: 'pause', ms };
}

/** An HTTP error answer, e.g. `httpError(500, 'boom')` or `httpError(401, 'bad key')`. */
export function httpError(status: number, message: string): HttpErrorStep {
  return { type: 'http-error', status, message };
}

/** True for the stream variant of a step. */
export function isStream(step: ScriptStep): step is readonly StreamPart[] {
  return Array.isArray(step);
}
