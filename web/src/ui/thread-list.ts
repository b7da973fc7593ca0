import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SearchHit } from '../../../protocol/engine-api.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { threadName } from './labels.ts';
import { sharedStyles } from './shared-styles.ts';
import { groupThreads, type ThreadGroup } from './thread-groups.ts';
import { whenIdle } from './idle.ts';
import { threadListStyles } from './thread-list-styles.ts';
import './new-thread.ts';
import './thread-row.ts';

const SEARCH_DELAY_MS = 250;
/**
 * Rows rendered in the list's first frame, about two screens; the rest follow in idle-time chunks.
 * why: with a thousand threads, creating every row (each a shadow root) in the first frame held the
 * first paint of the whole app back (tests/bench/FINDINGS.md §5).
 */
const FIRST_ROWS = 40;
/** Rows added per idle callback: small enough that one chunk is a short task. */
const ROW_CHUNK = 60;
/** The longest a chunk waits for idle time, so a busy page still gets its whole list. */
const ROW_CHUNK_TIMEOUT_MS = 300;
/**
 * How long after the first rows the chunks start. why: on a cold open the transcript is still settling
 * then; on a loaded machine a chunk's idle timeout fired before that frame and delayed it.
 */
const FIRST_CHUNK_DELAY_MS = 1000;

/**
 * `<okc-thread-list>`: **New thread** (`<okc-new-thread>`: at once in the bridge's directory, or in a
 * chosen one), a **Search threads** box, a **Show archived** checkbox and `<nav aria-label="Threads">`:
 * the threads grouped by project (cwd, most recent first), one `<okc-thread-row>` each (select,
 * rename, archive; a dot and "unread" for unseen activity). **Load more** (after the nav, so the nav
 * holds only threads) pages in codex's older threads.
 * The search box filters by title at once and, after a pause, lists full-text matches from
 * `store.api.search` under **Matches in messages**.
 */
