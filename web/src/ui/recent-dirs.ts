/**
 * The directories New thread offers: where known threads run and where the user typed, most recent
 * first, each once. Pure.
 */
import type { ThreadRecord } from '../../../protocol/projections.ts';
import type { TypedDirectory } from '../state/typed-dirs.ts';

/** Distinct directories of `threads` and `typed`, by their last use (newest first), at most `limit`. */
export function recentDirectories(threads: readonly ThreadRecord[], typed: readonly TypedDirectory[], limit = 12): string[] {
  const last = new Map<string, number>();
  const note = (dir: string, at: number): void => {
    if (dir !== '' && at > (last.get(dir) ?? -Infinity)) last.set(dir, at);
  };
  // why ×1000: thread times are unix seconds (codex's), typed ones milliseconds.
  for (const t of threads) note(t.cwd, Math.max(t.updatedAt, t.createdAt) * 1000);
  for (const d of typed) note(d.dir, d.at);
  return [...last].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([dir]) => dir);
}
