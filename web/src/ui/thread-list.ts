import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ThreadRecord } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { threadName, threadStatusLabel } from './labels.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-thread-list>`: a **New thread** button (enabled only while the connection is `ready`; calls
 * `store.newThread()`) and `<nav aria-label="Threads">` listing `store.threads` as buttons. Each shows
 * the thread's name and its status in words; the selected one has `aria-current="true"`; activating
 * one calls `store.selectThread(id)`.
 */
@customElement('okc-thread-list')
export class ThreadList extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
        min-height: 0;
      }
      .new {
        align-self: stretch;
      }
      nav {
        min-height: 0;
        overflow-y: auto;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 2px;
      }
      .thread {
        display: flex;
        width: 100%;
        align-items: center;
        gap: 0.5rem;
        text-align: start;
        background: transparent;
        border-color: transparent;
      }
      .thread:hover {
        background: var(--okc-surface-2, Canvas);
      }
      .thread[aria-current='true'] {
        background: var(--okc-selected, Highlight);
        border-color: var(--okc-border, GrayText);
      }
      .name {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .badge {
        flex: none;
        font-size: 0.75em;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        border: 1px solid var(--okc-border, GrayText);
      }
      .badge.attention {
        background: var(--okc-warn-bg, Canvas);
        border-color: var(--okc-warn-border, GrayText);
      }
      .badge.failed {
        color: var(--okc-danger, red);
        border-color: var(--okc-danger, red);
      }
      .empty {
        margin: 0;
        font-size: 0.9em;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  /** True while a `newThread()` call is in flight (one click, one thread). */
  @state() private creating = false;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const ready = store.connection.get().state === 'ready';
    const threads = store.threads.get();
    const selectedId = store.selectedThreadId.get();
    return html`
      <button class="new primary" type="button" ?disabled=${!ready || this.creating} @click=${this.onNewThread}>
        New thread
      </button>
      <nav aria-label="Threads">
        ${threads.length === 0
          ? html`<p class="empty muted">No threads yet.</p>`
          : html`<ul>
              ${repeat(
                threads,
                (t) => t.id,
                (t) => html`<li>${this.renderThread(t, t.id === selectedId)}</li>`,
              )}
            </ul>`}
      </nav>
    `;
  }

  private renderThread(thread: ThreadRecord, selected: boolean) {
    const status = threadStatusLabel(thread.status);
    const attention = thread.status === 'waitingOnApproval' || thread.status === 'waitingOnUserInput';
    const tone = thread.status === 'systemError' ? 'failed' : attention ? 'attention' : '';
    return html`<button
      class="thread"
      type="button"
      aria-current=${selected ? 'true' : 'false'}
      @click=${() => this.store?.selectThread(thread.id)}
    >
      <span class="name">${threadName(thread)}</span>
      ${status === null ? nothing : html`<span class="badge ${tone}">${status}</span>`}
    </button>`;
  }

  private readonly onNewThread = async (): Promise<void> => {
    if (this.store === undefined) return;
    this.creating = true;
    try {
      await this.store.newThread();
    } finally {
      this.creating = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-thread-list': ThreadList;
  }
}
