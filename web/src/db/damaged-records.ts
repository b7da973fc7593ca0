/**
 * Records read from IndexedDB are checked before anything renders or folds them: a damaged one
 * (a field of the wrong type, an item kind this build does not know, written by a broken build or a
 * damaged disk) is skipped and counted here, with its thread, so that thread can be re-read from
 * codex (the source of truth) and the user told. why skip and not delete: codex's copy replaces it
 * on the re-read, and a record codex no longer has is kept for a later build to look at.
 */
import { isObject } from '../../../protocol/shape-checks.ts';

/** The stores whose records are checked on reading. */
export type CheckedStore = 'threads' | 'turns' | 'items' | 'approvals' | 'outbox' | 'drafts' | 'server' | 'reads';

export class DamagedRecords {
  /** Damaged records seen, by store. */
  readonly byStore: Partial<Record<CheckedStore, number>> = {};
  /** Threads that had a damaged record (to re-read from codex). */
  readonly threads = new Set<string>();
  count = 0;

  /** The records that pass `sound`; the rest are counted. The same list when all pass (no copy). */
  keep<T>(store: CheckedStore, records: readonly unknown[], sound: (v: unknown) => v is T): T[] {
    if (records.every(sound)) return records as T[];
    const out: T[] = [];
    for (const r of records) {
      if (sound(r)) out.push(r);
      else this.note(store, r);
    }
    return out;
  }

  private note(store: CheckedStore, record: unknown): void {
    this.count++;
    this.byStore[store] = (this.byStore[store] ?? 0) + 1;
    const threadId = isObject(record) ? (store === 'threads' ? record['id'] : record['threadId']) : undefined;
    if (typeof threadId === 'string') this.threads.add(threadId);
  }
}

/** What the user is told: how many records were skipped, and what happens next. */
export function damagedRecordsMessage(damage: DamagedRecords): string | null {
  const n = damage.count;
  if (n === 0) return null;
  const what = n === 1 ? '1 damaged record in this browser’s storage was skipped' : `${n} damaged records in this browser’s storage were skipped`;
  const threads = damage.threads.size;
  if (threads === 0) return `${what}.`;
  return `${what}; ${threads === 1 ? 'the thread' : 'their threads'} will be re-read from Codex.`;
}
