/**
 * Templates for the item kinds that need no state of their own: MCP tool calls, web searches, viewed
 * images, proposed plans and context compactions. They render inside `<okc-item-card>`'s shadow root
 * (styles: `toolCardStyles`). Every value from codex is bound as text, never as HTML.
 */
import { css, html, nothing } from 'lit';
import type { ItemRecord } from '../../../../protocol/projections.ts';
import { formatDuration, itemStatusLabel } from '../labels.ts';
import '../markdown.ts';

type Of<K extends ItemRecord['kind']> = Extract<ItemRecord, { kind: K }>;

function tone(status: Of<'mcpToolCall'>['status']): string {
  if (status === 'completed') return 'ok';
  return status === 'inProgress' ? '' : 'failed';
}

/** An MCP tool call: server · tool, status in words, duration, progress, arguments, result or error. */
export function renderMcpToolCall(item: Of<'mcpToolCall'>) {
  return html`<article class="tool" aria-busy=${item.streaming ? 'true' : 'false'} aria-label="Tool call ${item.tool}">
    <header>
      <span class="what">Tool</span>
      <code>${item.server} · ${item.tool}</code>
      <span class="status ${tone(item.status)}">${itemStatusLabel(item.status)}</span>
      ${item.durationMs === null ? nothing : html`<span class="muted">${formatDuration(item.durationMs)}</span>`}
    </header>
    ${item.progress !== null && item.streaming ? html`<p class="muted">${item.progress}</p>` : nothing}
    ${item.arguments === '{}' || item.arguments === 'null'
      ? nothing
      : html`<pre tabindex="0" aria-label="Arguments">${item.arguments}</pre>`}
    ${item.error === null ? nothing : html`<p class="error">${item.error}</p>`}
    ${item.result === null || item.result === '' ? nothing : html`<pre tabindex="0" aria-label="Result">${item.result}</pre>`}
  </article>`;
}

function searchText(item: Of<'webSearch'>): string {
  const a = item.action;
  switch (a.type) {
    case 'search':
      return a.queries.length > 0 ? a.queries.join(' · ') : item.query;
    case 'openPage':
      return `Opened ${a.url ?? 'a page'}`;
    case 'findInPage':
      return `Looked for “${a.pattern ?? ''}” in ${a.url ?? 'a page'}`;
    case 'other':
      return item.query;
  }
}

/** A web search: what was searched, or opened, or looked for in a page. */
export function renderWebSearch(item: Of<'webSearch'>) {
  const text = searchText(item);
  return html`<article class="note" aria-busy=${item.streaming ? 'true' : 'false'}>
    <span class="what">Web search</span> ${text === '' ? html`<span class="muted">Searching…</span>` : html`<span class="query">${text}</span>`}
  </article>`;
}

/** An image the agent viewed. */
export function renderImageView(item: Of<'imageView'>) {
  // why: only the path. Loading a local file into the page would need the bridge to serve it; the
  // agent's view of it is no reason to fetch anything.
  return html`<article class="note"><span class="what">Viewed image</span> <span class="mono">${item.path}</span></article>`;
}

/** A proposed plan (Plan mode), as markdown. */
export function renderPlanItem(item: Of<'plan'>) {
  return html`<article class="plan" aria-busy=${item.streaming ? 'true' : 'false'}>
    <div class="who">Proposed plan</div>
    <okc-markdown .text=${item.text} ?live=${item.streaming}></okc-markdown>
  </article>`;
}

/** A context compaction, as a quiet note. */
export function renderContextCompaction(item: Of<'contextCompaction'>) {
  return html`<p class="quiet muted" role="note">
    ${item.streaming ? 'Compacting the conversation to save context…' : 'Earlier conversation was compacted to save context.'}
  </p>`;
}

/** Styles for the templates above (they render in `<okc-item-card>`'s shadow root). */
export const toolCardStyles = css`
  .tool,
  .plan {
    border: 1px solid var(--okc-border, GrayText);
    background: var(--okc-surface, Canvas);
  }
  .tool header {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    align-items: baseline;
  }
  .what {
    font-size: 0.8em;
    font-weight: 600;
    color: var(--okc-muted, GrayText);
  }
  .note {
    font-size: 0.9em;
    padding-block: 0.2rem;
  }
  .query {
    font-style: italic;
  }
  .error {
    color: var(--okc-danger, red);
    margin: 0.4rem 0 0;
  }
  .quiet {
    text-align: center;
    font-size: 0.85em;
    margin: 0;
  }
`;
