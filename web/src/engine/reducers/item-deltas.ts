/**
 * Pure reducers for streamed item parts: message and plan text, command output, reasoning parts, MCP
 * progress, patches. A delta only ever extends an item that is still streaming: once an item completed
 * (or its turn closed it), a late or re-sent delta changes nothing, which keeps a replay idempotent.
 */
import type { DomainEvent, ItemSnapshot } from '../../../../protocol/events.ts';
import type { ItemRecord } from '../../../../protocol/projections.ts';
import { createItem } from './items.ts';
import { NO_CHANGE, patchOf, type Patch, type StateView } from './state-view.ts';

/** The events that stream part of an item. */
export type ItemDeltaEvent = Extract<
  DomainEvent,
  {
    type:
      | 'item.textDelta'
      | 'item.outputDelta'
      | 'item.planDelta'
      | 'item.reasoningDelta'
      | 'item.reasoningPartAdded'
      | 'item.progress'
      | 'item.patchUpdated';
  }
>;

/** `parts` with `delta` appended to part `index` (missing parts before it become empty). */
function appendPart(parts: readonly string[], index: number, delta: string): string[] {
  const out = [...parts];
  while (out.length <= index) out.push('');
  out[index] = (out[index] ?? '') + delta;
  return out;
}

/** The item a delta starts when codex never announced it (so nothing is lost); null: none. */
function seed(event: ItemDeltaEvent): ItemSnapshot | null {
  const itemId = event.itemId;
  switch (event.type) {
    case 'item.textDelta':
      return { itemId, kind: 'agentMessage', text: event.delta };
    case 'item.planDelta':
      return { itemId, kind: 'plan', text: event.delta };
    case 'item.outputDelta':
      return { itemId, kind: 'commandExecution', command: '', cwd: '', output: event.delta, exitCode: null, durationMs: null, status: 'inProgress' };
    case 'item.reasoningDelta':
      return {
        itemId,
        kind: 'reasoning',
        summary: event.part === 'summary' ? appendPart([], event.index, event.delta) : [],
        content: event.part === 'content' ? appendPart([], event.index, event.delta) : [],
      };
    case 'item.reasoningPartAdded':
      return { itemId, kind: 'reasoning', summary: appendPart([], event.index, ''), content: [] };
    case 'item.patchUpdated':
      // Arrives before item/started (apply_patch streaming): the item starts with these changes.
      return { itemId, kind: 'fileChange', changes: event.changes, status: 'inProgress' };
    case 'item.progress':
      return null;
  }
}

type Rec<K extends ItemRecord['kind']> = Extract<ItemRecord, { kind: K }>;

// why: the next versions of the kinds that stream per token are written out field by field (in the
// order createItem gives them, so they keep one hidden class): V8 copies a record with `{ ...old }`
// about ten times slower than it builds the same object from a literal, and a long reply streams
// ~100k deltas. A field added to one of these kinds fails to compile here until it is copied.

function nextText(old: Rec<'agentMessage'> | Rec<'plan'>, text: string): ItemRecord {
  const { itemId, kind, threadId, turnId, ord, streaming } = old;
  return { itemId, kind, text, threadId, turnId, ord, streaming, rev: old.rev + 1 };
}

function nextOutput(old: Rec<'commandExecution'>, output: string): ItemRecord {
  const { itemId, kind, command, cwd, exitCode, durationMs, status, threadId, turnId, ord, streaming } = old;
  return { itemId, kind, command, cwd, output, exitCode, durationMs, status, threadId, turnId, ord, streaming, rev: old.rev + 1 };
}

function nextReasoning(old: Rec<'reasoning'>, summary: string[], content: string[]): ItemRecord {
  const { itemId, kind, threadId, turnId, ord, streaming } = old;
  return { itemId, kind, summary, content, threadId, turnId, ord, streaming, rev: old.rev + 1 };
}

/** The item's next version with the delta applied (`rev` + 1); null when the delta does not fit its kind. */
function applied(old: ItemRecord, event: ItemDeltaEvent): ItemRecord | null {
  switch (event.type) {
    case 'item.textDelta':
      return old.kind === 'agentMessage' ? nextText(old, old.text + event.delta) : null;
    case 'item.planDelta':
      return old.kind === 'plan' ? nextText(old, old.text + event.delta) : null;
    case 'item.outputDelta':
      return old.kind === 'commandExecution' ? nextOutput(old, old.output + event.delta) : null;
    case 'item.reasoningDelta':
      if (old.kind !== 'reasoning') return null;
      return event.part === 'summary'
        ? nextReasoning(old, appendPart(old.summary, event.index, event.delta), old.content)
        : nextReasoning(old, old.summary, appendPart(old.content, event.index, event.delta));
    case 'item.reasoningPartAdded':
      return old.kind === 'reasoning' && old.summary.length <= event.index
        ? nextReasoning(old, appendPart(old.summary, event.index, ''), old.content)
        : null;
    case 'item.progress':
      return old.kind === 'mcpToolCall' ? { ...old, progress: event.message, rev: old.rev + 1 } : null;
    case 'item.patchUpdated':
      return old.kind === 'fileChange' ? { ...old, changes: event.changes, rev: old.rev + 1 } : null;
  }
}

/** A streamed part: extends a streaming item, starts an unknown one, and leaves a finished one alone. */
export function reduceItemDelta(view: StateView, event: ItemDeltaEvent): Patch {
  const old = view.item(event.threadId, event.itemId);
  if (!old) {
    const snapshot = seed(event);
    return snapshot === null ? NO_CHANGE : createItem(view, event.threadId, event.turnId, snapshot, true);
  }
  if (!old.streaming) return NO_CHANGE;
  const next = applied(old, event);
  return next === null ? NO_CHANGE : patchOf({ items: [next] });
}
