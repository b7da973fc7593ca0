/** Pure reducers for transcript items: their start and completion (deltas: see item-deltas.ts). */
import type { DomainEvent, ItemSnapshot } from '../../../../protocol/events.ts';
import type { ItemRecord } from '../../../../protocol/projections.ts';
import { NO_CHANGE, emptyPatch, nextRev, placeholderThread, type Patch, type StateView } from './state-view.ts';

/** The events that start or complete an item. */
export type ItemLifecycleEvent = Extract<DomainEvent, { type: 'item.started' | 'item.completed' }>;

/** Kinds the model streams; a steer preempts them (codex never completes them then). */
const MODEL_STREAMED: ReadonlySet<ItemRecord['kind']> = new Set(['agentMessage', 'reasoning', 'plan']);

/**
 * Steering preempts the model's stream: the partial message never gets item/completed, and the
 * steered userMessage comes next (codex-app-server.md §4.5). So a new user message closes what the
 * model was streaming in that turn.
 */
function preempted(view: StateView, threadId: string, turnId: string): ItemRecord[] {
  return view
    .streamingItems(threadId, turnId)
    .filter((i) => MODEL_STREAMED.has(i.kind))
    .map((i) => ({ ...i, streaming: false, rev: i.rev + 1 }));
}

/**
 * Adds a new item to `patch`. It takes the thread's next ordinal, so the transcript keeps the order in
 * which items first appeared, whatever order their completions arrive in.
 */
export function createItem(view: StateView, threadId: string, turnId: string, snapshot: ItemSnapshot, streaming: boolean): Patch {
  const patch = emptyPatch();
  const known = view.thread(threadId);
  const thread = known ?? placeholderThread(threadId);
  // codex fills `preview` only in later thread listings; name a new thread by its first prompt meanwhile.
  const preview = thread.preview || (snapshot.kind === 'userMessage' ? snapshot.text : '');
  patch.threads.push({ ...thread, preview, nextOrd: thread.nextOrd + 1, rev: nextRev(known) });
  if (snapshot.kind === 'userMessage') patch.items.push(...preempted(view, threadId, turnId));
  patch.items.push({ ...snapshot, threadId, turnId, ord: thread.nextOrd, streaming, rev: 1 });
  return patch;
}

/**
 * The body to keep when a started or completed snapshot meets what already streamed in: what codex
 * sends last wins, except where it has less than the deltas gave (codex sometimes drops the first
 * output delta and may send a null aggregatedOutput; item/started carries empty text).
 */
function merged(old: ItemRecord, snap: ItemSnapshot, completed: boolean): ItemSnapshot {
  if (old.kind === 'commandExecution' && snap.kind === 'commandExecution') {
    return snap.output.length < old.output.length ? { ...snap, output: old.output } : snap;
  }
  if ((old.kind === 'agentMessage' && snap.kind === 'agentMessage') || (old.kind === 'plan' && snap.kind === 'plan')) {
    return !completed && old.text.length > snap.text.length ? { ...snap, text: old.text } : snap;
  }
  if (old.kind === 'reasoning' && snap.kind === 'reasoning') {
    return {
      ...snap,
      summary: snap.summary.length > 0 ? snap.summary : old.summary,
      content: snap.content.length > 0 ? snap.content : old.content,
    };
  }
  if (old.kind === 'fileChange' && snap.kind === 'fileChange') {
    return snap.changes.length > 0 ? snap : { ...snap, changes: old.changes };
  }
  if (old.kind === 'mcpToolCall' && snap.kind === 'mcpToolCall') return { ...snap, progress: old.progress };
  return snap;
}

/** An item started or completed: created, or merged with what already streamed in. */
export function reduceItemLifecycle(view: StateView, event: ItemLifecycleEvent): Patch {
  const completed = event.type === 'item.completed';
  const old = view.item(event.threadId, event.item.itemId);
  if (!old) return createItem(view, event.threadId, event.turnId, event.item, !completed);
  // item/started never reopens an item that completed or was closed (a re-sent frame, a resync).
  if (!completed && !old.streaming) return NO_CHANGE;
  const patch = emptyPatch();
  patch.items.push({
    ...merged(old, event.item, completed),
    threadId: event.threadId,
    turnId: event.turnId,
    ord: old.ord,
    streaming: !completed,
    rev: old.rev + 1,
  });
  return patch;
}
