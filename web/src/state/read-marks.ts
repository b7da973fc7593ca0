/**
 * The tab's view of the unread markers (ReadStateRecord): which threads have activity nobody has seen,
 * and the other half of the contract: while this tab is visible, the thread it shows is read, so the
 * tab asks the engine to clear that thread's marker whenever it is set (on selection, when the tab
 * becomes visible, and when activity arrives for the thread on screen). Every tab does the same, so a
 * thread open in any visible tab counts as read.
 */
import type { ReadStateRecord } from '../../../protocol/local-records.ts';
import { mergeByRev, type Table } from './records.ts';
import { computed, signal, type Signal } from './signals.ts';

export interface ReadMarks {
  /** Ids of the threads with an unread marker. */
  readonly unread: Signal.Computed<ReadonlySet<string>>;
  /** Takes stored or announced records (the newer copy of each wins). */
  apply(records: readonly ReadStateRecord[]): void;
  /** Clears the shown thread's marker if this tab is visible (call when the selection changes). */
  check(): void;
}

/**
 * `markRead` asks the engine to clear a marker; `shown` is the thread this tab shows. Listens to
 * `visibilitychange` on `doc` for the tab's lifetime.
 */
export function createReadMarks(markRead: (threadId: string) => Promise<unknown>, shown: () => string | null, doc: Document = document): ReadMarks {
  const table = signal<Table<ReadStateRecord>>(new Map());
  /** The marker (thread and rev) last asked about, so one marker costs one call. */
  let asked = '';
  const check = (): void => {
    const id = shown();
    const mark = id === null ? undefined : table.get().get(id);
    if (id === null || mark?.unread !== true || doc.visibilityState !== 'visible') return;
    const key = `${id}\u0000${mark.rev}`;
    if (key === asked) return;
    asked = key;
    void markRead(id).catch(() => (asked = ''));
  };
  doc.addEventListener('visibilitychange', check);
  return {
    unread: computed(() => new Set([...table.get().values()].filter((r) => r.unread).map((r) => r.threadId))),
    apply(records) {
      if (records.length === 0) return;
      table.set(mergeByRev(table.get(), records, (r) => r.threadId));
      check();
    },
    check,
  };
}
