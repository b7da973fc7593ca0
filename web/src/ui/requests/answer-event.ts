/** The event a request form fires with the user's answer: `okc-request-answer`, detail RequestAnswer. */
import type { RequestAnswer } from '../../../../protocol/projections.ts';

/** The event's name. */
export const ANSWER_EVENT = 'okc-request-answer';

/** The event carrying `answer`, bubbling out of shadow roots. */
export function answerEvent(answer: RequestAnswer): CustomEvent<RequestAnswer> {
  return new CustomEvent(ANSWER_EVENT, { detail: answer, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'okc-request-answer': CustomEvent<RequestAnswer>;
  }
}
