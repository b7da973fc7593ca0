/**
 * The read side the pure reducers see, and the patch they return.
 * why: reducers return only the records an event changes (new objects, `rev` + 1) instead of a whole
 * new state, so a fold over 100k frames stays O(1) per frame while the reducers stay pure.
 */
import {
  SERVER_RECORD_ID,
  type ApprovalRecord,
  type ItemRecord,
  type NoticeView,
  type ServerRecord,
  type ThreadRecord,
  type TurnRecord,
} from '../../../../protocol/projections.ts';

/** What a reducer may read: the current records, by key. */
export interface StateView {
  thread(threadId: string): ThreadRecord | undefined;
  turn(threadId: string, turnId: string): TurnRecord | undefined;
  item(threadId: string, itemId: string): ItemRecord | undefined;
  approval(requestKey: string): ApprovalRecord | undefined;
  /** The one server-wide record (account, rate limits, notices), once codex said anything about it. */
  server(): ServerRecord | undefined;
  /** Every item of a turn. */
  turnItems(threadId: string, turnId: string): readonly ItemRecord[];
  /** Items of a turn that have not completed yet. */
  streamingItems(threadId: string, turnId: string): readonly ItemRecord[];
  /** Approvals in state 'pending' or 'answered'. */
  openApprovals(): readonly ApprovalRecord[];
}

/** The records an event changed, as new objects. */
export interface Patch {
  threads: ThreadRecord[];
  turns: TurnRecord[];
  items: ItemRecord[];
  approvals: ApprovalRecord[];
  /** Zero or one record (the server record has a single key). */
  server: ServerRecord[];
  /** Items to delete. */
  removedItems?: ItemKey[];
}

export interface ItemKey {
  threadId: string;
  itemId: string;
}

/** A new patch that changes nothing yet, for a reducer to fill. */
export function emptyPatch(): Patch {
  return { threads: [], turns: [], items: [], approvals: [], server: [] };
}

// why: most events change nothing, or one record of one kind; sharing one frozen empty list saves the
// fold allocating (and collecting) four or five empty arrays per streamed delta. Object.freeze types
// it readonly; it is typed as a list so that it fits Patch, and a push into it throws (it is frozen),
// so no reducer can fill the shared list by mistake.
const NONE = Object.freeze([]) as unknown as never[];

/** The patch of an event that changes nothing (shared and frozen: never fill it, see emptyPatch). */
export const NO_CHANGE: Patch = Object.freeze({ threads: NONE, turns: NONE, items: NONE, approvals: NONE, server: NONE });

/** A patch of the given records only (the other lists are shared and frozen; never push into them). */
export function patchOf(part: Partial<Omit<Patch, 'removedItems'>>): Patch {
  return {
    threads: part.threads ?? NONE,
    turns: part.turns ?? NONE,
    items: part.items ?? NONE,
    approvals: part.approvals ?? NONE,
    server: part.server ?? NONE,
  };
}

/** The `rev` of a record's next version (1 for a new record). */
export function nextRev(old: { rev: number } | undefined): number {
  return (old?.rev ?? 0) + 1;
}

/** A thread record for a thread we hear about before its thread/started (e.g. after a resume). */
export function placeholderThread(threadId: string): ThreadRecord {
  return {
    id: threadId,
    name: null,
    preview: '',
    cwd: '',
    status: 'idle',
    createdAt: 0,
    updatedAt: 0,
    activeTurnId: null,
    nextOrd: 0,
    archived: false,
    deleted: false,
    tokenUsage: null,
    notices: [],
    rev: 0,
  };
}

/** A turn record for a turn we hear about before its turn/started. */
export function placeholderTurn(threadId: string, turnId: string): TurnRecord {
  return {
    threadId,
    turnId,
    status: 'inProgress',
    error: null,
    errorInfo: null,
    retrying: null,
    diff: null,
    plan: null,
    rev: 0,
  };
}

/** The server record before codex said anything about itself. */
export function placeholderServer(): ServerRecord {
  return { id: SERVER_RECORD_ID, authMode: null, planType: null, lastLogin: null, rateLimits: null, notices: [], rev: 0 };
}

/** At most this many notices are kept per record (the oldest go first). */
const MAX_NOTICES = 20;

/**
 * `notices` with `notice` added last; a notice with the same kind and message replaces the earlier
 * one, so codex repeating a warning (on every thread, on every resume) shows it once.
 */
export function withNotice(notices: readonly NoticeView[] | undefined, notice: NoticeView): NoticeView[] {
  const rest = (notices ?? []).filter((n) => n.kind !== notice.kind || n.message !== notice.message);
  return [...rest, notice].slice(-MAX_NOTICES);
}

/**
 * Fills the fields a record written by an older build lacks (records in IndexedDB outlive the code
 * that wrote them), so reducers and views can rely on the current shape.
 */
export function upgradeThread(t: ThreadRecord): ThreadRecord {
  return { ...placeholderThread(t.id), ...t, notices: t.notices ?? [] };
}

/** @see upgradeThread */
export function upgradeTurn(t: TurnRecord): TurnRecord {
  return { ...placeholderTurn(t.threadId, t.turnId), ...t };
}
