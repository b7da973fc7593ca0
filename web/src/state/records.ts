/**
 * Immutable record tables for the tab's signals, merged by `rev` so that an IndexedDB read and a
 * change notice can arrive in either order and the newest copy of each record wins.
 */
export type Table<T> = ReadonlyMap<string, T>;

export function mergeByRev<T extends { rev: number }>(table: Table<T>, records: readonly T[], keyOf: (r: T) => string): Table<T> {
  let out: Map<string, T> | null = null;
  for (const r of records) {
    const k = keyOf(r);
    const old = (out ?? table).get(k);
    if (old && old.rev >= r.rev) continue;
    out ??= new Map(table);
    out.set(k, r);
  }
  return out ?? table;
}

/** Groups records by thread, merging each group into its own table (only changed threads are copied). */
export function mergeGrouped<T extends { rev: number; threadId: string }>(
  groups: Table<Table<T>>,
  records: readonly T[],
  keyOf: (r: T) => string,
): Table<Table<T>> {
  const byThread = new Map<string, T[]>();
  for (const r of records) {
    const list = byThread.get(r.threadId);
    if (list) list.push(r);
    else byThread.set(r.threadId, [r]);
  }
  if (byThread.size === 0) return groups;
  const out = new Map(groups);
  for (const [threadId, list] of byThread) out.set(threadId, mergeByRev(groups.get(threadId) ?? new Map(), list, keyOf));
  return out;
}

/** Drops deleted items from their threads' tables. */
export function removeItems<T>(groups: Table<Table<T>>, removed: ReadonlyArray<{ threadId: string; itemId: string }>): Table<Table<T>> {
  const out = new Map(groups);
  for (const { threadId, itemId } of removed) {
    const table = out.get(threadId);
    if (!table?.has(itemId)) continue;
    const next = new Map(table);
    next.delete(itemId);
    out.set(threadId, next);
  }
  return out;
}
