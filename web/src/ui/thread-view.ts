import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TurnRecord } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';
import { StickToBottom } from './stick-to-bottom.ts';
import { transcriptRows } from './transcript-rows.ts';
import './item-card.ts';

/**
 * `<okc-thread-view>`: the selected thread's transcript (`store.selectedItems`, with a note after each
 * failed or interrupted turn from `store.selectedTurns`), as a `role="log"` region named "Transcript".
 * It scrolls itself and follows new content unless the user scrolled up (see StickToBottom).
 *
 * A streaming delta re-runs this template (a keyed `repeat` over the rows) but re-renders only the
 * item card whose record changed.
 */
@customElement('okc-thread-view')
export class ThreadView extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .log {
        flex: 1;
        min-height: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
      }
      .rows {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
        padding: 1rem;
        max-width: 56rem;
        margin-inline: auto;
      }
      .turn-failed {
        border: 1px solid var(--okc-danger, red);
        background: var(--okc-danger-bg, Canvas);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
        overflow-wrap: anywhere;
      }
      .turn-failed span {
        white-space: pre-wrap;
      }
      .turn-interrupted {
        font-size: 0.9em;
      }
      .empty {
        text-align: center;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  private readonly stick = new StickToBottom(this, () => {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.log');
    const content = this.renderRoot.querySelector<HTMLElement>('.rows');
    return scroller !== null && content !== null ? { scroller, content } : null;
  });
  private shownThreadId: string | null = null;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const rows = transcriptRows(store.selectedItems.get(), store.selectedTurns.get());
    return html`<div class="log" role="log" aria-live="polite" aria-label="Transcript" tabindex="0">
      <div class="rows">
        ${rows.length === 0 ? html`<p class="empty muted">No messages yet. Write one below.</p>` : nothing}
        ${repeat(
          rows,
          (row) => row.key,
          (row) =>
            row.kind === 'item'
              ? html`<okc-item-card .item=${row.item}></okc-item-card>`
              : renderTurnEnd(row.turn),
        )}
      </div>
    </div>`;
  }

  override updated(): void {
    const threadId = this.store?.selectedThreadId.get() ?? null;
    if (threadId !== this.shownThreadId) {
      this.shownThreadId = threadId;
      this.stick.pin();
    }
  }
}

function renderTurnEnd(turn: TurnRecord) {
  if (turn.status === 'failed') {
    return html`<div class="turn-failed">
      <strong>This turn failed.</strong> <span>${turn.error ?? 'Codex gave no reason.'}</span>
    </div>`;
  }
  return html`<p class="turn-interrupted muted">The turn was interrupted.</p>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-thread-view': ThreadView;
  }
}
