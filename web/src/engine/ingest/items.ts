/** Pure: codex ThreadItems and item notifications (started, completed, deltas) → domain events. */
import type { DomainEvent, ItemSnapshot } from '../../../../protocol/events.ts';
import type { ItemBody } from '../../../../protocol/projections.ts';
import type { ThreadItem } from '../../../../protocol/codex/methods.ts';
import { fileChanges, itemStatus, toolItemBody } from './item-tools.ts';
import { Malformed, arr, asObj, num, optNum, optStr, str, strArr, type Obj } from './read.ts';

/** A user input as transcript text: text verbatim, other inputs named in brackets. */
function inputText(v: unknown, i: number): string {
  const c = asObj(v, `content[${i}]`);
  const type = str(c, 'type');
  switch (type) {
    case 'text':
      return str(c, 'text');
    case 'localImage':
    case 'localAudio':
      return `[${type === 'localImage' ? 'image' : 'audio'}: ${optStr(c, 'path') ?? ''}]`;
    case 'skill':
    case 'mention':
      return `[${type}: ${optStr(c, 'name') ?? ''}]`;
    default:
      return `[${type}]`;
  }
}

function messageBody(type: string, item: Obj): ItemBody | null {
  switch (type) {
    case 'userMessage':
      return { kind: 'userMessage', text: arr(item, 'content').map(inputText).join('\n') };
    case 'agentMessage':
      return { kind: 'agentMessage', text: str(item, 'text') };
    case 'reasoning':
      return { kind: 'reasoning', summary: strArr(item, 'summary'), content: strArr(item, 'content') };
    case 'plan':
      return { kind: 'plan', text: str(item, 'text') };
    case 'commandExecution':
      return {
        kind: 'commandExecution',
        command: str(item, 'command'),
        cwd: str(item, 'cwd'),
        output: optStr(item, 'aggregatedOutput') ?? '',
        exitCode: optNum(item, 'exitCode'),
        durationMs: optNum(item, 'durationMs'),
        status: itemStatus(item),
      };
    default:
      return null;
  }
}

/** A codex ThreadItem (unchecked JSON) as a snapshot; Malformed when a field has the wrong shape. */
export function readItem(v: unknown): ItemSnapshot {
  const item = asObj(v, 'item');
  const type = str(item, 'type');
  const body = messageBody(type, item) ?? toolItemBody(type, item);
  if (body === null) throw new Malformed(`no body for item type ${type}`);
  return { itemId: str(item, 'id'), ...body };
}

/**
 * The snapshot of an already-typed ThreadItem (from a response the engine requested). Never throws:
 * an item that does not have the shape its type promises shows as `other`, so a resync cannot fail
 * on one bad item.
 */
export function itemSnapshot(item: ThreadItem): ItemSnapshot {
  try {
    return readItem(item);
  } catch (e) {
    const problem = e instanceof Error ? e.message : String(e);
    return { itemId: String(item.id), kind: 'other', type: String(item.type), summary: `unreadable item: ${problem}` };
  }
}

function lifecycle(type: 'item.started' | 'item.completed') {
  return (p: Obj): DomainEvent[] => [
    { type, threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), item: readItem(p['item']) },
  ];
}

function ref(p: Obj): { threadId: string; turnId: string; itemId: string } {
  return { threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), itemId: str(p, 'itemId') };
}

/** A non-negative integer index (summaryIndex, contentIndex). */
function index(p: Obj, key: string): number {
  const n = num(p, key);
  if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new Malformed(`${key} is not a small index`);
  return n;
}

// why: the delta translators run once per streamed token; each builds its event as one literal
// (no `...ref(p)` spread, which V8 copies property by property through a slow path).

/** Translators of the item notifications, by method. */
export const itemNotifications = {
  'item/started': lifecycle('item.started'),
  'item/completed': lifecycle('item.completed'),
  'item/agentMessage/delta': (p: Obj): DomainEvent[] => [
    { type: 'item.textDelta', threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), itemId: str(p, 'itemId'), delta: str(p, 'delta') },
  ],
  'item/plan/delta': (p: Obj): DomainEvent[] => [
    { type: 'item.planDelta', threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), itemId: str(p, 'itemId'), delta: str(p, 'delta') },
  ],
  'item/commandExecution/outputDelta': (p: Obj): DomainEvent[] => [
    { type: 'item.outputDelta', threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), itemId: str(p, 'itemId'), delta: str(p, 'delta') },
  ],
  'item/reasoning/summaryPartAdded': (p: Obj): DomainEvent[] => [
    { type: 'item.reasoningPartAdded', ...ref(p), index: index(p, 'summaryIndex') },
  ],
  'item/reasoning/summaryTextDelta': (p: Obj): DomainEvent[] => [
    {
      type: 'item.reasoningDelta',
      threadId: str(p, 'threadId'),
      turnId: str(p, 'turnId'),
      itemId: str(p, 'itemId'),
      part: 'summary',
      index: index(p, 'summaryIndex'),
      delta: str(p, 'delta'),
    },
  ],
  'item/reasoning/textDelta': (p: Obj): DomainEvent[] => [
    {
      type: 'item.reasoningDelta',
      threadId: str(p, 'threadId'),
      turnId: str(p, 'turnId'),
      itemId: str(p, 'itemId'),
      part: 'content',
      index: index(p, 'contentIndex'),
      delta: str(p, 'delta'),
    },
  ],
  'item/mcpToolCall/progress': (p: Obj): DomainEvent[] => [{ type: 'item.progress', ...ref(p), message: str(p, 'message') }],
  'item/fileChange/patchUpdated': (p: Obj): DomainEvent[] => [
    { type: 'item.patchUpdated', ...ref(p), changes: fileChanges(p) },
  ],
} as const;
