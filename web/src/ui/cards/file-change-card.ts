import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FileChangeView, ItemRecord } from '../../../../protocol/projections.ts';
import { fileChangeLabel } from '../labels.ts';
import { sharedStyles } from '../shared-styles.ts';
import { diffStats, fileDiffLines } from './diff-lines.ts';
import { diffStyles, renderDiff } from './diff-view.ts';

type FileChangeItem = Extract<ItemRecord, { kind: 'fileChange' }>;

const STATUS_WORDS: Readonly<Record<FileChangeItem['status'], string>> = {
  inProgress: 'Not applied yet',
  completed: 'Applied',
  failed: 'Failed',
  declined: 'Declined',
  interrupted: 'Stopped',
};

/**
 * `<okc-file-change-card>`: a patch, file by file: what happened to each file (Added / Updated /
 * Deleted / Moved to …), its path, lines added and removed, and its diff as coloured text.
 *
 * why plain LitElement: a leaf that reads only its `item`.
 */
@customElement('okc-file-change-card')
export class FileChangeCard extends LitElement {
  static override styles = [
    sharedStyles,
    diffStyles,
    css`
      :host {
        display: block;
      }
      article {
        border: 1px solid var(--okc-border, GrayText);
        background: var(--okc-surface, Canvas);
        border-radius: 8px;
        padding: 0.6rem 0.8rem;
      }
      header,
      h3 {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        align-items: baseline;
      }
      h3 {
        font-size: 0.95em;
        font-weight: normal;
        margin: 0.6rem 0 0;
      }
      .what {
        font-size: 0.8em;
        font-weight: 600;
        color: var(--okc-muted, GrayText);
      }
      .path {
        overflow-wrap: anywhere;
        font-weight: 600;
      }
      .added {
        color: var(--okc-ok, green);
      }
      .removed,
      .status.failed,
      .status.declined {
        color: var(--okc-danger, red);
      }
      .status.ok {
        color: var(--okc-ok, green);
      }
    `,
  ];

  /** The file change item to show. */
  @property({
    attribute: false,
    hasChanged: (next: FileChangeItem | undefined, prev: FileChangeItem | undefined) =>
      next?.itemId !== prev?.itemId || next?.rev !== prev?.rev,
  })
  item?: FileChangeItem;

  override render() {
    const item = this.item;
    if (item === undefined) return nothing;
    const n = item.changes.length;
    const tone = item.status === 'completed' ? 'ok' : item.status === 'inProgress' ? '' : 'failed';
    return html`<article aria-label="File changes" aria-busy=${item.streaming ? 'true' : 'false'}>
      <header>
        <span class="what">${n === 1 ? '1 file' : `${n} files`}</span>
        <span class="status ${item.status === 'declined' ? 'declined' : tone}">${STATUS_WORDS[item.status]}</span>
      </header>
      ${item.changes.map((c) => this.renderFile(c))}
    </article>`;
  }

  private renderFile(change: FileChangeView) {
    const lines = fileDiffLines(change.kind, change.diff);
    const { added, removed } = diffStats(lines);
    return html`<h3>
        <span class="what">${fileChangeLabel(change)}</span>
        <span class="path mono">${change.path}</span>
        <span class="added" aria-label="${added} lines added">+${added}</span>
        <span class="removed" aria-label="${removed} lines removed">−${removed}</span>
      </h3>
      ${lines.length === 0 ? nothing : renderDiff(lines, `Changes to ${change.path}`)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-file-change-card': FileChangeCard;
  }
}
