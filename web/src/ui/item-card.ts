import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ItemRecord } from '../../../protocol/projections.ts';
import { isItemRecord } from '../../../protocol/item-guards.ts';
import { commandStatusLabel, formatDuration } from './labels.ts';
import { assertNever } from './assert-never.ts';
import { sharedStyles } from './shared-styles.ts';
import {
  renderContextCompaction,
  renderImageView,
  renderMcpToolCall,
  renderPlanItem,
  renderWebSearch,
  toolCardStyles,
} from './cards/tool-cards.ts';
import './cards/file-change-card.ts';
import './cards/reasoning-card.ts';
import './markdown.ts';

/** Command output beyond this many characters is cut from the front (the end is what matters). */
const OUTPUT_TAIL_CHARS = 64 * 1024;

type CommandItem = Extract<ItemRecord, { kind: 'commandExecution' }>;

/**
 * `<okc-item-card>`: one transcript item, by `kind`: a user message (plain text), an agent message
 * (markdown, with a "Writing…" indicator while streaming), reasoning (collapsed), a command execution
 * (command, cwd, status in words, duration, output), a file change (per-file diffs), an MCP tool call,
 * a web search, a viewed image (its path), a proposed plan, a context compaction note, or any other
 * item (its type and summary). Everything codex sends is bound as text; only agent markdown is
 * rendered, through the sanitizing `<okc-markdown>`.
 *
 * Re-renders only when the record's `itemId` or `rev` changes (the engine bumps `rev` on every change
 * of a record), so a streaming delta to one item leaves every other card alone.
 *
 * why plain LitElement, not SignalWatcher: a leaf that reads no signals, only its `item`.
 */
@customElement('okc-item-card')
export class ItemCard extends LitElement {
  static override styles = [
    sharedStyles,
    toolCardStyles,
    css`
      :host {
        display: block;
      }
      article {
        padding: 0.6rem 0.8rem;
        border-radius: 8px;
      }
      .who {
        font-size: 0.8em;
        font-weight: 600;
        color: var(--okc-muted, GrayText);
        margin-bottom: 0.2rem;
      }
      .user {
        background: var(--okc-selected, Canvas);
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .user p {
        margin: 0;
      }
      .writing {
        display: inline-flex;
        align-items: center;
        gap: 0.4em;
        margin-top: 0.3rem;
        font-size: 0.85em;
        color: var(--okc-muted, GrayText);
      }
      .pulse {
        width: 0.5em;
        height: 0.5em;
        border-radius: 50%;
        background: currentColor;
        animation: pulse 1.2s ease-in-out infinite;
      }
      @keyframes pulse {
        50% {
          opacity: 0.25;
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .pulse {
          animation: none;
        }
      }
      .command {
        border: 1px solid var(--okc-border, GrayText);
        background: var(--okc-surface, Canvas);
      }
      .command header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
      }
      .command code {
        overflow-wrap: anywhere;
        font-weight: 600;
      }
      .status.failed,
      .status.declined {
        color: var(--okc-danger, red);
      }
      .status.ok {
        color: var(--okc-ok, green);
      }
      pre {
        margin: 0.5rem 0 0;
        padding: 0.5rem;
        max-height: 20rem;
        overflow: auto;
        background: var(--okc-code-bg, Canvas);
        border-radius: 6px;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .other {
        font-size: 0.9em;
      }
    `,
  ];

  /** The record to show. */
  @property({
    attribute: false,
    hasChanged: (next: ItemRecord | undefined, prev: ItemRecord | undefined) =>
      next?.itemId !== prev?.itemId || next?.rev !== prev?.rev,
  })
  item?: ItemRecord;

  override render() {
    const item = this.item;
    if (item === undefined) return nothing;
    // why: a record this build cannot show (damaged in storage, a kind from a newer build) gets a
    // placeholder; throwing would leave a hole and an unhandled error, and must never reach the transcript.
    try {
      return isItemRecord(item) ? this.renderItem(item) : unshowable();
    } catch {
      return unshowable();
    }
  }

  private renderItem(item: ItemRecord) {
    switch (item.kind) {
      case 'userMessage':
        return html`<article class="user"><div class="who">You</div><p>${item.text}</p></article>`;
      case 'agentMessage':
        return html`<article class="agent" aria-busy=${item.streaming ? 'true' : 'false'}>
          <div class="who">Codex</div>
          <okc-markdown .text=${item.text} ?live=${item.streaming}></okc-markdown>
          ${item.streaming ? html`<span class="writing"><span class="pulse" aria-hidden="true"></span>Writing…</span>` : nothing}
        </article>`;
      case 'commandExecution':
        return this.renderCommand(item);
      case 'reasoning':
        return html`<okc-reasoning-card .item=${item}></okc-reasoning-card>`;
      case 'fileChange':
        return html`<okc-file-change-card .item=${item}></okc-file-change-card>`;
      case 'mcpToolCall':
        return renderMcpToolCall(item);
      case 'webSearch':
        return renderWebSearch(item);
      case 'imageView':
        return renderImageView(item);
      case 'plan':
        return renderPlanItem(item);
      case 'contextCompaction':
        return renderContextCompaction(item);
      case 'other':
        return html`<article class="other">
          <span class="muted">${item.type}</span> ${item.summary}
        </article>`;
      default:
        return assertNever(item);
    }
  }

  private renderCommand(item: CommandItem) {
    const status = commandStatusLabel(item.status, item.exitCode);
    const failed = item.status === 'failed' || (item.status === 'completed' && (item.exitCode ?? 0) !== 0);
    const stopped = item.status === 'declined' || item.status === 'interrupted';
    const tone = stopped ? 'declined' : failed ? 'failed' : item.status === 'completed' ? 'ok' : '';
    const output =
      item.output.length > OUTPUT_TAIL_CHARS
        ? `… (${item.output.length - OUTPUT_TAIL_CHARS} earlier characters not shown)\n${item.output.slice(-OUTPUT_TAIL_CHARS)}`
        : item.output;
    return html`<article class="command" aria-busy=${item.streaming ? 'true' : 'false'}>
      <header>
        <code>$ ${item.command}</code>
        <span class="status ${tone}">${status}</span>
        ${item.durationMs === null ? nothing : html`<span class="muted">${formatDuration(item.durationMs)}</span>`}
      </header>
      <div class="muted">in <span class="mono">${item.cwd}</span></div>
      ${output === ''
        ? nothing
        : html`<pre tabindex="0" aria-label="Command output">${output}</pre>`}
    </article>`;
  }
}

function unshowable() {
  return html`<article class="other muted">This item could not be shown.</article>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-item-card': ItemCard;
  }
}
