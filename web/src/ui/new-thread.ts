import { LitElement, css, html, svg } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { rememberDirectory, typedDirectories } from '../state/typed-dirs.ts';
import { recentDirectories } from './recent-dirs.ts';
import { sharedStyles } from './shared-styles.ts';

const FOLDER = svg`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"><path d="M1.5 3.5h4l1.5 1.5h7.5v8h-13z"/></svg>`;
/** An absolute path, POSIX or Windows: codex resolves a relative one against its own directory. */
const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * `<okc-new-thread>`: **New thread** starts a thread in the bridge's directory at once. Next to it,
 * **New thread in a directory** (a disclosure) shows a form: a **Working directory** combobox, filled
 * with the bridge's directory and offering recent directories (where known threads run, then where the
 * user typed, newest first), and **Start thread**. Both buttons are enabled only while the connection
 * is `ready`, and one click starts one thread.
 */
@customElement('okc-new-thread')
export class NewThread extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.4rem;
      }
      .row {
        display: flex;
        gap: 0.3rem;
      }
      .new {
        flex: 1;
      }
      .toggle {
        padding-inline: 0.55rem;
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        font-size: 0.9em;
      }
      form[hidden] {
        display: none;
      }
      input {
        font: inherit;
        font-family: var(--okc-mono, monospace);
        color: inherit;
        background: var(--okc-bg, Field);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 6px;
        padding: 0.3rem 0.5rem;
      }
      input[aria-invalid='true'] {
        border-color: var(--okc-danger, red);
      }
      .actions {
        display: flex;
        gap: 0.3rem;
      }
      .error {
        margin: 0;
        color: var(--okc-danger, red);
      }
      .error:empty {
        display: none;
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  /** True while a `newThread()` call is in flight (one click, one thread). */
  @state() private creating = false;
  @state() private open = false;
  @state() private error = '';
  @query('input') private input!: HTMLInputElement | null;

  override render() {
    const store = this.store;
    const ready = store?.connection.get().state === 'ready';
    const dirs = this.open && store ? recentDirectories(store.threads.get(), typedDirectories()) : [];
    return html`<div class="row">
        <button class="new primary" type="button" ?disabled=${!ready || this.creating} @click=${() => void this.start(null)}>New thread</button>
        <button
          class="toggle"
          type="button"
          aria-label="New thread in a directory"
          title="New thread in a directory"
          aria-expanded=${this.open ? 'true' : 'false'}
          aria-controls="cwd-form"
          @click=${this.toggle}
        >${FOLDER}</button>
      </div>
      <form id="cwd-form" aria-label="New thread in a directory" ?hidden=${!this.open} @submit=${this.onSubmit} @keydown=${this.onKey}>
        <label for="cwd">Working directory</label>
        <input
          id="cwd"
          list="recent-dirs"
          autocomplete="off"
          spellcheck="false"
          aria-invalid=${this.error === '' ? 'false' : 'true'}
          aria-describedby="cwd-error"
          @input=${() => (this.error = '')}
        />
        <datalist id="recent-dirs">${dirs.map((d) => html`<option value=${d}></option>`)}</datalist>
        <p id="cwd-error" class="error" role="alert">${this.error}</p>
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${!ready || this.creating}>Start thread</button>
          <button type="button" @click=${this.close}>Cancel</button>
        </div>
      </form>`;
  }

  private readonly toggle = async (): Promise<void> => {
    if (this.open) {
      this.close();
      return;
    }
    this.open = true;
    this.error = '';
    await this.updateComplete;
    if (this.input) {
      this.input.value = this.store?.connection.get().cwd ?? '';
      this.input.focus();
      this.input.select();
    }
  };

  private readonly close = (): void => {
    this.open = false;
    this.error = '';
    this.renderRoot.querySelector<HTMLButtonElement>('.toggle')?.focus();
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    this.close();
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    const dir = this.input?.value.trim() ?? '';
    if (dir !== '' && !ABSOLUTE.test(dir)) {
      this.error = 'Enter an absolute path, such as /home/you/project.';
      this.input?.focus();
      return;
    }
    void this.start(dir === '' ? null : dir);
  };

  /** Starts a thread in `dir` (null: the bridge's directory); closes the form once it started. */
  private async start(dir: string | null): Promise<void> {
    if (this.store === undefined || this.creating) return;
    this.creating = true;
    try {
      const started = await this.store.newThread(dir ?? undefined);
      if (!started) {
        if (this.open) this.error = this.store.lastError.get() ?? 'Could not start a thread.';
        return;
      }
      if (dir !== null) rememberDirectory(dir, Date.now());
      if (this.open) this.close();
    } finally {
      this.creating = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-new-thread': NewThread;
  }
}
