/**
 * The read side the pure reducers see, and the patch they return.
 * why: reducers return only the records an event changes (new objects, `rev` + 1) instead of a whole
 * new state, so a fold over 100k frames stays O(1) per frame while the reducers stay pure.
 */
import type {
  ApprovalRecord,
  ItemRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../../protocol/projections.ts';

export interface StateView {
  thread(threadId: string): ThreadRecord | undefined;
  turn(threadId: string, turnId: string): TurnRecord | undefined;
  item(threadId: string, itemId: string): ItemRecord | undefined;
  approval(requestKey: string): ApprovalRecord | undefined;
  /** Items of a turn that have not completed yet. */
  streamingItems(threadId: string, turnId: string): readonly ItemRecord[];
  /** Approvals in state 'pending' or 'answered'. */
  openApprovals(): readonly ApprovalRecord[];
}

export interface Patch {
  threads: ThreadRecord[];
  turns: TurnRecord[];
  items: ItemRecord[];
  approvals: ApprovalRecord[];
}

export function emptyPatch(): Patch {
  return { threads: [], turns: [], items: [], approvals: [] };
}

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
    rev: 0,
  };
}
