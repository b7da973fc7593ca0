/**
 * Replaces machine-specific absolute paths in recorded text with stable placeholders, so fixtures do
 * not change from one checkout or run to the next.
 */

/** A path and the placeholder that replaces it. */
export interface PathPlaceholder {
  path: string;
  placeholder: string;
}

/**
 * Replaces every occurrence of each path (longest first, so `/a/b/work` wins over `/a/b`) with its
 * placeholder. Paths are matched as plain text; JSON does not escape `/`.
 */
export function replacePaths(text: string, placeholders: readonly PathPlaceholder[]): string {
  const ordered = [...placeholders].filter((p) => p.path !== '').sort((a, b) => b.path.length - a.path.length);
  return ordered.reduce((acc, p) => acc.split(p.path).join(p.placeholder), text);
}
