import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AccountView, ChatGptLogin } from '../../../protocol/engine-api.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-account-panel>`: who codex is signed in as (`store.api.readAccount`), **Sign out**, sign in
 * with an **API key** (a password field), or **Sign in with ChatGPT**: the login URL as a link, with a
 * note that it redirects to 127.0.0.1:1455 on the machine running codex, and **Cancel**.
 * Loaded on demand (lazy import) from the header.
 */
@customElement('okc-account-panel')
export class AccountPanel extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
        margin: 0.5rem 0;
      }
      input {
        font: inherit;
        color: inherit;
        background: var(--okc-bg, Field);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 6px;
        padding: 0.3rem 0.5rem;
        min-width: 14rem;
      }
      a {
        color: var(--okc-link, LinkText);
        word-break: break-all;
      }
      p {
        margin: 0.3rem 0;
      }
    `,
  ];

  @property({ attribute: false }) store?: AppStore;
  @state() private account: AccountView | null = null;
  @state() private login: ChatGptLogin | null = null;
  @state() private message = '';
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  private async reload(): Promise<void> {
    const r = await this.store?.api.readAccount();
    if (r === undefined) return;
    if (r.ok) this.account = r.value;
    else this.message = `Could not read the account: ${r.message}`;
  }

  /** Runs an account action; its error shows in the panel and the account is read again. */
  private async run(fn: () => Promise<{ ok: boolean; message?: string }>, done: string): Promise<void> {
    this.busy = true;
    try {
      const r = await fn();
      this.message = r.ok ? done : `Failed: ${r.message ?? 'unknown error'}`;
      await this.reload();
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const a = this.account;
    const lastLogin = store.server.get()?.lastLogin ?? null;
    return html`
      <p>
        ${a === null
          ? 'Reading the account…'
          : a.type === null
            ? a.requiresOpenaiAuth
              ? 'Codex is not signed in.'
              : 'This provider needs no OpenAI sign-in.'
            : `Signed in with ${a.type === 'apiKey' ? 'an API key' : a.type}${a.email ? ` as ${a.email}` : ''}${a.planType ? ` (${a.planType})` : ''}.`}
      </p>
      ${a?.type ? html`<button type="button" ?disabled=${this.busy} @click=${() => void this.run(() => store.api.logout(), 'Signed out.')}>Sign out</button>` : nothing}
      <form @submit=${this.onApiKey}>
        <label for="key">API key</label>
        <input id="key" name="key" type="password" autocomplete="off" required />
        <button type="submit" ?disabled=${this.busy}>Sign in with API key</button>
      </form>
      ${this.login === null
        ? html`<button type="button" ?disabled=${this.busy} @click=${this.onChatGpt}>Sign in with ChatGPT</button>`
        : html`<p>
              Open <a href=${this.login.authUrl} target="_blank" rel="noopener noreferrer">the ChatGPT sign-in page</a>. It
              redirects to 127.0.0.1:1455 on the machine running codex, so open it in a browser on that machine.
            </p>
            <button type="button" @click=${this.onCancel}>Cancel</button>`}
      <p role="status">${this.message}${lastLogin && !lastLogin.success ? ` Last login failed: ${lastLogin.error ?? ''}` : ''}</p>
    `;
  }

  private readonly onApiKey = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#key');
    const key = input?.value.trim() ?? '';
    const store = this.store;
    if (key === '' || store === undefined || input === null) return;
    input.value = '';
    void this.run(() => store.api.loginWithApiKey(key), 'Signed in.');
  };

  private readonly onChatGpt = async (): Promise<void> => {
    const r = await this.store?.api.startChatGptLogin();
    if (r === undefined) return;
    if (r.ok) this.login = r.value;
    else this.message = `Could not start the ChatGPT sign-in: ${r.message}`;
  };

  private readonly onCancel = async (): Promise<void> => {
    const login = this.login;
    this.login = null;
    if (login !== null) await this.run(() => this.store?.api.cancelLogin(login.loginId) ?? Promise.resolve({ ok: true }), 'Sign-in cancelled.');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-account-panel': AccountPanel;
  }
}
