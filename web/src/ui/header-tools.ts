import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';
import './usage-meter.ts';

export type PanelName = 'diagnostics' | 'account';

const TITLES: Record<PanelName, string> = { diagnostics: 'Diagnostics', account: 'Account' };

/**
 * `<okc-header-tools>`: the header's right side. The usage meter, the outbox count (messages not yet
 * sent, across threads, from `store.outboxCount`), and **Diagnostics** / **Account** buttons that open
 * a modal `<dialog>` with that panel; the panels' code is imported only when first opened.
 */
@customElement('okc-header-tools')
export class HeaderTools extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.6rem;
      }
      .outbox {
        font-size: 0.85em;
        padding: 0.05rem 0.5rem;
        border-radius: 999px;
        border: 1px solid var(--okc-warn-border, GrayText);
        background: var(--okc-warn-bg, Canvas);
      }
      button {
        padding: 0.2rem 0.6rem;
        font-size: 0.9em;
      }
      dialog {
        color: inherit;
        background: var(--okc-bg, Canvas);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 10px;
        width: min(40rem, 92vw);
        max-height: 85dvh;
        padding: 1rem 1.2rem;
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.35);
      }
      .head {
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
      h2 {
        margin: 0;
        font-size: 1.1rem;
      }
    `,
  ];

  @property({ attribute: false }) store?: AppStore;
  @state() private panel: PanelName | null = null;
  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** Opens a panel (also used by the command palette). */
  async open(panel: PanelName): Promise<void> {
    await (panel === 'diagnostics' ? import('./diagnostics-view.ts') : import('./account-panel.ts'));
    this.panel = panel;
    await this.updateComplete;
    if (this.dialog?.open === false) this.dialog.showModal();
  }

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const waiting = store.outboxCount.get();
    return html`
      <okc-usage-meter .store=${store}></okc-usage-meter>
      ${waiting === 0 ? nothing : html`<span class="outbox" role="status">${waiting} unsent</span>`}
      <button type="button" @click=${() => void this.open('diagnostics')}>Diagnostics</button>
      <button type="button" @click=${() => void this.open('account')}>Account</button>
      <dialog aria-labelledby="panel-title" @close=${() => (this.panel = null)}>
        ${this.panel === null
          ? nothing
          : html`<div class="head">
                <h2 id="panel-title">${TITLES[this.panel]}</h2>
                <button type="button" @click=${() => this.dialog?.close()}>Close</button>
              </div>
              ${this.panel === 'diagnostics'
                ? html`<okc-diagnostics-view .store=${store}></okc-diagnostics-view>`
                : html`<okc-account-panel .store=${store}></okc-account-panel>`}`}
      </dialog>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-header-tools': HeaderTools;
  }
}
