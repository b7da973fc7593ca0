/**
 * Pure: diff text as typed lines, so a diff renders as coloured TEXT (never HTML). For a fileChange,
 * codex's `diff` is the new content of an added file, the old content of a deleted one, or a unified
 * hunk for an update; a turn diff is a whole git-style unified diff.
 */
import type { FileChangeKind } from '../../../../protocol/projections.ts';

/** What a diff line is: added, removed, a hunk header, file metadata, or unchanged context. */
export type DiffLineType = 'add' | 'del' | 'hunk' | 'meta' | 'context';

/** One line of a diff, with its leading `+`/`-`/space kept. */
export interface DiffLine {
  type: DiffLineType;
  text: string;
}

/** Lines of a unified diff, typed by their first character. */
export function unifiedDiffLines(diff: string): DiffLine[] {
  return splitLines(diff).map((text): DiffLine => {
    if (text.startsWith('@@')) return { type: 'hunk', text };
    if (/^(diff --git|index |--- |\+\+\+ |new file mode|deleted file mode|similarity index|rename (from|to) )/.test(text)) {
      return { type: 'meta', text };
    }
    if (text.startsWith('+')) return { type: 'add', text };
    if (text.startsWith('-')) return { type: 'del', text };
    return { type: 'context', text };
  });
}

/** A file change's lines: content of an added (deleted) file as additions (deletions), else its hunk. */
export function fileDiffLines(kind: FileChangeKind, diff: string): DiffLine[] {
  switch (kind) {
    case 'add':
      return splitLines(diff).map((t) => ({ type: 'add', text: `+${t}` }));
    case 'delete':
      return splitLines(diff).map((t) => ({ type: 'del', text: `-${t}` }));
    case 'update':
      return unifiedDiffLines(diff);
  }
}

/** How many lines a diff adds and removes. */
export function diffStats(lines: readonly DiffLine[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const l of lines) {
    if (l.type === 'add') added++;
    else if (l.type === 'del') removed++;
  }
  return { added, removed };
}

/** The files a unified diff touches (from its `diff --git a/… b/…` headers). */
export function diffFiles(diff: string): string[] {
  return [...diff.matchAll(/^diff --git a\/(.*?) b\//gm)].map((m) => m[1] ?? '');
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
