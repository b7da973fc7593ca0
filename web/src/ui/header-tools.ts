import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AppStore } from '../state/app-store.ts';
import type { Preferences } from '../state/preferences.ts';
import { SignalWatcher } from '../state/signals.ts';
import { dialogStyles } from './dialog-styles.ts';
import type { Notifier } from './notifier.ts';
import { sharedStyles } from './shared-styles.ts';
import { KEYS } from './shortcuts.ts';
import './usage-meter.ts';

export type PanelName = 'diagnostics' | 'account' | 'settings' | 'shortcuts';

const TITLES: Record<PanelName, string> = { diagnostics: 'Diagnostics', account: 'Account', settings: 'Settings', shortcuts: 'Keyboard shortcuts' };

/** Each panel's code, imported only when first opened. */
const LOADERS: Record<PanelName, () => Promise<unknown>> = {
  diagnostics: () => import('./diagnostics-view.ts'),
  account: () => import('./account-panel.ts'),
  settings: () => import('./settings-panel.ts'),
  shortcuts: () => import('./shortcuts-sheet.ts'),
};

/**
 * `<okc-header-tools>`: the header's right side. The usage meter, the outbox count (messages not yet
 * sent, across threads, from `store.outboxCount`), a **Commands** button (fires `okc-palette-open`;
 * Ctrl/Cmd+K does the same), and **Diagnostics** / **Account** / **Settings** buttons that open a modal
 * `<dialog>` with that panel (the keyboard shortcuts sheet opens in it too); the panels' code is
 * imported only when first opened.
 *
 * @fires okc-palette-open {Event} --bubbles --composed
 */
@customElement('okc-header-tools')
export class HeaderTools extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    dialogStyles,
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
    `,
  ];

  @property({ attribute: false }) store?: AppStore;
  @property({ attribute: false }) prefs?: Preferences;
  @property({ attribute: false }) notifier?: Notifier;
  @state() private panel: PanelName | null = null;
  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** Opens a panel (also used by the command palette and the `?` key). */
  async open(panel: PanelName): Promise<void> {
    await LOADERS[panel]();
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
      <button type="button" aria-keyshortcuts=${KEYS.palette} title="Commands (Ctrl+K)"
        @click=${() => this.dispatchEvent(new Event('okc-palette-open', { bubbles: true, composed: true }))}>Commands</button>
      <button type="button" @click=${() => void this.open('diagnostics')}>Diagnostics</button>
      <button type="button" @click=${() => void this.open('account')}>Account</button>
      <button type="button" @click=${() => void this.open('settings')}>Settings</button>
      <dialog aria-labelledby="panel-title" @close=${() => (this.panel = null)}>
        ${this.panel === null
          ? nothing
          : html`<div class="head">
                <h2 id="panel-title">${TITLES[this.panel]}</h2>
                <button type="button" @click=${() => this.dialog?.close()}>Close</button>
              </div>
              ${this.renderPanel(this.panel, store)}`}
      </dialog>
    `;
  }

  private renderPanel(panel: PanelName, store: AppStore) {
    switch (panel) {
      case 'diagnostics':
        return html`<okc-diagnostics-view .store=${store}></okc-diagnostics-view>`;
      case 'account':
        return html`<okc-account-panel .store=${store}></okc-account-panel>`;
      case 'settings':
        return html`<okc-settings-panel .prefs=${this.prefs} .notifier=${this.notifier}></okc-settings-panel>`;
      case 'shortcuts':
        return html`<okc-shortcuts-sheet></okc-shortcuts-sheet>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-header-tools': HeaderTools;
  }
  interface HTMLElementEventMap {
    'okc-palette-open': Event;
  }
}
