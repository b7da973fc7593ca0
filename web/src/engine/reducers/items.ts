/** Pure reducers for transcript items. */
import type { DomainEvent, ItemSnapshot } from '../../../../protocol/events.ts';
import { emptyPatch, nextRev, placeholderThread, type Patch, type StateView } from './state-view.ts';

type ItemEvent = Extract<DomainEvent, { type: 'item.started' | 'item.completed' | 'item.textDelta' | 'item.outputDelta' }>;

/**
 * Adds or updates an item. A new item takes the thread's next ordinal, so the transcript keeps the
 * order in which items first appeared, whatever order their completions arrive in.
 */
function upsert(view: StateView, threadId: string, turnId: string, snapshot: ItemSnapshot, completed: boolean): Patch {
  const patch = emptyPatch();
  const old = view.item(threadId, snapshot.itemId);
  let ord = old?.ord;
  if (ord === undefined) {
    const thread = view.thread(threadId) ?? placeholderThread(threadId);
    ord = thread.nextOrd;
    // codex fills `preview` only in later thread listings; name a new thread by its first prompt meanwhile.
    const preview = thread.preview || (snapshot.kind === 'userMessage' ? snapshot.text : '');
    patch.threads.push({ ...thread, preview, nextOrd: ord + 1, rev: nextRev(thread) });
  }
  let body: ItemSnapshot = snapshot;
  // why: codex sometimes drops the first output delta and may send a null aggregatedOutput; keep what
  // streamed in when the completed item has less.
  if (body.kind === 'commandExecution' && old?.kind === 'commandExecution' && body.output.length < old.output.length) {
    body = { ...body, output: old.output };
  }
  // why: item/started for an agent message carries empty text; never let a late started erase deltas.
  if (!completed && body.kind === 'agentMessage' && old?.kind === 'agentMessage' && old.text.length > body.text.length) {
    body = { ...body, text: old.text };
  }
  patch.items.push({
    ...body,
    threadId,
    turnId,
    ord,
    streaming: completed ? false : (old?.streaming ?? true),
    rev: nextRev(old),
  });
  return patch;
}

function appendDelta(view: StateView, event: Extract<ItemEvent, { type: 'item.textDelta' | 'item.outputDelta' }>): Patch {
  const patch = emptyPatch();
  const old = view.item(event.threadId, event.itemId);
  if (!old) {
    // A delta for an item we never saw start: start it from the delta so nothing is lost.
    const snapshot: ItemSnapshot =
      event.type === 'item.textDelta'
        ? { itemId: event.itemId, kind: 'agentMessage', text: event.delta }
        : {
            itemId: event.itemId,
            kind: 'commandExecution',
            command: '',
            cwd: '',
            output: event.delta,
            exitCode: null,
            durationMs: null,
            status: 'inProgress',
          };
    return upsert(view, event.threadId, event.turnId, snapshot, false);
  }
  if (event.type === 'item.textDelta' && old.kind === 'agentMessage') {
    patch.items.push({ ...old, text: old.text + event.delta, rev: old.rev + 1 });
  } else if (event.type === 'item.outputDelta' && old.kind === 'commandExecution') {
    patch.items.push({ ...old, output: old.output + event.delta, rev: old.rev + 1 });
  }
  return patch;
}

export function reduceItem(view: StateView, event: ItemEvent): Patch {
  switch (event.type) {
    case 'item.started':
      return upsert(view, event.threadId, event.turnId, event.item, false);
    case 'item.completed':
      return upsert(view, event.threadId, event.turnId, event.item, true);
    case 'item.textDelta':
    case 'item.outputDelta':
      return appendDelta(view, event);
  }
}
