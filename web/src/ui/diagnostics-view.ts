import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DiagnosticsSnapshot } from '../../../protocol/engine-api.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';

function counts(title: string, table: Record<string, number>) {
  const rows = Object.entries(table).sort((a, b) => b[1] - a[1]);
  return html`<h3>${title}</h3>
    ${rows.length === 0
      ? html`<p class="muted">None.</p>`
      : html`<ul>
          ${rows.map(([k, n]) => html`<li><code>${k}</code>: ${n}</li>`)}
        </ul>`}`;
}

/**
 * `<okc-diagnostics-view>`: what is running (bridge and codex versions, from `store.connection`) and
 * what the engine could not handle (`store.api.diagnostics()`): unknown and ignored notifications by
 * method, malformed ones, refused requests, bridge errors, malformed frames, the storage error and the
 * damaged records skipped at start-up.
 * Loaded on demand (lazy import) from the header.
 */
@customElement('okc-diagnostics-view')
export class DiagnosticsView extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 0.95em;
        margin: 0.8rem 0 0.2rem;
      }
      ul {
        margin: 0;
        padding-inline-start: 1.2rem;
      }
      p {
        margin: 0.2rem 0;
      }
    `,
  ];

  @property({ attribute: false }) store?: AppStore;
  @state() private snapshot: DiagnosticsSnapshot | null = null;
  @state() private loaded = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Asks the engine again. */
  async refresh(): Promise<void> {
    this.snapshot = (await this.store?.api.diagnostics()) ?? null;
    this.loaded = true;
  }

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const c = store.connection.get();
    const s = this.snapshot;
    return html`
      <p>Bridge: ${c.bridgeVersion ?? 'unknown'} · Codex: ${c.codexVersion ?? 'unknown'} · Connection: ${c.state}</p>
      <p>Bridge directory: <code>${c.cwd ?? 'unknown'}</code></p>
      <button type="button" @click=${() => void this.refresh()}>Refresh</button>
      ${!this.loaded
        ? html`<p class="muted">Loading…</p>`
        : s === null
          ? html`<p>The engine did not answer. Reload the page.</p>`
          : html`
              ${counts('Unknown notifications', s.unknown)} ${counts('Ignored notifications', s.ignored)}
              ${counts('Refused requests', s.refusedRequests)}
              <h3>Malformed notifications</h3>
              ${s.malformed.length === 0
                ? html`<p class="muted">None.</p>`
                : html`<ul>
                    ${s.malformed.map((m) => html`<li><code>${m.method}</code>: ${m.problem}</li>`)}
                  </ul>`}
              <h3>Bridge errors</h3>
              ${s.bridgeErrors.length === 0
                ? html`<p class="muted">None.</p>`
                : html`<ul>
                    ${s.bridgeErrors.map((e) => html`<li><code>${e.code}</code>: ${e.message}</li>`)}
                  </ul>`}
              <p>Malformed frames: ${s.malformedFrames}</p>
              <p>Storage: ${s.storageError ?? 'no errors'}</p>
              ${counts('Damaged stored records (skipped, re-read from codex)', s.damagedRecords ?? {})}
            `}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-diagnostics-view': DiagnosticsView;
  }
}
