import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import '@lit-labs/virtualizer';
import type { TurnRecord } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { FrameThrottle } from './frame-throttle.ts';
import { sharedStyles } from './shared-styles.ts';
import { StickToBottom } from './stick-to-bottom.ts';
import { transcriptLayout } from './transcript-layout.ts';
import { transcriptRows, type TranscriptRow } from './transcript-rows.ts';
import './cards/turn-card.ts';
import './item-card.ts';

/**
 * `<okc-thread-view>`: the selected thread's transcript (`store.selectedItems`, with a note after each
 * failed or interrupted turn from `store.selectedTurns`), as a `role="log"` region named "Transcript".
 * It scrolls itself and follows new content unless the user scrolled up (see StickToBottom).
 *
 * The rows are virtualized (@lit-labs/virtualizer): only those in and near the visible part of the log
 * are in the DOM, keyed by item, so a 10,000-item thread opens as fast as a short one. The transcript
 * renders at most once per animation frame however many change notices arrive, and a streaming delta
 * re-renders only the item card whose record changed.
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
        /* why: the virtualizer corrects the scroll position itself; browser anchoring would fight it. */
        overflow-anchor: none;
        /* No bottom padding: following the end puts the last row's end at the scroller's very end. */
        padding: 1rem 1rem 0;
      }
      .rows {
        max-width: 56rem;
        margin-inline: auto;
      }
      /* Rows are positioned by the virtualizer; the gap between them is each row's own bottom padding. */
      .rows > * {
        width: 100%;
        padding-bottom: 0.75rem;
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
        margin: 0;
      }
      .empty {
        text-align: center;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  private readonly stick = new StickToBottom();
  private readonly layout = transcriptLayout(this.stick, rowKey);
  private readonly frames = new FrameThrottle();
  private shownThreadId: string | null = null;

  /**
   * why: change notices arrive as separate tasks, several per frame while a message streams; one
   * render per frame shows the same text for a fraction of the work (and of the markdown rendering).
   */
  protected override async scheduleUpdate(): Promise<void> {
    await this.frames.turn();
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const threadId = this.store?.selectedThreadId.get() ?? null;
    if (threadId !== this.shownThreadId) {
      this.shownThreadId = threadId;
      this.stick.pin();
    }
  }

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const rows = transcriptRows(store.selectedItems.get(), store.selectedTurns.get());
    return html`<div class="log" role="log" aria-live="polite" aria-label="Transcript" tabindex="0" @scroll=${this.stick.onScroll}>
      ${rows.length === 0
        ? this.renderEmpty(store)
        : // A thread's rows get their own virtualizer: no item sizes carried over from another thread.
          keyed(
            this.shownThreadId,
            html`<lit-virtualizer class="rows" .items=${rows} .keyFunction=${rowKey} .renderItem=${renderRow}
              .layout=${this.layout}></lit-virtualizer>`,
          )}
    </div>`;
  }

  override updated(): void {
    this.stick.attach(this.renderRoot.querySelector<HTMLElement>('.log'));
  }

  private renderEmpty(store: AppStore) {
    // why: a thread with history shows nothing (not "no messages") while its items are still being read.
    if ((store.selectedThread.get()?.nextOrd ?? 0) > 0) return nothing;
    return html`<p class="empty muted">No messages yet. Write one below.</p>`;
  }
}

function rowKey(row: TranscriptRow): string {
  return row.key;
}

/** One virtualized row: a single element (the virtualizer positions each row's element). */
function renderRow(row: TranscriptRow) {
  return row.kind === 'item'
    ? html`<okc-item-card .item=${row.item}></okc-item-card>`
    : html`<div class="turn-end"><okc-turn-card .turn=${row.turn}></okc-turn-card>${renderTurnEnd(row.turn)}</div>`;
}

/** How a turn ended, when it did not complete (a typed failure is the turn card's to say). */
function renderTurnEnd(turn: TurnRecord) {
  if (turn.status === 'failed' && turn.errorInfo !== null) return nothing;
  if (turn.status === 'failed') {
    return html`<div class="turn-failed">
      <strong>This turn failed.</strong> <span>${turn.error ?? 'Codex gave no reason.'}</span>
    </div>`;
  }
  if (turn.status === 'interrupted') return html`<p class="turn-interrupted muted">The turn was interrupted.</p>`;
  return nothing;
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-thread-view': ThreadView;
  }
}
