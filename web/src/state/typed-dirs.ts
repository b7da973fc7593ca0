/**
 * Working directories the user typed for new threads, kept in localStorage (this browser's, like
 * preferences.ts) so they are offered again in every tab and after a reload, even once no thread
 * started there is listed any more.
 */

const KEY = 'okcode.typedDirectories';
const LIMIT = 10;

export interface TypedDirectory {
  dir: string;
  /** Unix milliseconds of its last use. */
  at: number;
}

/** The remembered directories, most recent first (an unreadable entry counts as none). */
export function typedDirectories(storage: Storage = localStorage): TypedDirectory[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    if (!Array.isArray(value)) return [];
    return value.filter(
      (d): d is TypedDirectory => typeof d === 'object' && d !== null && typeof d.dir === 'string' && typeof d.at === 'number',
    );
  } catch {
    return [];
  }
}

/** Remembers `dir` as used at `at`, keeping the newest {@link LIMIT}. */
export function rememberDirectory(dir: string, at: number, storage: Storage = localStorage): void {
  const rest = typedDirectories(storage).filter((d) => d.dir !== dir);
  storage.setItem(KEY, JSON.stringify([{ dir, at }, ...rest].slice(0, LIMIT)));
}
