import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { renderMarkdown } from './render-markdown.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-markdown>`: untrusted agent markdown, rendered inert (see render-markdown.ts).
 * Re-rendering with unchanged `text` reuses the same DOM: no parse, no sanitize, no DOM churn.
 *
 * why plain LitElement, not SignalWatcher: a leaf that reads no signals, only its properties.
 */
@customElement('okc-markdown')
export class Markdown extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        overflow-wrap: anywhere;
      }
      .md > :first-child {
        margin-top: 0;
      }
      .md > :last-child {
        margin-bottom: 0;
      }
      pre {
        background: var(--okc-code-bg, Canvas);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 6px;
        padding: 0.6rem 0.75rem;
        overflow: auto;
        max-height: 32rem;
      }
      :not(pre) > code {
        background: var(--okc-code-bg, Canvas);
        border-radius: 4px;
        padding: 0.1em 0.3em;
      }
      a {
        color: var(--okc-link, LinkText);
      }
      img {
        max-width: 100%;
      }
      blockquote {
        margin-inline: 0;
        padding-inline-start: 0.8rem;
        border-inline-start: 3px solid var(--okc-border, GrayText);
        color: var(--okc-muted, GrayText);
      }
      table {
        border-collapse: collapse;
        display: block;
        overflow: auto;
      }
      th,
      td {
        border: 1px solid var(--okc-border, GrayText);
        padding: 0.25rem 0.5rem;
      }
    `,
  ];

  /** The markdown source (untrusted). */
  @property({ attribute: false }) text = '';

  /** Set while the text is still streaming: its intermediate renderings are not cached globally. */
  @property({ type: Boolean }) live = false;

  private rendered: { text: string; fragment: DocumentFragment } | null = null;

  override render() {
    if (this.rendered?.text !== this.text) {
      this.rendered = { text: this.text, fragment: renderMarkdown(this.text, { cache: !this.live }) };
    }
    // A Node child value: Lit inserts it once and skips it while the same fragment comes back.
    return html`<div class="md">${this.rendered.fragment}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-markdown': Markdown;
  }
}
