/**
 * The engine's in-memory projections: Maps behind the StateView the pure reducers read, plus the set
 * of records changed since the last flush. This is the mutable shell around the pure fold.
 *
 * why the shapes: a streamed delta reads one item and stores its next version, 100k times a turn.
 * Items sit in a Map per thread (no key strings built and hashed per delta), each in an entry that
 * also says whether it changed since the last flush, so storing a delta is two lookups and a write.
 * The streaming index changes only when an item starts, stops streaming or moves to another turn.
 */
import type { ApprovalRecord, ItemRecord, ServerRecord, ThreadRecord, TurnRecord } from '../../../protocol/projections.ts';
import { upgradeThread, upgradeTurn, type ItemKey, type Patch, type StateView } from './reducers/state-view.ts';

const key = (a: string, b: string): string => `${a}\u0000${b}`;

/** The newest version of an item, and whether it is in the list of changes for the next flush. */
interface ItemEntry {
  record: ItemRecord;
  dirty: boolean;
}

/** `map.get(k)`, after creating it empty when missing. */
function inner<K, V>(map: Map<string, Map<K, V>>, k: string): Map<K, V> {
  let m = map.get(k);
  if (m === undefined) map.set(k, (m = new Map()));
  return m;
}

export class ProjectionStore implements StateView {
  private readonly threads = new Map<string, ThreadRecord>();
  /** threadId → turnId → turn. */
  private readonly turns = new Map<string, Map<string, TurnRecord>>();
  /** threadId → itemId → item. */
  private readonly items = new Map<string, Map<string, ItemEntry>>();
  private readonly approvals = new Map<string, ApprovalRecord>();
  /** Items deleted since the last flush, by threadId\0itemId. */
  private readonly removed = new Map<string, ItemKey>();
  private serverRecord: ServerRecord | undefined;
  private serverDirty = false;
  /** threadId\0turnId → ids of items of that turn that are still streaming. */
  private readonly streaming = new Map<string, Set<string>>();
  /** The records changed since the last flush, in their newest version (items: their entries). */
  private readonly dirtyThreads = new Map<string, ThreadRecord>();
  private readonly dirtyTurns = new Map<string, TurnRecord>();
  private readonly dirtyApprovals = new Map<string, ApprovalRecord>();
  private dirtyItems: ItemEntry[] = [];
  /** The thread whose items were read last, and its items (a stream reads one thread over and over). */
  private lastThreadId = '';
  private lastItems: Map<string, ItemEntry> | undefined;

  /** A thread's item entries. why: comparing the id with the last one costs less than hashing it. */
  private itemsIn(threadId: string): Map<string, ItemEntry> | undefined {
    if (threadId !== this.lastThreadId || this.lastItems === undefined) {
      this.lastItems = this.items.get(threadId);
      this.lastThreadId = threadId;
    }
    return this.lastItems;
  }

  thread(threadId: string): ThreadRecord | undefined {
    return this.threads.get(threadId);
  }
  turn(threadId: string, turnId: string): TurnRecord | undefined {
    return this.turns.get(threadId)?.get(turnId);
  }
  item(threadId: string, itemId: string): ItemRecord | undefined {
    return this.itemsIn(threadId)?.get(itemId)?.record;
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
    return [...ids].flatMap((id) => this.item(threadId, id) ?? []);
  }
  openApprovals(): readonly ApprovalRecord[] {
    return [...this.approvals.values()].filter((a) => a.state !== 'resolved');
  }
  /** A thread's items in transcript order. */
  itemsOf(threadId: string): ItemRecord[] {
    const entries = this.items.get(threadId);
    if (!entries) return [];
    return [...entries.values()].map((e) => e.record).sort((a, b) => a.ord - b.ord);
  }

  turnItems(threadId: string, turnId: string): readonly ItemRecord[] {
    return this.itemsOf(threadId).filter((i) => i.turnId === turnId);
  }

