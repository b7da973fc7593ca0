/**
 * Pure: full-text search over the stored threads, and a thread's export as Markdown or JSONL.
 */
import type { ExportFormat, SearchHit } from '../../../protocol/engine-api.ts';
import type { ItemRecord, ThreadRecord } from '../../../protocol/projections.ts';

const SNIPPET_RADIUS = 40;
const MAX_HITS = 200;

/** The searchable and exportable text of an item. */
export function itemText(item: ItemRecord): string {
  switch (item.kind) {
    case 'userMessage':
    case 'agentMessage':
      return item.text;
    case 'commandExecution':
      return `$ ${item.command}\n${item.output}`;
    default:
      return JSON.stringify(item);
  }
}

function snippet(text: string, at: number, length: number): string {
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(text.length, at + length + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

/** Case-insensitive substring search; thread titles first, then items in transcript order. */
export function searchThreads(query: string, threads: readonly ThreadRecord[], itemsOf: (threadId: string) => readonly ItemRecord[]): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: SearchHit[] = [];
  for (const t of threads) {
    const title = t.name ?? t.preview;
    const at = title.toLowerCase().indexOf(q);
    if (at >= 0) hits.push({ threadId: t.id, itemId: null, snippet: snippet(title, at, q.length) });
  }
  for (const t of threads) {
    for (const item of itemsOf(t.id)) {
      if (hits.length >= MAX_HITS) return hits;
      const text = itemText(item);
      const at = text.toLowerCase().indexOf(q);
      if (at >= 0) hits.push({ threadId: t.id, itemId: item.itemId, snippet: snippet(text, at, q.length) });
    }
  }
  return hits;
}

const fence = (text: string): string => {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}\n${text}\n${f}`;
};

/** A thread as Markdown (readable) or JSONL (one item record per line, for tools). */
export function exportThread(thread: ThreadRecord, items: readonly ItemRecord[], format: ExportFormat): string {
  if (format === 'jsonl') return items.map((i) => JSON.stringify(i)).join('\n') + (items.length ? '\n' : '');
  const parts = [`# ${thread.name ?? (thread.preview || 'Thread')}`, `Working directory: \`${thread.cwd}\``];
  for (const item of items) {
    switch (item.kind) {
      case 'userMessage':
        parts.push(`## You\n\n${item.text}`);
        break;
      case 'agentMessage':
        parts.push(`## Codex\n\n${item.text}`);
        break;
      case 'commandExecution':
        parts.push(`### Command (${item.status}${item.exitCode === null ? '' : `, exit ${item.exitCode}`})\n\n${fence(`$ ${item.command}\n${item.output}`)}`);
        break;
      default:
        parts.push(`### ${item.kind}\n\n${fence(itemText(item))}`);
    }
  }
  return parts.join('\n\n') + '\n';
}
