import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AppStore } from '../state/app-store.ts';
import { createPreferences, type Preferences } from '../state/preferences.ts';
import { SignalWatcher } from '../state/signals.ts';
import { AppKeys } from './app-keys.ts';
import { appShellStyles } from './app-shell-styles.ts';
import { ApprovalCard } from './approval-card.ts';
import type { CommandPalette } from './command-palette.ts';
import type { Composer } from './composer.ts';
import type { HeaderTools } from './header-tools.ts';
import { deepActiveElement, isTextField } from './key-context.ts';
import { browserNotifier, type Notifier } from './notifier.ts';
import { setNotifications } from './notify-setting.ts';
import type { AppActions } from './palette-commands.ts';
import { sharedStyles } from './shared-styles.ts';
import type { ShortcutAction } from './shortcuts.ts';
import type { ThreadList } from './thread-list.ts';
import { themeStyles } from './theme.ts';
import './attention-element.ts';
import './composer.ts';
import './connection-status.ts';
import './header-tools.ts';
import './update-banner.ts';
import './thread-list.ts';
import './thread-view.ts';

/**
 * `<okc-app>`: the whole UI. A banner with the product name and the connection status, a sidebar with
 * the thread list, and the main area: the selected thread's transcript (or a hint to start one), its
 * pending approvals, and the composer. `store.lastError` shows in a `role="alert"` region.
 * Light and dark themes follow `prefers-color-scheme`; below 40rem the sidebar stacks above the main area.
 *
 * Keyboard (`shortcuts.ts`): Ctrl/Cmd+K opens the command palette (loaded on first use), `?` the
 * shortcuts sheet, Y/N answer the focused approval card or else the first waiting one (never while
 * typing), Alt+A goes to the waiting approval. A request that arrives for the thread on screen takes
 * focus unless the user is typing or in a dialog. `<okc-attention>` announces, badges and notifies.
 *
 * Contract: `main.ts` sets `.store`; everything below receives it from here.
 */
@customElement('okc-app')
export class AppShell extends SignalWatcher(LitElement) {
  static override styles = [themeStyles, sharedStyles, appShellStyles];

  /** The tab's store (set by main.ts). */
  @property({ attribute: false }) store?: AppStore;
  /** Why the store has not loaded yet (e.g. an older tab blocks the database), shown until it has. */
  @property({ attribute: false }) startupNotice: string | null = null;
  /** This browser's settings. */
  @property({ attribute: false }) prefs?: Preferences;
  /** Badge and system notifications (tests hand in a fake). */
  @property({ attribute: false }) notifier?: Notifier;

  /** Whether the palette's code has been loaded (on the first Ctrl/Cmd+K). */
  @state() private paletteLoaded = false;
  @query('okc-command-palette') private palette!: CommandPalette | null;
  @query('okc-header-tools') private tools!: HeaderTools | null;

  constructor() {
    super();
    new AppKeys(this);
  }

  override willUpdate(): void {
    // why here, not as field defaults: a test sets its own before the first update, and the real ones
    // (a storage listener, a presence channel) are then never made.
    this.prefs ??= createPreferences();
    this.notifier ??= browserNotifier();
  }

  override render() {
    const store = this.store;
    if (store === undefined) {
      return this.startupNotice === null ? nothing : html`<div class="alert" role="alert"><p>${this.startupNotice}</p></div>`;
    }
    // why the id, not the record: right after newThread() the id is selected before the thread's
    // record arrives, and the composer (which also goes by the id) is already usable.
    const hasThread = store.selectedThreadId.get() !== null;
    const lastError = store.lastError.get();
    return html`
      <okc-update-banner></okc-update-banner>
      <header>
        <h1>OK Code</h1>
        <okc-connection-status .store=${store}></okc-connection-status>
        <okc-header-tools .store=${store} .prefs=${this.prefs} .notifier=${this.notifier}
          @okc-palette-open=${() => void this.openPalette()}></okc-header-tools>
      </header>
      <okc-attention .store=${store} .prefs=${this.prefs} .notifier=${this.notifier}
        @okc-approval-arrived=${(e: CustomEvent<{ threadId: string; requestKey: string }>) => void this.onArrived(e.detail)}></okc-attention>
      ${this.paletteLoaded ? html`<okc-command-palette .store=${store} .actions=${this.actions}></okc-command-palette>` : nothing}
      <div class="sidebar"><okc-thread-list .store=${store}></okc-thread-list></div>
      <main>
        ${!hasThread
          ? html`<div class="empty muted">
              <p>No thread selected. Pick one from the list, or click “New thread” to start one.</p>
            </div>`
          : html`<okc-thread-view .store=${store}></okc-thread-view>`}
        <div class="alert" role="alert">${lastError === null ? nothing : html`<p>${lastError}</p>`}</div>
        <div class="approvals" @focusin=${this.onCardFocus}>
          ${repeat(
            store.selectedApprovals.get(),
            (a) => a.requestKey,
            (a) => html`<okc-approval-card .store=${store} .approval=${a}></okc-approval-card>`,
          )}
        </div>
        <okc-composer .store=${store}></okc-composer>
      </main>
    `;
  }

