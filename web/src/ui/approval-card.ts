import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApprovalRecord, RequestAnswer } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { approvalOutcomeLabel } from './labels.ts';
import { sharedStyles } from './shared-styles.ts';
import { decisionFor, decisionStyles, renderDecisions, type DecisionKey } from './requests/decisions.ts';
import { requestView } from './requests/request-view.ts';
import './requests/elicitation-form.ts';
import './requests/user-input-form.ts';

/**
 * `<okc-approval-card>`: one server request codex is waiting on, as an article named by its question:
 * "Approve command?" (**Approve**, **Always allow this command** when codex proposes a prefix,
 * **Decline**, **Cancel turn**, and **Approve for session** under "More options"), "Apply file
 * changes?", "Grant permissions?" (**Grant for this turn**, **Grant for session**, **Deny**), codex's
 * questions (options as radio buttons, **Submit answers**), "Allow tool call?" and MCP forms
 * (**Accept**, **Decline**, **Cancel**). Every control is disabled while the answer is in flight
 * (`store.answerApproval`). Once the record is answered or resolved (in any tab) the card says the
 * outcome in words instead.
 *
 * Keyboard triage: **Y** picks the yes button (Approve, Grant for this turn) and **N** the no button
 * (Decline, Deny), shown on the buttons and in `aria-keyshortcuts`; `<okc-app>` routes the keys here
 * through `answerWithKey`. The article itself takes focus (`focusCard`) so a new request can be reached.
 *
 * why plain LitElement, not SignalWatcher: it reads no signals; the parent reads
 * `store.selectedApprovals` and hands each record in.
 */
@customElement('okc-approval-card')
export class ApprovalCard extends LitElement {
  static override styles = [
    sharedStyles,
    decisionStyles,
    css`
      :host {
        display: block;
      }
      article:focus {
        outline: 3px solid var(--okc-focus, Highlight);
      }
      article {
        border: 1px solid var(--okc-warn-border, GrayText);
        background: var(--okc-warn-bg, Canvas);
        border-radius: 8px;
        padding: 0.75rem 0.9rem;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.4rem;
      }
      pre {
        margin: 0 0 0.4rem;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      p,
      ul {
        margin: 0 0 0.4rem;
      }
      a {
        color: var(--okc-link, LinkText);
        overflow-wrap: anywhere;
      }
      .outcome {
        font-weight: 600;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  /** The request to show. */
  @property({ attribute: false }) approval?: ApprovalRecord;

  /** The answer being sent, while `answerApproval` is in flight. */
  @state() private answering: RequestAnswer | null = null;
  @state() private moreOpen = false;

  override render() {
    const approval = this.approval;
    if (approval === undefined) return nothing;
    const outcome = approvalOutcomeLabel(approval);
    const busy = this.answering !== null || outcome !== null;
    const view = requestView(approval);
    return html`<article tabindex="-1" aria-labelledby="title" aria-busy=${this.answering !== null ? 'true' : 'false'}
      @okc-request-answer=${(e: CustomEvent<RequestAnswer>) => void this.answer(e.detail)}>
      <h2 id="title">${view.title}</h2>
      ${view.body}
      ${outcome !== null
        ? html`<p class="outcome" role="status">${outcome}</p>`
        : html`${view.form === 'userInput' && approval.kind === 'userInput'
              ? html`<okc-user-input-form .questions=${approval.questions} ?busy=${busy}></okc-user-input-form>`
              : nothing}
            ${view.form === 'elicitation' && approval.kind === 'mcpElicitation' && approval.form.mode === 'form'
              ? html`<okc-elicitation-form .fields=${approval.form.fields} ?busy=${busy}></okc-elicitation-form>`
              : nothing}
            ${renderDecisions(view.main, view.more, {
              busy,
              moreOpen: this.moreOpen,
              onToggleMore: () => (this.moreOpen = !this.moreOpen),
              onAnswer: (a) => void this.answer(a),
            })}
            ${this.answering === null ? nothing : html`<span class="muted" role="status">Sending…</span>`}`}
    </article>`;
  }

  /** Answers with the decision `key` stands for; false when this card has none or cannot answer now. */
  answerWithKey(key: DecisionKey): boolean {
    const approval = this.approval;
    if (approval === undefined || this.answering !== null || approval.state !== 'pending') return false;
    const decision = decisionFor(requestView(approval).main, key);
    if (decision === undefined) return false;
    void this.answer(decision.answer);
    return true;
  }

  /** Moves focus to the card, whose name (its question) is then read out. */
  async focusCard(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector('article')?.focus();
  }

  private async answer(answer: RequestAnswer): Promise<void> {
    if (this.store === undefined || this.approval === undefined || this.answering !== null) return;
    this.answering = answer;
    try {
      await this.store.answerApproval(this.approval.requestKey, answer);
    } finally {
      this.answering = null;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-approval-card': ApprovalCard;
  }
}
