/**
 * The engine's in-memory projections: Maps behind the StateView the pure reducers read, plus the set
 * of records changed since the last flush. This is the mutable shell around the pure fold.
 */
import type {
  ApprovalRecord,
  ItemRecord,
  ServerRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../protocol/projections.ts';
import { upgradeThread, upgradeTurn, type ItemKey, type Patch, type StateView } from './reducers/state-view.ts';

const key = (a: string, b: string): string => `${a}\u0000${b}`;

export class ProjectionStore implements StateView {
  private readonly threads = new Map<string, ThreadRecord>();
  private readonly turns = new Map<string, TurnRecord>();
  private readonly items = new Map<string, ItemRecord>();
  private readonly approvals = new Map<string, ApprovalRecord>();
  /** Items deleted since the last flush. */
  private readonly removed = new Map<string, ItemKey>();
  private serverRecord: ServerRecord | undefined;
  private serverDirty = false;
  /** threadId → keys of its items (for transcript reads without scanning every item). */
  private readonly itemsByThread = new Map<string, Set<string>>();
  /** threadId\0turnId → ids of items of that turn that are still streaming. */
  private readonly streaming = new Map<string, Set<string>>();
  /** Keys of the records changed since the last flush, resolved to their newest version at flush. */
  private readonly dirty = { threads: new Set<string>(), turns: new Set<string>(), items: new Set<string>(), approvals: new Set<string>() };

  thread(threadId: string): ThreadRecord | undefined {
    return this.threads.get(threadId);
  }
  turn(threadId: string, turnId: string): TurnRecord | undefined {
    return this.turns.get(key(threadId, turnId));
  }
  item(threadId: string, itemId: string): ItemRecord | undefined {
    return this.items.get(key(threadId, itemId));
  }
  approval(requestKey: string): ApprovalRecord | undefined {
    return this.approvals.get(requestKey);
  }
  server(): ServerRecord | undefined {
    return this.serverRecord;
  }
  streamingItems(threadId: string, turnId: string): readonly ItemRecord[] {
    const ids = this.streaming.get(key(threadId, turnId));
    if (!ids) return [];
    return [...ids].flatMap((id) => this.items.get(key(threadId, id)) ?? []);
  }
  openApprovals(): readonly ApprovalRecord[] {
    return [...this.approvals.values()].filter((a) => a.state !== 'resolved');
  }
  /** A thread's items in transcript order. */
  itemsOf(threadId: string): ItemRecord[] {
    const keys = this.itemsByThread.get(threadId);
    if (!keys) return [];
    return [...keys].flatMap((k) => this.items.get(k) ?? []).sort((a, b) => a.ord - b.ord);
  }

  turnItems(threadId: string, turnId: string): readonly ItemRecord[] {
    return this.itemsOf(threadId).filter((i) => i.turnId === turnId);
  }

  /** A thread's turns, in no particular order. */
  turnsOf(threadId: string): TurnRecord[] {
    return [...this.turns.values()].filter((t) => t.threadId === threadId);
  }
  allApprovals(): ApprovalRecord[] {
    return [...this.approvals.values()];
  }
  allThreads(): ThreadRecord[] {
    return [...this.threads.values()];
  }

  /**
   * Loads records read from IndexedDB at start-up (not marked dirty). Records an older build wrote get
   * the fields they lack.
   */
  load(patch: Partial<Patch>): void {
    this.put(
      {
        threads: (patch.threads ?? []).map(upgradeThread),
        turns: (patch.turns ?? []).map(upgradeTurn),
        items: patch.items ?? [],
        approvals: patch.approvals ?? [],
        server: patch.server ?? [],
      },
      false,
    );
  }

  /** Applies a reducer patch and remembers the records for the next flush. */
  apply(patch: Patch): void {
    this.put(patch, true);
  }

  /** The records changed since the last call, each once, in its newest version. */
  takeDirty(): Patch {
    const pick = <T>(keys: Set<string>, map: Map<string, T>): T[] => {
      const out = [...keys].flatMap((k) => map.get(k) ?? []);
      keys.clear();
      return out;
    };
    return {
      threads: pick(this.dirty.threads, this.threads),
      turns: pick(this.dirty.turns, this.turns),
      items: pick(this.dirty.items, this.items),
      approvals: pick(this.dirty.approvals, this.approvals),
      server: this.takeServer(),
      removedItems: this.takeRemoved(),
    };
  }

  private takeRemoved(): ItemKey[] {
    const out = [...this.removed.values()];
    this.removed.clear();
    return out;
  }

  private takeServer(): ServerRecord[] {
    const dirty = this.serverDirty && this.serverRecord !== undefined ? [this.serverRecord] : [];
    this.serverDirty = false;
    return dirty;
  }

  hasDirty(): boolean {
    const d = this.dirty;
    return d.threads.size + d.turns.size + d.items.size + d.approvals.size + this.removed.size > 0 || this.serverDirty;
  }

  private put(patch: Patch, markDirty: boolean): void {
    for (const t of patch.threads) {
      this.threads.set(t.id, t);
      if (markDirty) this.dirty.threads.add(t.id);
    }
    for (const t of patch.turns) {
      const k = key(t.threadId, t.turnId);
      this.turns.set(k, t);
      if (markDirty) this.dirty.turns.add(k);
    }
    for (const i of patch.items) {
      const k = key(i.threadId, i.itemId);
      this.items.set(k, i);
      this.removed.delete(k);
      let keys = this.itemsByThread.get(i.threadId);
      if (!keys) this.itemsByThread.set(i.threadId, (keys = new Set()));
      keys.add(k);
      this.trackStreaming(i);
      if (markDirty) this.dirty.items.add(k);
    }
    for (const a of patch.approvals) {
      this.approvals.set(a.requestKey, a);
      if (markDirty) this.dirty.approvals.add(a.requestKey);
    }
    for (const r of patch.server) {
      this.serverRecord = r;
      if (markDirty) this.serverDirty = true;
    }
    for (const r of patch.removedItems ?? []) this.remove(r.threadId, r.itemId, markDirty);
  }

  private remove(threadId: string, itemId: string, markDirty: boolean): void {
    const k = key(threadId, itemId);
    const item = this.items.get(k);
    if (!item) return;
    this.items.delete(k);
    this.itemsByThread.get(threadId)?.delete(k);
    this.streaming.get(key(threadId, item.turnId))?.delete(itemId);
    this.dirty.items.delete(k);
    if (markDirty) this.removed.set(k, { threadId, itemId });
  }

  private trackStreaming(i: ItemRecord): void {
    const k = key(i.threadId, i.turnId);
    let set = this.streaming.get(k);
    if (i.streaming) {
      if (!set) this.streaming.set(k, (set = new Set()));
      set.add(i.itemId);
    } else if (set) {
      set.delete(i.itemId);
      if (set.size === 0) this.streaming.delete(k);
    }
  }
}
