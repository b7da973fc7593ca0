import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Preferences } from '../state/preferences.ts';
import { SignalWatcher } from '../state/signals.ts';
import type { Notifier } from './notifier.ts';
import { notificationBlocker, setNotifications } from './notify-setting.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-settings-panel>`: this browser's settings. A **Notify me when OK Code is in the background**
 * checkbox: on, a system notification goes out when an approval is needed or a turn ends while the
 * page is hidden. Checking it asks the browser for permission (this click being the user gesture
 * browsers require); a refusal, or a browser without notifications, is explained and leaves it off. Kept in `Preferences` (localStorage).
 */
@customElement('okc-settings-panel')
export class SettingsPanel extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin-top: 0.8rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
      }
      p {
        margin: 0.4rem 0 0;
      }
    `,
  ];

  @property({ attribute: false }) prefs?: Preferences;
  @property({ attribute: false }) notifier?: Notifier;
  @state() private problem: string | null = null;
  @state() private asking = false;

  override render() {
    const prefs = this.prefs;
    const notifier = this.notifier;
    if (prefs === undefined || notifier === undefined) return nothing;
    const on = prefs.notifications.get() && notifier.permission() === 'granted';
    const problem = this.problem ?? notificationBlocker(notifier);
    return html`<div class="row">
        <input id="notify" type="checkbox" aria-describedby="notify-note" .checked=${on} ?disabled=${this.asking} @change=${this.onChange} />
        <label for="notify">Notify me when OK Code is in the background</label>
      </div>
      <p id="notify-note" class="muted">A system notification when an approval is needed or a turn ends while this page is hidden.</p>
      ${problem === null ? nothing : html`<p role="alert">${problem}</p>`}`;
  }

  private readonly onChange = async (e: Event): Promise<void> => {
    const box = e.target;
    if (!(box instanceof HTMLInputElement) || this.prefs === undefined || this.notifier === undefined) return;
    this.asking = true;
    try {
      this.problem = await setNotifications(box.checked, this.prefs, this.notifier);
    } finally {
      this.asking = false;
    }
    box.checked = this.prefs.notifications.get() && this.notifier.permission() === 'granted';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-settings-panel': SettingsPanel;
  }
}
