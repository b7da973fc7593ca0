import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-composer>`: a form with a textbox labelled **Message** and a **Send** button. Enter sends,
 * Shift+Enter inserts a newline (and IME composition is left alone). Whitespace-only text is not sent.
 * Sending calls `store.send(text)`; the textbox is read-only while that is in flight and cleared only
 * when it resolves true (on false the text stays for another try; the store explains in `lastError`).
 *
 * Sending is disabled, with the reason shown, while no thread is selected or the connection is not
 * `ready`; the textbox itself is disabled only when there is no thread to write to.
 */
@customElement('okc-composer')
export class Composer extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.35rem 0.6rem;
        align-items: end;
      }
      label {
        grid-column: 1 / -1;
        font-size: 0.85em;
        font-weight: 600;
      }
      textarea {
        font: inherit;
        color: inherit;
        background: var(--okc-bg, Field);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 8px;
        padding: 0.5rem 0.6rem;
        resize: vertical;
        min-height: 3lh;
        max-height: 40vh;
        field-sizing: content;
      }
      textarea:disabled {
        opacity: 0.6;
      }
      .note {
        grid-column: 1 / -1;
        margin: 0;
        font-size: 0.85em;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  /** True while `store.send` is in flight. */
  @state() private sending = false;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const hasThread = store.selectedThreadId.get() !== null;
    const blocked = this.blockedReason(store);
    return html`<form @submit=${this.onSubmit}>
      <label for="message">Message</label>
      <textarea
        id="message"
        name="message"
        rows="3"
        ?disabled=${!hasThread}
        ?readonly=${this.sending}
        aria-describedby="note"
        @keydown=${this.onKeyDown}
      ></textarea>
      <button class="primary" type="submit" ?disabled=${blocked !== null || this.sending}>Send</button>
      <p id="note" class="note muted">
        ${blocked ?? (this.sending ? 'Sending…' : 'Enter to send, Shift+Enter for a new line.')}
      </p>
    </form>`;
  }

  /** Why sending is impossible right now, in words; null when it is possible. */
  private blockedReason(store: AppStore): string | null {
    if (store.selectedThreadId.get() === null) return 'Select a thread, or start a new one, to send a message.';
    if (store.connection.get().state !== 'ready') return 'Sending is unavailable until the bridge is connected.';
    return null;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing) return;
    event.preventDefault();
    void this.submit();
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.submit();
  };

  private async submit(): Promise<void> {
    const store = this.store;
    const textarea = this.renderRoot.querySelector('textarea');
    if (store === undefined || textarea === null || this.sending || this.blockedReason(store) !== null) return;
    const text = textarea.value;
    if (text.trim() === '') return;
    this.sending = true;
    try {
      if (await store.send(text)) textarea.value = '';
    } finally {
      this.sending = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-composer': Composer;
  }
}
