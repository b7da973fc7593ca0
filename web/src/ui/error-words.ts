/** codex errors in plain words, by codex's machine code (`codexErrorInfo`). Pure. */
import type { TurnErrorView } from '../../../protocol/projections.ts';

const WORDS: Readonly<Record<string, string>> = {
  contextWindowExceeded: 'The conversation no longer fits in the model’s context window.',
  sessionBudgetExceeded: 'This session used up its budget.',
  usageLimitExceeded: 'The account’s usage limit is reached.',
  rateLimitExceeded: 'Too many requests; the model’s rate limit was hit.',
  serverOverloaded: 'The model service is overloaded.',
  internalServerError: 'The model service had an internal error.',
  modelNotFound: 'The model was not found.',
  unauthorized: 'Codex is not signed in, or its key was refused.',
  badRequest: 'The model service refused the request.',
  sandboxError: 'The sandbox failed.',
  httpConnectionFailed: 'Codex could not reach the model service.',
  responseStreamConnectionFailed: 'Codex could not reach the model service.',
  responseStreamDisconnected: 'The connection to the model service dropped.',
  responseTooManyFailedAttempts: 'The model service kept failing.',
};

/**
 * One line for people: what went wrong in words (when codex's code is known), then codex's own
 * message and details. Unknown codes fall back to codex's message alone.
 */
export function errorInWords(e: TurnErrorView): string {
  const words = e.code === null ? undefined : WORDS[e.code];
  const status = e.httpStatus === null ? '' : ` (HTTP ${e.httpStatus})`;
  const codex = e.details ? `${e.message} (${e.details})` : e.message;
  return words === undefined ? `${codex}${status}` : `${words}${status} ${codex}`;
}
