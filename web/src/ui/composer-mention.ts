import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { FileMatch } from '../../../protocol/engine-api.ts';
import type { AppStore } from '../state/app-store.ts';
import { insertMention, mentionAt, type MentionQuery } from './composer-text.ts';

const MAX_MATCHES = 8;

/**
 * The composer's `@` file mention: while the caret is in an `@word`, asks
 * `store.api.searchFiles(word, thread.cwd)` and offers the matches in a listbox the textbox controls
 * (`aria-activedescendant` follows ArrowUp/ArrowDown; Enter or Tab chooses, Escape closes).
 */
export class MentionController implements ReactiveController {
  matches: FileMatch[] = [];
  active = 0;
  private mention: MentionQuery | null = null;
  private seq = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  get open(): boolean {
    return this.mention !== null && this.matches.length > 0;
  }

  /** Re-reads the mention at the caret after an input and looks its word up. */
  async update(store: AppStore, textarea: HTMLTextAreaElement): Promise<void> {
    const mention = mentionAt(textarea.value, textarea.selectionStart);
    const cwd = store.selectedThread.get()?.cwd ?? store.connection.get().cwd ?? '';
    const seq = ++this.seq;
    this.mention = mention;
    if (mention === null || mention.query === '' || cwd === '') return this.close();
    const r = await store.api.searchFiles(mention.query, cwd);
    if (seq !== this.seq) return; // why: a newer keystroke's search owns the list now
    this.matches = r.ok ? r.value.slice(0, MAX_MATCHES) : [];
    this.active = 0;
    this.host.requestUpdate();
  }

  close(): void {
    this.seq++;
    this.mention = null;
    this.matches = [];
    this.active = 0;
    this.host.requestUpdate();
  }

  /** Handles a key while the list is open; true when the key was the list's. */
  onKey(event: KeyboardEvent, textarea: HTMLTextAreaElement): boolean {
    if (!this.open) return false;
    const n = this.matches.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      this.active = (this.active + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
      this.host.requestUpdate();
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      this.choose(this.active, textarea);
    } else if (event.key === 'Escape') {
      this.close();
    } else {
      return false;
    }
    event.preventDefault();
    return true;
  }

  /** Replaces the `@word` with the chosen path. */
  choose(index: number, textarea: HTMLTextAreaElement): void {
    const match = this.matches[index];
    if (this.mention === null || match === undefined) return;
    const next = insertMention(textarea.value, this.mention, textarea.selectionStart, match.path);
    textarea.value = next.text;
    textarea.setSelectionRange(next.caret, next.caret);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    this.close();
    textarea.focus();
  }

  /** The id of the highlighted option (for the textbox's `aria-activedescendant`), or ''. */
  get activeId(): string {
    return this.open ? `mention-${this.active}` : '';
  }

  /** The listbox, or nothing when closed. */
  render(textarea: () => HTMLTextAreaElement | null) {
    if (!this.open) return nothing;
    return html`<ul id="mentions" class="mentions" role="listbox" aria-label="Matching files">
      ${this.matches.map(
        (m, i) => html`<li
          id="mention-${i}"
          role="option"
          aria-selected=${i === this.active ? 'true' : 'false'}
          @mousedown=${(e: Event) => e.preventDefault()}
          @click=${() => {
            const t = textarea();
            if (t) this.choose(i, t);
          }}
        >
          ${m.path}
        </li>`,
      )}
    </ul>`;
  }
}