  /** The card that last had focus, while it is on the page. */
  private focusedCard: ApprovalCard | null = null;

  private readonly onCardFocus = (e: FocusEvent): void => {
    this.focusedCard = e.composedPath().find((n): n is ApprovalCard => n instanceof ApprovalCard) ?? null;
  };

  /**
   * why: a card leaves once its request is resolved; if it had focus, focus would fall to the page's
   * start, so it moves on to the next waiting card (triage goes on) when there is one.
   */
  override updated(): void {
    const gone = this.focusedCard;
    if (gone === null || gone.isConnected) return;
    this.focusedCard = null;
    const active = deepActiveElement();
    if (active !== null && active !== document.body && active !== this) return;
    void this.cards().find((c) => c.approval?.state === 'pending')?.focusCard();
  }

  /** Carries out an app-wide shortcut; false when there was nothing to do (the key goes on). */
  onShortcut(action: ShortcutAction, event: KeyboardEvent): boolean {
    switch (action) {
      case 'palette':
        void this.openPalette();
        return true;
      case 'shortcuts':
        void this.tools?.open('shortcuts');
        return true;
      case 'goToApproval':
        return this.goToApproval();
      case 'approve':
      case 'decline': {
        const mine = event.composedPath().find((n): n is ApprovalCard => n instanceof ApprovalCard);
        const card = mine ?? this.cards().find((c) => c.approval?.state === 'pending');
        return card?.answerWithKey(action === 'approve' ? 'Y' : 'N') ?? false;
      }
    }
  }

  /** Opens the command palette, loading its code the first time. */
  async openPalette(): Promise<void> {
    if (!this.paletteLoaded) {
      await import('./command-palette.ts');
      this.paletteLoaded = true;
      await this.updateComplete;
    }
    await this.palette?.show();
  }

  /** What the palette may do besides store actions. */
  private readonly actions: AppActions = {
    openPanel: (panel) => void this.tools?.open(panel),
    focusMessage: () => this.renderRoot.querySelector<Composer>('okc-composer')?.focusMessage(),
    goToApproval: () => void this.goToApproval(),
    toggleArchived: () => this.renderRoot.querySelector<ThreadList>('okc-thread-list')?.toggleArchived(),
    notificationsOn: () => this.prefs?.notifications.get() ?? false,
    setNotifications: (on) => void this.setNotifications(on),
  };

  /** Turns notifications on or off; when the browser refuses, Settings opens and says why. */
  private async setNotifications(on: boolean): Promise<void> {
    if (this.prefs === undefined || this.notifier === undefined) return;
    const problem = await setNotifications(on, this.prefs, this.notifier);
    if (problem !== null) await this.tools?.open('settings');
  }

  private cards(): ApprovalCard[] {
    return [...this.renderRoot.querySelectorAll('okc-approval-card')];
  }

  private goToApproval(): boolean {
    const card = this.cards().find((c) => c.approval?.state === 'pending');
    void card?.focusCard();
    return card !== undefined;
  }

  /** A request arrived: bring its card into focus, unless the user is typing or in a dialog. */
  private async onArrived({ threadId, requestKey }: { threadId: string; requestKey: string }): Promise<void> {
    if (threadId !== this.store?.selectedThreadId.get()) return;
    const busy = (): boolean => {
      const active = deepActiveElement();
      return active !== null && (isTextField(active) || inOpenDialog(active));
    };
    if (busy()) return;
    await this.updateComplete;
    const card = this.cards().find((c) => c.approval?.requestKey === requestKey);
    if (card !== undefined && !busy()) await card.focusCard();
  }
}

/** Whether `el` sits inside an open dialog, across shadow roots. */
function inOpenDialog(el: Element): boolean {
  for (let node: Node | null = el; node !== null; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node instanceof HTMLDialogElement && node.open) return true;
  }
  return false;
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-app': AppShell;
  }
}
