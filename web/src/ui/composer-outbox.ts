import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { OutboxRecord } from '../../../protocol/local-records.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { assertNever } from './assert-never.ts';
import { sharedStyles } from './shared-styles.ts';

/** What an outbox entry is doing, in words. */
export function outboxStateLabel(entry: Pick<OutboxRecord, 'state' | 'afterTurn' | 'error'>, connected: boolean): string {
  switch (entry.state) {
    case 'queued':
      if (!connected) return 'Waiting for the bridge';
      return entry.afterTurn ? 'Queued until the running turn ends' : 'Waiting to be sent';
    case 'sending':
      return 'Sending…';
    case 'failed':
      return `Refused: ${entry.error ?? 'codex did not accept it'}`;
    default:
      return assertNever(entry.state);
  }
}

/**
 * `<okc-outbox>`: the selected thread's messages still on their way to codex (`store.selectedOutbox`),
 * each with its state in words and **Retry** / **Discard** buttons. Renders nothing when empty.
 * A `role="status"` list, so a message moving from waiting to sending is announced politely.
 */
@customElement('okc-outbox')
export class Outbox extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0 0 0.5rem;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 0.35rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.6rem;
        padding: 0.35rem 0.6rem;
        border: 1px dashed var(--okc-border, GrayText);
        border-radius: 8px;
        font-size: 0.9em;
      }
      li.failed {
        border-style: solid;
        border-color: var(--okc-danger, red);
      }
      .text {
        flex: 1 1 12rem;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      button {
        padding: 0.15rem 0.6rem;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const entries = store.selectedOutbox.get();
    const connected = store.connection.get().state === 'ready';
    return html`<div role="status" aria-label="Outbox">
      ${entries.length === 0
        ? nothing
        : html`<ul aria-label="Messages not sent yet">
            ${repeat(
              entries,
              (o) => o.id,
              // why aria-describedby: each entry's buttons are named alike; the message tells them apart.
              (o) => html`<li class=${o.state}>
                <span class="text" id=${`text-${o.id}`}>${o.text}</span>
                <span class="state muted">${outboxStateLabel(o, connected)}</span>
                <button type="button" aria-describedby=${`text-${o.id}`} ?disabled=${o.state === 'sending'}
                  @click=${() => void store.retryOutbox(o.id)}>Retry</button>
                <button type="button" aria-describedby=${`text-${o.id}`} @click=${() => void store.discardOutbox(o.id)}>Discard</button>
              </li>`,
            )}
          </ul>`}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-outbox': Outbox;
  }
}
