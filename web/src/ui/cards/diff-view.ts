/**
 * Renders typed diff lines as text in a scrollable `<pre>`: additions and deletions coloured, and
 * marked for assistive technology and for printing by their leading `+`/`-`. Never HTML from the diff.
 */
import { css, html } from 'lit';
import type { DiffLine } from './diff-lines.ts';

/** Beyond this many lines a diff is cut (the rest is counted, not shown). */
const MAX_LINES = 2000;

/** `lines` as a labelled, focusable, scrollable `<pre>` (at most MAX_LINES lines). */
export function renderDiff(lines: readonly DiffLine[], label: string) {
  const shown = lines.slice(0, MAX_LINES);
  const more = lines.length - shown.length;
  return html`<pre class="diff" tabindex="0" aria-label=${label}>${shown.map(
    (l) => html`<span class="line ${l.type}">${l.text}</span>\n`,
  )}${more > 0 ? html`<span class="line meta">… ${more} more lines</span>` : ''}</pre>`;
}

/** Styles for `renderDiff`. */
export const diffStyles = css`
  pre.diff {
    margin: 0.4rem 0 0;
    padding: 0.4rem 0;
    max-height: 24rem;
    overflow: auto;
    background: var(--okc-code-bg, Canvas);
    border-radius: 6px;
    white-space: pre;
  }
  .line {
    display: inline-block;
    min-width: 100%;
    padding: 0 0.5rem;
    box-sizing: border-box;
  }
  .line.add {
    background: var(--okc-diff-add-bg, color-mix(in srgb, var(--okc-ok, green) 16%, transparent));
    color: var(--okc-diff-add-fg, inherit);
  }
  .line.del {
    background: var(--okc-diff-del-bg, color-mix(in srgb, var(--okc-danger, red) 16%, transparent));
    color: var(--okc-diff-del-fg, inherit);
  }
  .line.hunk,
  .line.meta {
    color: var(--okc-muted, GrayText);
  }
`;
