import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ApprovalRecord, CommandDecision } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { approvalOutcomeLabel } from './labels.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-approval-card>`: one command approval. While `approval.state` is `pending` it is an article
 * named "Approve command?" showing the command, its cwd and codex's reason, with **Approve** and
 * **Decline** buttons that call `store.answerApproval(requestKey, 'accept' | 'decline')`. Both buttons
 * stay disabled while that call is in flight. Once the record is answered or resolved (in any tab) the
 * card says the outcome in words instead.
 *
 * why plain LitElement, not SignalWatcher: it reads no signals; the parent reads
 * `store.selectedApprovals` and hands each record in.
 */
@customElement('okc-approval-card')
export class ApprovalCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
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
      p {
        margin: 0 0 0.4rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        margin-top: 0.6rem;
      }
      .outcome {
        font-weight: 600;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  /** The approval to show. */
  @property({ attribute: false }) approval?: ApprovalRecord;

  /** The decision being sent, while `answerApproval` is in flight. */
  @state() private answering: CommandDecision | null = null;

  override render() {
    const approval = this.approval;
    if (approval === undefined) return nothing;
    const outcome = approvalOutcomeLabel(approval);
    const busy = this.answering !== null || outcome !== null;
    return html`<article aria-labelledby="title" aria-busy=${this.answering !== null ? 'true' : 'false'}>
      <h2 id="title">Approve command?</h2>
      <pre class="mono">${approval.command}</pre>
      <p class="muted">in <span class="mono">${approval.cwd}</span></p>
      ${approval.reason === null ? nothing : html`<p>Reason: ${approval.reason}</p>`}
      ${outcome === null
        ? html`<div class="actions">
            <button class="primary" type="button" ?disabled=${busy} @click=${() => this.answer('accept')}>
              Approve
            </button>
            <button type="button" ?disabled=${busy} @click=${() => this.answer('decline')}>Decline</button>
            ${this.answering === null ? nothing : html`<span class="muted" role="status">Sending…</span>`}
          </div>`
        : html`<p class="outcome" role="status">${outcome}</p>`}
    </article>`;
  }

  private async answer(decision: CommandDecision): Promise<void> {
    if (this.store === undefined || this.approval === undefined || this.answering !== null) return;
    this.answering = decision;
    try {
      await this.store.answerApproval(this.approval.requestKey, decision);
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
