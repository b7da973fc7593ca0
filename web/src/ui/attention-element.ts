import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AppStore } from '../state/app-store.ts';
import type { Preferences } from '../state/preferences.ts';
import { SignalWatcher } from '../state/signals.ts';
import { announcementOf, notificationOf, observe, type AttentionEvent, type AttentionState } from './attention.ts';
import { threadName } from './labels.ts';
import type { Notifier } from './notifier.ts';
import { visuallyHidden } from './shared-styles.ts';

/**
 * `<okc-attention>`: tells the user what needs them, from the store's records (the engine stays the
 * source of events; every tab observes the same records). Two visually hidden live regions: the
 * assertive **Approval alerts** says "Approval needed: …" when a request starts waiting, the polite
 * **Turn updates** says
 * "Turn finished" / "Turn failed" / "Turn stopped" (naming the thread when it is not the one on screen).
 * While any request waits, in any thread, the app icon badge shows how many; while the page is hidden
 * and the user turned notifications on, a system notification goes out, and clicking it focuses the
 * tab and selects the thread. Decisions live in `attention.ts`.
 *
 * @fires okc-approval-arrived {CustomEvent<{threadId: string, requestKey: string}>} when a request of any thread starts waiting
 */
@customElement('okc-attention')
export class Attention extends SignalWatcher(LitElement) {
  static override styles = css`
    :host {
      ${visuallyHidden}
    }
  `;

  @property({ attribute: false }) store?: AppStore;
  @property({ attribute: false }) prefs?: Preferences;
  @property({ attribute: false }) notifier?: Notifier;

  @state() private urgent = '';
  @state() private polite = '';
  private seen: AttentionState | null = null;
  /** The count last put on the app icon (-1: none yet). */
  private badged = -1;
  /** The store the effect observes (the effect goes when the element leaves the page). */
  private watching: AppStore | null = null;
  private stopEffect: (() => void) | null = null;

  override updated(): void {
    if (this.store === undefined || this.store === this.watching) return;
    this.stopEffect?.();
    this.seen = null;
    this.watching = this.store;
    this.stopEffect = this.updateEffect(() => this.check());
  }

  override disconnectedCallback(): void {
    this.stopEffect?.();
    this.stopEffect = null;
    this.watching = null;
    super.disconnectedCallback();
  }

  override render() {
    return html`<div role="status" aria-live="assertive" aria-atomic="true" aria-label="Approval alerts">${this.urgent}</div>
      <div role="status" aria-atomic="true" aria-label="Turn updates">${this.polite}</div>`;
  }

  private check(): void {
    const store = this.store;
    if (store === undefined) return;
    const pending = store.pendingApprovals.get();
    const threads = store.threads.get();
    const { state, events } = observe(this.seen, { pending, threads, turns: store.allTurns.get() });
    this.seen = state;
    if (pending.length !== this.badged) {
      this.badged = pending.length;
      this.notifier?.badge(pending.length);
    }
    if (events.length === 0) return;
    const names = new Map(threads.map((t) => [t.id, threadName(t)]));
    const selected = store.selectedThreadId.get();
    for (const e of events) this.tell(e, names.get(e.threadId) ?? 'a thread', e.threadId === selected);
  }

  private tell(e: AttentionEvent, name: string, onScreen: boolean): void {
    const words = announcementOf(e, onScreen ? null : name);
    // why the alternating no-break space: a region whose text does not change is not announced again.
    if (e.kind === 'approvalNeeded') this.urgent = this.urgent === words ? `${words}\u00a0` : words;
    else this.polite = this.polite === words ? `${words}\u00a0` : words;
    if (e.kind === 'approvalNeeded') {
      this.dispatchEvent(new CustomEvent('okc-approval-arrived', { detail: { threadId: e.threadId, requestKey: e.requestKey }, bubbles: true, composed: true }));
    }
    const notifier = this.notifier;
    if (notifier === undefined) return;
    const ctx = { hidden: notifier.hidden(), enabled: this.prefs?.notifications.get() ?? false, permission: notifier.permission() };
    const spec = notificationOf(e, name, ctx);
    if (spec !== null) notifier.show(spec, () => this.store?.selectThread(spec.threadId));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-attention': Attention;
  }
  interface HTMLElementEventMap {
    'okc-approval-arrived': CustomEvent<{ threadId: string; requestKey: string }>;
  }
}
