import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { MentionController } from './composer-mention.ts';
import { composerStyles } from './composer-styles.ts';
import { ImageAttachments } from './composer-images.ts';
import type { TurnSettings } from './composer-settings.ts';
import { sharedStyles } from './shared-styles.ts';
import './composer-outbox.ts';
import './composer-settings.ts';

/**
 * `<okc-composer>`: the selected thread's outbox, a textbox labelled **Message**, the send buttons and
 * the turn settings. Enter sends, Shift+Enter inserts a newline (IME composition is left alone).
 * While the thread idles there is one button, **Send**; while a turn runs, **Steer** (into the running
 * turn, `store.send(text, 'now')`), **Queue** (after it, `'afterTurn'`) and **Stop** (`store.interrupt()`).
 * Sending works with the bridge down: the engine keeps the message in the outbox until it reconnects.
 * The textbox is read-only while a send is in flight and cleared only when it resolves true.
 * Drafts: the textbox starts from `store.selectedDraft` whenever the selected thread changes, and each
 * edit is `store.saveDraft`d. Pasted or dropped images go along as data: URLs; `@word` offers files.
 */
@customElement('okc-composer')
export class Composer extends SignalWatcher(LitElement) {
  static override styles = [sharedStyles, composerStyles];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  /** True while `store.send` is in flight. */
  @state() private sending = false;
  @state() private stopping = false;

  @query('textarea') private textarea!: HTMLTextAreaElement | null;
  @query('okc-turn-settings') private settings!: TurnSettings | null;

  private readonly mention = new MentionController(this);
  private readonly attachments = new ImageAttachments(this);
  /** The thread the textbox holds text for; a change reloads its draft. */
  private shownThread: string | null | undefined = undefined;
  /** The draft to put in the textbox after this render, or null. */
  private pendingDraft: string | null = null;
  private edited = false;

  override willUpdate(): void {
    const store = this.store;
    if (store === undefined) return;
    const threadId = store.selectedThreadId.get();
    const draft = store.selectedDraft.get();
    if (threadId !== this.shownThread) {
      this.shownThread = threadId;
      this.pendingDraft = draft;
      this.edited = false;
      this.attachments.clear();
    } else if (!this.edited && draft !== '' && this.textarea?.value === '') {
      // why: the draft may reach this tab after the thread was selected (IndexedDB, another tab).
      this.pendingDraft = draft;
    }
  }

  override updated(): void {
    if (this.pendingDraft !== null && this.textarea !== null) {
      this.textarea.value = this.pendingDraft;
      this.pendingDraft = null;
    }
  }

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const hasThread = store.selectedThreadId.get() !== null;
    const running = (store.selectedThread.get()?.activeTurnId ?? null) !== null;
    const busy = !hasThread || this.sending;
    return html`<okc-outbox .store=${store}></okc-outbox>
      <form @submit=${this.onSubmit}>
        <label for="message">Message</label>
        ${this.attachments.render()} ${this.mention.render(() => this.textarea)}
        <textarea
          id="message"
          name="message"
          rows="3"
          class=${this.attachments.dragging ? 'dragging' : ''}
          ?disabled=${!hasThread}
          ?readonly=${this.sending}
          aria-describedby="note"
          aria-autocomplete="list"
          aria-controls=${this.mention.open ? 'mentions' : nothing}
          aria-activedescendant=${this.mention.activeId || nothing}
          @keydown=${this.onKeyDown}
          @input=${this.onInput}
          @paste=${this.attachments.onPaste}
          @dragover=${this.attachments.onDragOver}
          @dragleave=${this.attachments.onDragLeave}
          @drop=${this.attachments.onDrop}
        ></textarea>
        <div class="actions">
          ${running
            ? html`<button class="primary" type="submit" ?disabled=${busy}>Steer</button>
                <button type="button" ?disabled=${busy} @click=${() => void this.submit('afterTurn')}>Queue</button>
                <button class="stop" type="button" ?disabled=${this.stopping} @click=${this.onStop}>Stop</button>`
            : html`<button class="primary" type="submit" ?disabled=${busy}>Send</button>`}
        </div>
        <okc-turn-settings .store=${store}></okc-turn-settings>
        <p id="note" class="note muted">${this.note(store, running)}</p>
      </form>`;
  }

  /** Moves focus to the Message box (the command palette's "Focus message box"). */
  focusMessage(): void {
    this.textarea?.focus();
  }

  /** What the user can do, or why they cannot, in words. */
  private note(store: AppStore, running: boolean): string {
    if (store.selectedThreadId.get() === null) return 'Select a thread, or start a new one, to send a message.';
    if (this.sending) return 'Sending…';
    const offline = store.connection.get().state !== 'ready';
    if (offline) return 'The bridge is not connected: messages wait in the outbox and go out once it is back.';
    if (running) return 'A turn is running: Enter or Steer adds to it, Queue sends after it, Stop ends it.';
    return 'Enter to send, Shift+Enter for a new line, @ to mention a file.';
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (this.textarea !== null && this.mention.onKey(event, this.textarea)) return;
    if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing) return;
    event.preventDefault();
    void this.submit('now');
  };

  private readonly onInput = (): void => {
    const textarea = this.textarea;
    if (this.store === undefined || textarea === null) return;
    this.edited = true;
    this.store.saveDraft(textarea.value);
    void this.mention.update(this.store, textarea);
  };

  private readonly onStop = async (): Promise<void> => {
    if (this.store === undefined) return;
    this.stopping = true;
    try {
      await this.store.interrupt();
    } finally {
      this.stopping = false;
    }
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.submit('now');
  };

  private async submit(when: 'now' | 'afterTurn'): Promise<void> {
    const store = this.store;
    const textarea = this.textarea;
    if (store === undefined || textarea === null || this.sending || store.selectedThreadId.get() === null) return;
    const text = textarea.value;
    const images = this.attachments.images;
    if (text.trim() === '' && images.length === 0) return;
    this.sending = true;
    try {
      const overrides = this.settings?.overrides ?? { approvalPolicy: 'untrusted', sandbox: 'workspace-write' };
      const options = images.length > 0 ? { overrides, images } : { overrides };
      if (await store.send(text, when, options)) {
        textarea.value = '';
        this.attachments.clear();
        this.mention.close();
      }
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
