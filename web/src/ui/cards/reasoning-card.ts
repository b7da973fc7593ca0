import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ItemRecord } from '../../../../protocol/projections.ts';
import { sharedStyles } from '../shared-styles.ts';
import '../markdown.ts';

type ReasoningItem = Extract<ItemRecord, { kind: 'reasoning' }>;

/** The first line of the first summary part, without markdown emphasis: the card's one-line title. */
export function reasoningTitle(summary: readonly string[]): string {
  const first = summary.find((s) => s.trim() !== '')?.trim().split('\n', 1)[0] ?? '';
  return first.replace(/[*_`#]/g, '').trim();
}

/**
 * `<okc-reasoning-card>`: the model's reasoning, collapsed by default to one line ("Thinking…" while it
 * streams, then its summary's first line). A real button (`aria-expanded`) shows the summary parts as
 * markdown and the raw reasoning text, if codex sent any, as plain text.
 *
 * why plain LitElement: a leaf that reads only its `item` (and keeps its own open/closed state).
 */
@customElement('okc-reasoning-card')
export class ReasoningCard extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        font-size: 0.9em;
      }
      .head {
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
      }
      button {
        padding: 0.1rem 0.5rem;
        font-size: 0.85em;
      }
      .title {
        color: var(--okc-muted, GrayText);
        font-style: italic;
        overflow-wrap: anywhere;
      }
      .body {
        border-left: 3px solid var(--okc-border, GrayText);
        padding-left: 0.7rem;
        margin-top: 0.4rem;
      }
      pre {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
        margin: 0.4rem 0 0;
      }
    `,
  ];

  /** The reasoning item to show. */
  @property({
    attribute: false,
    hasChanged: (next: ReasoningItem | undefined, prev: ReasoningItem | undefined) =>
      next?.itemId !== prev?.itemId || next?.rev !== prev?.rev,
  })
  item?: ReasoningItem;

  @state() private open = false;

  override render() {
    const item = this.item;
    if (item === undefined) return nothing;
    const title = reasoningTitle(item.summary);
    const hasBody = item.summary.some((s) => s !== '') || item.content.some((s) => s !== '');
    return html`<div role="group" aria-label="Reasoning" aria-busy=${item.streaming ? 'true' : 'false'}>
      <div class="head">
        <button type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="body" ?disabled=${!hasBody}
          @click=${() => (this.open = !this.open)}>${this.open ? 'Hide reasoning' : 'Show reasoning'}</button>
        <span class="title">${item.streaming ? 'Thinking…' : ''} ${title === '' && !item.streaming ? 'Thought' : title}</span>
      </div>
      <div id="body" class="body" ?hidden=${!this.open}>
        ${this.open
          ? html`${item.summary.map((s) => html`<okc-markdown .text=${s} ?live=${item.streaming}></okc-markdown>`)}
            ${item.content.some((c) => c !== '') ? html`<pre class="muted" aria-label="Raw reasoning">${item.content.join('\n\n')}</pre>` : nothing}`
          : nothing}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-reasoning-card': ReasoningCard;
  }
}
