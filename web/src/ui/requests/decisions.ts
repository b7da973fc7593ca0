/**
 * The buttons of a request card: the usual decisions in a row, and the rarer ones behind a "More
 * options" disclosure. why the disclosure: fewer choices at a glance, and every visible button name is
 * unique as a substring too ("Approve" vs "Approve for session"), which keeps role-and-name lookups
 * (tests, assistive technology search) unambiguous.
 */
import { css, html, nothing } from 'lit';
import type { RequestAnswer } from '../../../../protocol/projections.ts';

/** One button: its words and the answer it sends. */
export interface Decision {
  label: string;
  answer: RequestAnswer;
  /** The one emphasised button of the row. */
  primary?: boolean;
  /** Extra words for assistive technology and the tooltip (e.g. the exact prefix allowed). */
  description?: string;
  /** The key that picks it when the card is focused or first in line (see shortcuts.ts). */
  key?: DecisionKey;
}

/** The triage keys: Y says yes, N says no. */
export type DecisionKey = 'Y' | 'N';

/** The decision `key` picks among `decisions`, if any. */
export function decisionFor(decisions: readonly Decision[], key: DecisionKey): Decision | undefined {
  return decisions.find((d) => d.key === key);
}

/** What the button bar needs from its card. */
export interface DecisionBarOptions {
  /** Disable every button (an answer is in flight). */
  busy: boolean;
  /** Whether the "More options" part is open. */
  moreOpen: boolean;
  onToggleMore: () => void;
  onAnswer: (answer: RequestAnswer) => void;
}

function button(d: Decision, opts: DecisionBarOptions) {
  return html`<button type="button" class=${d.primary ? 'primary' : ''} ?disabled=${opts.busy}
    title=${d.description ?? nothing} aria-description=${d.description ?? nothing} aria-keyshortcuts=${d.key ?? nothing}
    @click=${() => opts.onAnswer(d.answer)}>${d.label}${d.key === undefined ? nothing : html` <kbd aria-hidden="true">${d.key}</kbd>`}</button>`;
}

/** A row of decisions, then the extra ones behind a disclosure button (when there are any). */
export function renderDecisions(main: readonly Decision[], more: readonly Decision[], opts: DecisionBarOptions) {
  return html`<div class="actions">
      ${main.map((d) => button(d, opts))}
      ${more.length === 0
        ? nothing
        : html`<button type="button" class="more" aria-expanded=${opts.moreOpen ? 'true' : 'false'} aria-controls="more"
            @click=${opts.onToggleMore}>More options</button>`}
    </div>
    ${more.length === 0 ? nothing : html`<div id="more" class="actions" ?hidden=${!opts.moreOpen}>${more.map((d) => button(d, opts))}</div>`}`;
}

/** Styles for `renderDecisions`. */
export const decisionStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.6rem;
  }
  .actions[hidden] {
    display: none;
  }
  kbd {
    font: inherit;
    font-size: 0.75em;
    padding: 0 0.3em;
    border: 1px solid currentColor;
    border-radius: 3px;
  }
  button.more {
    background: transparent;
    border-style: dashed;
  }
`;
