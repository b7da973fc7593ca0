import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { MarkdownSplitter } from './markdown-blocks.ts';
import { markdownOptions, renderMarkdownBlock } from './render-markdown.ts';
import { codeBlockStyles, decorateCodeBlocks, onCodeBlockClick } from './code-blocks.ts';
import { highlightSoon } from './highlight-queue.ts';
import { sharedStyles } from './shared-styles.ts';

/** A rendered block: its key and the nodes shown for it (inserted once, then kept by Lit). */
interface Shown {
  key: string;
  nodes: DocumentFragment;
  /** Its code blocks still to highlight (emptied once highlighted). */
  code: HTMLElement[];
}

/**
 * `<okc-markdown>`: untrusted agent markdown, rendered inert (see render-markdown.ts), block by block.
 * When `text` changes, only the blocks whose source changed are rendered and sanitized again; the DOM
 * of the others stays as it is. A streaming message that grows at its end therefore costs about the
 * size of its last block per update, not the size of the whole message (markdown-blocks.ts).
 *
 * Code blocks get a **Copy code** button and syntax highlighting (code-blocks.ts). The highlighter is
 * a lazy chunk, loaded the first time a code block appears; each block is highlighted once, and the
 * last block of a live message not at all until it stops changing (it would be redone every frame).
 *
 * why plain LitElement, not SignalWatcher: a leaf that reads no signals, only its properties.
 */
@customElement('okc-markdown')
export class Markdown extends LitElement {
  static override styles = [
    sharedStyles,
    codeBlockStyles,
    css`
      :host {
        display: block;
        overflow-wrap: anywhere;
      }
      /* why: a block that contains its paint is repainted only when it changes, so a streaming
         message repaints its last block, not all of its text (measured: about half the paint time).
         Paint containment also makes a block a formatting root, so lists and quotes, whose inner
         paragraphs' margins collapse through them, are left out. The clip margin leaves room for
         the focus ring of a link at a block's edge. */
      .md > :is(p, pre, .code-block, h1, h2, h3, h4, h5, h6, table, hr) {
        contain: paint;
        overflow-clip-margin: 4px;
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

  private readonly splitter = new MarkdownSplitter(markdownOptions);
  private shown: readonly Shown[] = [];

  override render() {
    const blocks = this.splitter.split(this.text);
    const before = this.shown;
    this.shown = blocks.map((block, i) => {
      const old = before[i];
      if (old?.key === block.key) return old;
      const nodes = renderMarkdownBlock(block, { cache: !this.live });
      return { key: block.key, nodes, code: decorateCodeBlocks(nodes) };
    });
    this.highlight();
    // Node child values: Lit inserts each fragment once and skips it while the same one comes back,
    // so an unchanged block costs nothing; a changed one replaces only its own nodes.
    return html`<div class="md" @click=${onCodeBlockClick}>${this.shown.map((s) => s.nodes)}</div>`;
  }

  /** Highlights the code of every settled block, soon (highlight-queue.ts: a long queue waits for idle time). */
  private highlight(): void {
    const settledBlocks = this.live ? this.shown.slice(0, -1) : this.shown;
    for (const s of settledBlocks) {
      if (s.code.length === 0) continue;
      highlightSoon(s.code);
      s.code = [];
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-markdown': Markdown;
  }
}
