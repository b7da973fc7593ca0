/**
 * The engine's in-memory outbox, drafts and unread markers, with the changes since the last flush.
 * The projector writes them in the same transaction as the projections.
 */
import type { DraftRecord, OutboxRecord, ReadStateRecord } from '../../../protocol/local-records.ts';

export interface LocalChanges {
  outbox: OutboxRecord[];
  removedOutbox: string[];
  drafts: DraftRecord[];
  reads: ReadStateRecord[];
}

export class LocalStore {
  private readonly outbox = new Map<string, OutboxRecord>();
  private readonly drafts = new Map<string, DraftRecord>();
  private readonly dirtyOutbox = new Set<string>();
  private readonly removed = new Set<string>();
  private readonly dirtyDrafts = new Set<string>();
  private readonly reads = new Map<string, ReadStateRecord>();
  private readonly dirtyReads = new Set<string>();

  load(outbox: readonly OutboxRecord[], drafts: readonly DraftRecord[], reads: readonly ReadStateRecord[] = []): void {
    for (const r of outbox) this.outbox.set(r.id, r);
    for (const d of drafts) this.drafts.set(d.threadId, d);
    for (const r of reads) this.reads.set(r.threadId, r);
  }

  /** Sets or clears a thread's unread marker; false when it already was so. */
  setUnread(threadId: string, unread: boolean): boolean {
    const old = this.reads.get(threadId);
    if ((old?.unread ?? false) === unread) return false;
    this.reads.set(threadId, { threadId, unread, rev: (old?.rev ?? 0) + 1 });
    this.dirtyReads.add(threadId);
    return true;
  }

  /** Outbox records in send order. */
  outboxRecords(): OutboxRecord[] {
    return [...this.outbox.values()].sort((a, b) => a.createdAt - b.createdAt);
  }

  outboxRecord(id: string): OutboxRecord | undefined {
    return this.outbox.get(id);
  }

  putOutbox(change: Omit<OutboxRecord, 'rev'>): OutboxRecord {
    const record = { ...change, rev: (this.outbox.get(change.id)?.rev ?? 0) + 1 };
    this.outbox.set(record.id, record);
    this.dirtyOutbox.add(record.id);
    this.removed.delete(record.id);
    return record;
  }

  removeOutbox(id: string): boolean {
    if (!this.outbox.delete(id)) return false;
    this.dirtyOutbox.delete(id);
    this.removed.add(id);
    return true;
  }

  putDraft(threadId: string, text: string): void {
    const old = this.drafts.get(threadId);
    if (old?.text === text) return;
    this.drafts.set(threadId, { threadId, text, rev: (old?.rev ?? 0) + 1 });
    this.dirtyDrafts.add(threadId);
  }

  hasChanges(): boolean {
    return this.dirtyOutbox.size + this.removed.size + this.dirtyDrafts.size + this.dirtyReads.size > 0;
  }

  takeChanges(): LocalChanges {
    const out: LocalChanges = {
      outbox: [...this.dirtyOutbox].flatMap((id) => this.outbox.get(id) ?? []),
      removedOutbox: [...this.removed],
      drafts: [...this.dirtyDrafts].flatMap((id) => this.drafts.get(id) ?? []),
      reads: [...this.dirtyReads].flatMap((id) => this.reads.get(id) ?? []),
    };
    this.dirtyReads.clear();
    this.dirtyOutbox.clear();
    this.removed.clear();
    this.dirtyDrafts.clear();
    return out;
  }
}
