import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { TurnRecord } from '../../../../protocol/projections.ts';
import { errorInWords } from '../error-words.ts';
import { planStepLabel } from '../labels.ts';
import { sharedStyles } from '../shared-styles.ts';
import { diffFiles, diffStats, unifiedDiffLines } from './diff-lines.ts';
import { diffStyles, renderDiff } from './diff-view.ts';

const STEP_MARK = { pending: '○', inProgress: '◐', completed: '●' } as const;

/**
 * `<okc-turn-card>`: what belongs to a turn rather than to one item: a retry in progress (transient,
 * as a status), the plan checklist (turn/plan/updated), the turn's cumulative diff (collapsed behind a
 * real button), and a failure in words. Renders nothing when the turn has none of these.
 *
 * why plain LitElement: a leaf that reads only its `turn` (and keeps its diff open or closed).
 */
@customElement('okc-turn-card')
export class TurnCard extends LitElement {
  static override styles = [
    sharedStyles,
    diffStyles,
    css`
      :host {
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      section {
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 8px;
        padding: 0.5rem 0.8rem;
        margin-bottom: 0.5rem;
        font-size: 0.92em;
      }
      h3 {
        font-size: 0.9em;
        margin: 0 0 0.3rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
      }
      .completed .step {
        text-decoration: line-through;
        color: var(--okc-muted, GrayText);
      }
      .inProgress .step {
        font-weight: 600;
      }
      .words {
        font-size: 0.8em;
        color: var(--okc-muted, GrayText);
      }
      .retry {
        color: var(--okc-muted, GrayText);
      }
      .failed {
        border-color: var(--okc-danger, red);
        background: var(--okc-danger-bg, Canvas);
        white-space: pre-wrap;
      }
    `,
  ];

  /** The turn to show. */
  @property({
    attribute: false,
    hasChanged: (next: TurnRecord | undefined, prev: TurnRecord | undefined) => next?.turnId !== prev?.turnId || next?.rev !== prev?.rev,
  })
  turn?: TurnRecord;

  @state() private diffOpen = false;

  override render() {
    const t = this.turn;
    if (t === undefined) return nothing;
    return html`${t.retrying === null || t.status !== 'inProgress'
        ? nothing
        : html`<p class="retry" role="status">Retrying: ${errorInWords(t.retrying)}</p>`}
      ${t.plan === null || t.plan.steps.length === 0 ? nothing : this.renderPlan(t.plan)}
      ${t.diff === null || t.diff === '' ? nothing : this.renderTurnDiff(t.diff)}
      ${t.status === 'failed' && t.errorInfo !== null
        ? html`<section class="failed" role="note"><strong>This turn failed.</strong> ${errorInWords(t.errorInfo)}</section>`
        : nothing}`;
  }

  private renderPlan(plan: NonNullable<TurnRecord['plan']>) {
    return html`<section aria-label="Plan">
      <h3>Plan</h3>
      ${plan.explanation ? html`<p class="muted">${plan.explanation}</p>` : nothing}
      <ol>
        ${plan.steps.map(
          (s) => html`<li class=${s.status}>
            <span aria-hidden="true">${STEP_MARK[s.status]}</span>
            <span class="step">${s.step}</span>
            <span class="words">${planStepLabel(s.status)}</span>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderTurnDiff(diff: string) {
    const lines = unifiedDiffLines(diff);
    const { added, removed } = diffStats(lines);
    const files = diffFiles(diff).length;
    return html`<section aria-label="Changes in this turn">
      <h3>Changes in this turn: ${files === 1 ? '1 file' : `${files} files`}, +${added} −${removed}</h3>
      <button type="button" aria-expanded=${this.diffOpen ? 'true' : 'false'} aria-controls="diff" @click=${() => (this.diffOpen = !this.diffOpen)}>
        ${this.diffOpen ? 'Hide changes' : 'Show changes'}
      </button>
      <div id="diff" ?hidden=${!this.diffOpen}>${this.diffOpen ? renderDiff(lines, 'Turn diff') : nothing}</div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-turn-card': TurnCard;
  }
}