@customElement('okc-thread-list')
export class ThreadList extends SignalWatcher(LitElement) {
  static override styles = [sharedStyles, threadListStyles];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  @state() private query = '';
  @state() private archived = false;
  @state() private hits: SearchHit[] = [];
  @state() private loadingMore = false;
  @state() private noMore = false;
  @state() private moreError: string | null = null;
  private searchTimer: ReturnType<typeof setTimeout> | null = null;
  private searchSeq = 0;
  /** How many rows are rendered (in list order); grows to all of them in idle time. */
  @state() private rowLimit = FIRST_ROWS;
  /** How many rows the last render would show without the limit. */
  private rowCount = 0;
  private cancelChunk: (() => void) | null = null;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const ready = store.connection.get().state === 'ready';
    const groups = this.limited(groupThreads(store.threads.get(), { query: this.query, archived: this.archived }));
    return html`
      <okc-new-thread .store=${store}></okc-new-thread>
      <input type="search" aria-label="Search threads" placeholder="Search threads" .value=${this.query} @input=${this.onSearch} />
      <div class="filters">
        <input id="archived" type="checkbox" .checked=${this.archived} @change=${this.onArchived} /><label for="archived">Show archived</label>
      </div>
      <nav aria-label="Threads" @keydown=${this.onNavKey}>
        ${groups.length === 0 ? html`<p class="empty muted">${this.emptyText()}</p>` : groups.map((g) => this.renderGroup(g, store))}
        ${this.renderHits(store)}
      </nav>
      ${this.noMore || this.archived || this.query !== ''
        ? nothing
        : html`<button type="button" ?disabled=${!ready || this.loadingMore} @click=${this.onLoadMore}>Load more</button>`}
      ${this.moreError === null ? nothing : html`<p class="empty muted" role="status">${this.moreError}</p>`}
    `;
  }

  /** `groups` cut to the first {@link rowLimit} rows; empty groups are left out. */
  private limited(groups: ThreadGroup[]): ThreadGroup[] {
    this.rowCount = groups.reduce((n, g) => n + g.threads.length, 0);
    if (this.rowCount <= this.rowLimit) return groups;
    const shown: ThreadGroup[] = [];
    let left = this.rowLimit;
    for (const g of groups) {
      if (left <= 0) break;
      shown.push(g.threads.length <= left ? g : { ...g, threads: g.threads.slice(0, left) });
      left -= g.threads.length;
    }
    return shown;
  }

  override updated(): void {
    if (this.rowCount <= this.rowLimit || this.cancelChunk !== null) return;
    const chunk = (): void => {
      this.cancelChunk = whenIdle(() => {
        this.cancelChunk = null;
        this.rowLimit += ROW_CHUNK;
      }, ROW_CHUNK_TIMEOUT_MS);
    };
    if (this.rowLimit > FIRST_ROWS) {
      chunk();
      return;
    }
    const timer = setTimeout(chunk, FIRST_CHUNK_DELAY_MS);
    this.cancelChunk = () => clearTimeout(timer);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancelChunk?.();
    this.cancelChunk = null;
  }

  /** Renders every row now (a key went past the rendered ones before the idle chunks got there). */
  private async renderAllRows(): Promise<void> {
    if (this.rowCount <= this.rowLimit) return;
    this.rowLimit = this.rowCount;
    await this.updateComplete;
  }

  private emptyText(): string {
    if (this.query !== '') return 'No thread titles match.';
    return this.archived ? 'No archived threads.' : 'No threads yet.';
  }

  private renderGroup(group: ThreadGroup, store: AppStore) {
    const selectedId = store.selectedThreadId.get();
    const unread = store.unreadThreads.get();
    const id = `group-${encodeURIComponent(group.cwd).replace(/%/g, '_')}`;
    return html`<section aria-labelledby=${id}>
      <h2 id=${id} title=${group.cwd}>${group.label}</h2>
      <ul>
        ${repeat(
          group.threads,
          (t) => t.id,
          // why not the selected thread: this tab shows it, so the store is already clearing its marker.
          (t) => html`<li>
            <okc-thread-row .store=${store} .thread=${t} ?selected=${t.id === selectedId} ?unread=${unread.has(t.id) && t.id !== selectedId}></okc-thread-row>
          </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderHits(store: AppStore) {
    if (this.query.trim() === '' || this.hits.length === 0) return nothing;
    const byId = new Map(store.threads.get().map((t) => [t.id, t]));
    return html`<section aria-labelledby="hits">
      <h2 id="hits">Matches in messages</h2>
      <ul>
        ${this.hits.map((h) => {
          const t = byId.get(h.threadId);
          return html`<li>
            <button class="hit" type="button" @click=${() => store.selectThread(h.threadId)}>
              ${t ? threadName(t) : 'A thread'}<span class="snippet muted">${h.snippet}</span>
            </button>
          </li>`;
        })}
      </ul>
    </section>`;
  }

  private readonly onSearch = (event: Event): void => {
    this.query = event.target instanceof HTMLInputElement ? event.target.value : '';
    if (this.searchTimer) clearTimeout(this.searchTimer);
    const seq = ++this.searchSeq;
    const q = this.query.trim();
    if (q === '') {
      this.hits = [];
      return;
    }
    this.searchTimer = setTimeout(async () => {
      const hits = (await this.store?.api.search(q)) ?? [];
      if (seq === this.searchSeq) this.hits = hits;
    }, SEARCH_DELAY_MS);
  };

  /** ArrowUp/ArrowDown (and Home/End) move between threads; Tab still reaches each row's buttons. */
  private readonly onNavKey = async (event: KeyboardEvent): Promise<void> => {
    const keys = ['ArrowUp', 'ArrowDown', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    let rows = [...this.renderRoot.querySelectorAll('okc-thread-row')];
    const from = rows.findIndex((r) => event.composedPath().includes(r));
    if (from < 0) return;
    event.preventDefault();
    if (event.key === 'End' || (event.key === 'ArrowDown' && from === rows.length - 1)) {
      await this.renderAllRows();
      rows = [...this.renderRoot.querySelectorAll('okc-thread-row')];
    }
    const last = rows.length - 1;
    const to = event.key === 'Home' ? 0 : event.key === 'End' ? last : Math.min(last, Math.max(0, from + (event.key === 'ArrowDown' ? 1 : -1)));
    void rows[to]?.focusThread();
  };

  /** Flips **Show archived** (the command palette's "Show or hide archived threads"). */
  toggleArchived(): void {
    this.archived = !this.archived;
  }

  private readonly onArchived = (event: Event): void => {
    this.archived = event.target instanceof HTMLInputElement && event.target.checked;
  };

  private readonly onLoadMore = async (): Promise<void> => {
    if (this.store === undefined) return;
    this.loadingMore = true;
    try {
      const r = await this.store.api.loadMoreThreads();
      this.moreError = r.ok ? null : `Could not load more threads: ${r.message}`;
      if (r.ok && !r.value.more) this.noMore = true;
    } finally {
      this.loadingMore = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-thread-list': ThreadList;
  }
}
