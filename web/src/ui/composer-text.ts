/**
 * Pure text helpers for the composer: finding the `@word` being typed at the caret and replacing it
 * with a chosen file path, and reading pasted or dropped images as data: URLs.
 */

/** The `@` mention the caret is in: where its `@` is and the word typed after it so far. */
export interface MentionQuery {
  /** Index of the `@` in the text. */
  start: number;
  /** What follows the `@` up to the caret (may be ''). */
  query: string;
}

/**
 * The mention being typed at `caret`, or null. A mention starts with `@` at the start of the text or
 * after whitespace, and runs to the caret without whitespace.
 */
export function mentionAt(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([^\s@]*)$/.exec(before);
  if (m === null) return null;
  const query = m[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** `text` with the mention at `mention` (ending at `caret`) replaced by `@path ` and the new caret. */
export function insertMention(text: string, mention: MentionQuery, caret: number, path: string): { text: string; caret: number } {
  const inserted = `@${path} `;
  const next = text.slice(0, mention.start) + inserted + text.slice(caret);
  return { text: next, caret: mention.start + inserted.length };
}

/** The image files among `files` (pasted or dropped), read as data: URLs. */
export async function imagesAsDataUrls(files: Iterable<File>): Promise<string[]> {
  const images = [...files].filter((f) => f.type.startsWith('image/'));
  return Promise.all(images.map(readDataUrl));
}

function readDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('could not read the image'));
    reader.readAsDataURL(file);
  });
}
