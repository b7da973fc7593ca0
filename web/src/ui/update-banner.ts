import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { onUpdateReady, pendingUpdate } from '../sw/update-prompt.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-update-banner>`: when a new version of OK Code is ready, a `role="status"` banner says so with
 * **Reload** (switch now) and **Later** (hide it; the new version loads next time the app opens).
 */
@customElement('okc-update-banner')
export class UpdateBanner extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      div {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.4rem 1rem;
        background: var(--okc-selected, Canvas);
        border-bottom: 1px solid var(--okc-border, GrayText);
      }
      div[hidden] {
        display: none;
      }
      p {
        margin: 0;
        flex: 1;
      }
    `,
  ];

  @state() private ready = pendingUpdate() !== null;
  @state() private dismissed = false;
  private unsubscribe: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = onUpdateReady(() => {
      this.ready = true;
      this.dismissed = false;
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  override render() {
    const show = this.ready && !this.dismissed;
    return html`<div role="status" aria-label="Update" ?hidden=${!show}>
      ${show
        ? html`<p>A new version of OK Code is ready.</p>
            <button class="primary" type="button" @click=${() => pendingUpdate()?.()}>Reload</button>
            <button type="button" @click=${() => (this.dismissed = true)}>Later</button>`
        : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-update-banner': UpdateBanner;
  }
}
