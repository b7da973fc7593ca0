import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ThreadRecord } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { threadName, threadStatusLabel } from './labels.ts';
import { sharedStyles } from './shared-styles.ts';

// why SVG, not emoji: many systems lack an emoji font and show a box instead.
const icon = (d: string) =>
  svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d=${d}/></svg>`;
const PENCIL = icon('M11 2.5l2.5 2.5L5 13.5H2.5V11z');
const ARCHIVE = icon('M2 3h12v3H2zM3 6v7h10V6M6.5 9h3');
const UNARCHIVE = icon('M2 3h12v3H2zM3 6v7h10V6M8 12V8M6 10l2-2 2 2');

/**
 * `<okc-thread-row>`: one thread in the list. A button with the thread's name, "unread" when it has
 * activity the user has not seen (a dot, and the word for assistive technology), and its status in
 * words (`aria-current` when selected) that selects it, then **Rename** and **Archive** (or
 * **Unarchive**) buttons, named plainly so a search by the thread's name finds only the thread. Rename swaps the row for a labelled textbox: Enter or Save renames
 * (`store.renameThread`), Escape or Cancel leaves it.
 */
@customElement('okc-thread-row')
export class ThreadRow extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        gap: 2px;
      }
      .thread {
        flex: 1;
        min-width: 0;
        display: flex;
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
      .unread .name {
        font-weight: 600;
      }
      .dot {
        flex: none;
        width: 0.5rem;
        height: 0.5rem;
        border-radius: 50%;
        background: var(--okc-accent, Highlight);
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
      .tool {
        flex: none;
        padding: 0.2rem 0.4rem;
        background: transparent;
        border-color: transparent;
        font-size: 0.85em;
      }
      @media (hover: hover) {
        :host(:not(:hover):not(:focus-within)) .tool {
          opacity: 0;
        }
      }
      input {
        flex: 1;
        min-width: 0;
        font: inherit;
        color: inherit;
        background: var(--okc-bg, Field);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 6px;
        padding: 0.25rem 0.4rem;
      }
    `,
  ];

  @property({ attribute: false }) store?: AppStore;
  @property({ attribute: false }) thread?: ThreadRecord;
  @property({ type: Boolean }) selected = false;
  /** The thread has activity the user has not seen. */
  @property({ type: Boolean }) unread = false;

  @state() private editing = false;
  @query('input') private input!: HTMLInputElement | null;

  override render() {
    const t = this.thread;
    if (t === undefined || this.store === undefined) return nothing;
    const name = threadName(t);
    if (this.editing) {
      return html`<input aria-label="New name for ${name}" .value=${t.name ?? name} @keydown=${this.onEditKey} />
        <button class="tool" type="button" @click=${this.save}>Save</button>
        <button class="tool" type="button" @click=${this.cancel}>Cancel</button>`;
    }
    const status = t.deleted ? 'Deleted' : threadStatusLabel(t.status);
    const attention = t.status === 'waitingOnApproval' || t.status === 'waitingOnUserInput';
    const tone = t.status === 'systemError' ? 'failed' : attention ? 'attention' : '';
    return html`<button class="thread ${this.unread ? 'unread' : ''}" type="button" aria-current=${this.selected ? 'true' : 'false'} @click=${this.select}>
        ${this.unread ? html`<span class="dot" aria-hidden="true"></span>` : nothing}
        <span class="name">${name}</span>
        ${this.unread ? html`<span class="visually-hidden">unread</span>` : nothing}
        ${status === null ? nothing : html`<span class="badge ${tone}">${status}</span>`}
      </button>
      <button class="tool" type="button" aria-label="Rename" title="Rename ${name}" @click=${this.edit}>${PENCIL}</button>
      ${t.archived
        ? html`<button class="tool" type="button" aria-label="Unarchive" title="Unarchive ${name}" @click=${this.unarchive}>${UNARCHIVE}</button>`
        : html`<button class="tool" type="button" aria-label="Archive" title="Archive ${name}" @click=${this.archive}>${ARCHIVE}</button>`}`;
  }

  private readonly select = (): void => {
    if (this.thread) this.store?.selectThread(this.thread.id);
  };

  private readonly edit = async (): Promise<void> => {
    this.editing = true;
    await this.updateComplete;
    this.input?.focus();
    this.input?.select();
  };

  private readonly onEditKey = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') void this.save();
    else if (event.key === 'Escape') this.cancel();
    else return;
    event.preventDefault();
  };

  private readonly save = async (): Promise<void> => {
    const name = this.input?.value.trim() ?? '';
    const t = this.thread;
    this.editing = false;
    if (t !== undefined && name !== '' && name !== threadName(t)) await this.store?.renameThread(t.id, name);
    await this.focusThread();
  };

  private readonly cancel = (): void => {
    this.editing = false;
    void this.focusThread();
  };

  /** Moves focus to the row's select button. */
  async focusThread(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.thread')?.focus();
  }

  private readonly archive = (): void => {
    if (this.thread) void this.store?.archiveThread(this.thread.id);
  };

  private readonly unarchive = (): void => {
    if (this.thread) void this.store?.api.unarchiveThread(this.thread.id);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-thread-row': ThreadRow;
  }
}
