import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RateLimitWindowView, TokenUsageView } from '../../../protocol/projections.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';

/** A token count the way people read it: 950, 12.3k, 1.2M. */
export function formatTokens(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}

/** How full the context window is, 0–100, or null when codex did not say its size. */
export function contextPercent(usage: TokenUsageView): number | null {
  if (usage.contextWindow === null || usage.contextWindow <= 0) return null;
  return Math.min(100, Math.round((usage.last.total / usage.contextWindow) * 100));
}

function windowLabel(name: string, w: RateLimitWindowView | null): string | null {
  if (w === null) return null;
  const span = w.windowMinutes === null ? '' : w.windowMinutes >= 1440 ? ` (${Math.round(w.windowMinutes / 1440)}d)` : ` (${Math.round(w.windowMinutes / 60)}h)`;
  return `${name}${span} ${Math.round(w.usedPercent)}% used`;
}

/**
 * `<okc-usage-meter>`: the selected thread's context window use as a labelled `<meter>` plus its token
 * total (`ThreadRecord.tokenUsage`), and the account's rate-limit windows from `store.server`.
 * Renders nothing until codex reports either.
 */
@customElement('okc-usage-meter')
export class UsageMeter extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        font-size: 0.8em;
      }
      meter {
        width: 5rem;
      }
      span {
        white-space: nowrap;
      }
    `,
  ];

  @property({ attribute: false }) store?: AppStore;

  override render() {
    const store = this.store;
    if (store === undefined) return nothing;
    const usage = store.selectedThread.get()?.tokenUsage ?? null;
    const limits = store.server.get()?.rateLimits ?? null;
    const pct = usage === null ? null : contextPercent(usage);
    const windows = [windowLabel('Limit', limits?.primary ?? null), windowLabel('Weekly limit', limits?.secondary ?? null)].filter(
      (s): s is string => s !== null,
    );
    return html`
      ${pct === null
        ? nothing
        : html`<span
            ><label for="ctx">Context</label>
            <meter id="ctx" min="0" max="100" low="70" high="90" optimum="0" .value=${pct}></meter> ${pct}%</span
          >`}
      ${usage === null ? nothing : html`<span class="muted">${formatTokens(usage.total.total)} tokens used</span>`}
      ${windows.map((w) => html`<span class="muted">${w}</span>`)}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-usage-meter': UsageMeter;
  }
}