  /** A thread's turns, in no particular order. */
  turnsOf(threadId: string): TurnRecord[] {
    return [...(this.turns.get(threadId)?.values() ?? [])];
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
    const take = <T>(dirty: Map<string, T>): T[] => {
      const out = [...dirty.values()];
      dirty.clear();
      return out;
    };
    return {
      threads: take(this.dirtyThreads),
      turns: take(this.dirtyTurns),
      items: this.takeItems(),
      approvals: take(this.dirtyApprovals),
      server: this.takeServer(),
      removedItems: this.takeRemoved(),
    };
  }

  private takeItems(): ItemRecord[] {
    const out: ItemRecord[] = [];
    for (const e of this.dirtyItems) {
      // A removed item's entry was marked clean when it was removed.
      if (e.dirty) out.push(e.record);
      e.dirty = false;
    }
    this.dirtyItems = [];
    return out;
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
    const changed = this.dirtyThreads.size + this.dirtyTurns.size + this.dirtyApprovals.size + this.removed.size;
    return changed > 0 || this.dirtyItems.some((e) => e.dirty) || this.serverDirty;
  }

  private put(patch: Patch, markDirty: boolean): void {
    // why: most patches carry one item and nothing else, and this runs once per streamed delta: the
    // empty lists are skipped without starting an iterator.
    const { threads, turns, items, approvals, server, removedItems } = patch;
    for (const i of items) this.putItem(i, markDirty);
    if (threads.length > 0) for (const t of threads) this.putThread(t, markDirty);
    if (turns.length > 0) for (const t of turns) this.putTurn(t, markDirty);
    if (approvals.length > 0) for (const a of approvals) this.putApproval(a, markDirty);
    if (server.length > 0) for (const r of server) this.putServer(r, markDirty);
    if (removedItems !== undefined) for (const r of removedItems) this.remove(r.threadId, r.itemId, markDirty);
  }

  private putThread(t: ThreadRecord, markDirty: boolean): void {
    this.threads.set(t.id, t);
    if (markDirty) this.dirtyThreads.set(t.id, t);
  }

  private putTurn(t: TurnRecord, markDirty: boolean): void {
    inner(this.turns, t.threadId).set(t.turnId, t);
    if (markDirty) this.dirtyTurns.set(key(t.threadId, t.turnId), t);
  }

  private putServer(r: ServerRecord, markDirty: boolean): void {
    this.serverRecord = r;
    if (markDirty) this.serverDirty = true;
  }

  private putApproval(a: ApprovalRecord, markDirty: boolean): void {
    this.approvals.set(a.requestKey, a);
    if (markDirty) this.dirtyApprovals.set(a.requestKey, a);
  }

  private putItem(i: ItemRecord, markDirty: boolean): void {
    const entries = inner(this.items, i.threadId);
    const entry = entries.get(i.itemId);
    if (entry === undefined) {
      const added: ItemEntry = { record: i, dirty: markDirty };
      entries.set(i.itemId, added);
      if (markDirty) this.dirtyItems.push(added);
      if (i.streaming) this.track(i, true);
    } else {
      const old = entry.record;
      entry.record = i;
      if (old.streaming !== i.streaming || old.turnId !== i.turnId) {
        if (old.streaming) this.track(old, false);
        if (i.streaming) this.track(i, true);
      }
      if (markDirty && !entry.dirty) {
        entry.dirty = true;
        this.dirtyItems.push(entry);
      }
    }
    // An item stored again after its removal (in the same flush) is no longer removed.
    if (this.removed.size > 0) this.removed.delete(key(i.threadId, i.itemId));
  }

  private remove(threadId: string, itemId: string, markDirty: boolean): void {
    const entries = this.items.get(threadId);
    const entry = entries?.get(itemId);
    if (!entries || !entry) return;
    entries.delete(itemId);
    if (entry.record.streaming) this.track(entry.record, false);
    entry.dirty = false;
    if (markDirty) this.removed.set(key(threadId, itemId), { threadId, itemId });
  }

  /** Adds the item to, or drops it from, the streaming items of its turn. */
  private track(i: ItemRecord, streaming: boolean): void {
    const k = key(i.threadId, i.turnId);
    let set = this.streaming.get(k);
    if (streaming) {
      if (!set) this.streaming.set(k, (set = new Set()));
      set.add(i.itemId);
    } else if (set) {
      set.delete(i.itemId);
      if (set.size === 0) this.streaming.delete(k);
    }
  }
}
