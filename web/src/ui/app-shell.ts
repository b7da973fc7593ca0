import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';
import { themeStyles } from './theme.ts';
import './approval-card.ts';
import './composer.ts';
import './connection-status.ts';
import './header-tools.ts';
import './update-banner.ts';
import './thread-list.ts';
import './thread-view.ts';

/**
 * `<okc-app>`: the whole UI. A banner with the product name and the connection status, a sidebar with
 * the thread list, and the main area: the selected thread's transcript (or a hint to start one), its
 * pending approvals, and the composer. `store.lastError` shows in a `role="alert"` region.
 * Light and dark themes follow `prefers-color-scheme`; below 40rem the sidebar stacks above the main area.
 *
 * Contract: `main.ts` sets `.store`; everything below receives it from here.
 */
@customElement('okc-app')
export class AppShell extends SignalWatcher(LitElement) {
  static override styles = [
    themeStyles,
    sharedStyles,
    css`
      :host {
        display: grid;
        grid-template-columns: minmax(14rem, 18rem) 1fr;
        grid-template-rows: auto auto 1fr;
        grid-template-areas: 'update update' 'header header' 'sidebar main';
        height: 100dvh;
        background: var(--okc-bg);
      }
      okc-update-banner {
        grid-area: update;
      }
      header {
        grid-area: header;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1rem;
        padding: 0.5rem 1rem;
        border-bottom: 1px solid var(--okc-border);
      }
      h1 {
        font-size: 1.1rem;
        margin: 0;
      }
      okc-connection-status {
        flex: 1;
        min-width: 12rem;
      }
      .sidebar {
        grid-area: sidebar;
        display: flex;
        flex-direction: column;
        min-height: 0;
        padding: 0.75rem;
        background: var(--okc-surface);
        border-inline-end: 1px solid var(--okc-border);
      }
      okc-thread-list {
        flex: 1;
      }
      main {
        grid-area: main;
        display: flex;
        flex-direction: column;
        min-height: 0;
        min-width: 0;
      }
      okc-thread-view {
        flex: 1;
      }
      .empty {
        flex: 1;
        display: grid;
        place-content: center;
        padding: 1rem;
        text-align: center;
      }
      .approvals,
      okc-composer,
      .alert:not(:empty) {
        padding: 0 1rem 0.75rem;
        max-width: 56rem;
        width: 100%;
        margin-inline: auto;
        box-sizing: border-box;
      }
      .approvals {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
      }
      .alert p {
        margin: 0;
        padding: 0.5rem 0.75rem;
        border: 1px solid var(--okc-danger);
        background: var(--okc-danger-bg);
        border-radius: 8px;
      }
      @media (max-width: 40rem) {
        :host {
          /* why minmax(0, …): a plain 1fr grows to its widest content (selects, code) and overflows a phone. */
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: auto auto auto 1fr;
          grid-template-areas: 'update' 'header' 'sidebar' 'main';
        }
        .sidebar {
          max-height: 30dvh;
          border-inline-end: none;
          border-bottom: 1px solid var(--okc-border);
        }
      }
    `,
  ];

  /** The tab's store (set by main.ts). */
  @property({ attribute: false }) store?: AppStore;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    // why the id, not the record: right after newThread() the id is selected before the thread's
    // record arrives, and the composer (which also goes by the id) is already usable.
    const hasThread = store.selectedThreadId.get() !== null;
    const lastError = store.lastError.get();
    return html`
      <okc-update-banner></okc-update-banner>
      <header>
        <h1>OK Code</h1>
        <okc-connection-status .store=${store}></okc-connection-status>
        <okc-header-tools .store=${store}></okc-header-tools>
      </header>
      <div class="sidebar"><okc-thread-list .store=${store}></okc-thread-list></div>
      <main>
        ${!hasThread
          ? html`<div class="empty muted">
              <p>No thread selected. Pick one from the list, or click “New thread” to start one.</p>
            </div>`
          : html`<okc-thread-view .store=${store}></okc-thread-view>`}
        <div class="alert" role="alert">${lastError === null ? nothing : html`<p>${lastError}</p>`}</div>
        <div class="approvals">
          ${repeat(
            store.selectedApprovals.get(),
            (a) => a.requestKey,
            (a) => html`<okc-approval-card .store=${store} .approval=${a}></okc-approval-card>`,
          )}
        </div>
        <okc-composer .store=${store}></okc-composer>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-app': AppShell;
  }
}
