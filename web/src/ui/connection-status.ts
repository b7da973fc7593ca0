import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConnectionRecord } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { assertNever } from './assert-never.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-connection-status>`: `store.connection` in plain words, in a `role="status"` region: what the
 * state means and, when the user must act, what to run or open. The record's `detail` adds specifics
 * (for `codexDown` it is the whole message).
 */
@customElement('okc-connection-status')
export class ConnectionStatus extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.9em;
      }
      .dot {
        display: inline-block;
        width: 0.6em;
        height: 0.6em;
        border-radius: 50%;
        margin-inline-end: 0.4em;
        background: var(--okc-warn-border, GrayText);
      }
      .ready .dot {
        background: var(--okc-ok, green);
      }
      .unauthorized .dot,
      .codexDown .dot,
      .disconnected .dot {
        background: var(--okc-danger, red);
      }
      .detail {
        display: block;
        font-size: 0.9em;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const connection = store.connection.get();
    const detail = connection.state === 'ready' || connection.state === 'codexDown' ? '' : connection.detail.trim();
    return html`<div role="status" class=${connection.state}>
      <span class="dot" aria-hidden="true"></span>${headline(connection)}
      ${detail === '' ? nothing : html`<span class="detail muted">${detail}</span>`}
    </div>`;
  }
}

function headline(connection: ConnectionRecord): TemplateResult | string {
  switch (connection.state) {
    case 'ready':
      return connection.codexVersion === null ? 'Connected' : `Connected · codex ${connection.codexVersion}`;
    case 'connecting':
      return 'Connecting to the bridge…';
    case 'unconfigured':
      // prettier-ignore
      return html`Not connected. Run <code>npx okcode-bridge</code> in your project and open the URL it prints.`;
    case 'unauthorized':
      return "The bridge refused this page's token. Open the URL okcode-bridge printed (it contains a fresh token).";
    case 'codexDown':
      return connection.detail.trim() || 'Codex is not running.';
    case 'disconnected':
      // prettier-ignore
      return html`Bridge not reachable. Start it with <code>npx okcode-bridge</code> (or <code>npm start</code> in the OK Code repo).`;
    default:
      return assertNever(connection.state);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-connection-status': ConnectionStatus;
  }
}
