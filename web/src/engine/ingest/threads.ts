/** Pure: codex threads and thread-level notifications → domain events. */
import type { DomainEvent, ThreadSnapshot } from '../../../../protocol/events.ts';
import type { ThreadStatusView, TokenCounts, TokenUsageView } from '../../../../protocol/projections.ts';
import type { Thread, ThreadStatus } from '../../../../protocol/codex/methods.ts';
import { Malformed, num, obj, optNum, optStr, str, strArr, type Obj } from './read.ts';

/** One view status for codex's status and its active flags (approval first, then user input). */
export function threadStatusView(status: ThreadStatus): ThreadStatusView {
  switch (status.type) {
    case 'notLoaded':
    case 'idle':
    case 'systemError':
      return status.type;
    case 'active':
      if (status.activeFlags.includes('waitingOnApproval')) return 'waitingOnApproval';
      if (status.activeFlags.includes('waitingOnUserInput')) return 'waitingOnUserInput';
      return 'working';
  }
}

/** The snapshot of an already-typed codex Thread (from a response the engine requested). */
export function threadSnapshot(t: Thread): ThreadSnapshot {
  return {
    id: t.id,
    name: t.name ?? null,
    preview: t.preview,
    cwd: t.cwd,
    status: threadStatusView(t.status),
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
  };
}

function readStatus(o: Obj): ThreadStatusView {
  const type = str(o, 'type');
  switch (type) {
    case 'notLoaded':
    case 'idle':
    case 'systemError':
      return threadStatusView({ type });
    case 'active': {
      const flags = strArr(o, 'activeFlags');
      if (flags.includes('waitingOnApproval')) return 'waitingOnApproval';
      if (flags.includes('waitingOnUserInput')) return 'waitingOnUserInput';
      return 'working';
    }
    default:
      throw new Malformed(`unknown thread status ${type}`);
  }
}

function readThread(t: Obj): ThreadSnapshot {
  return {
    id: str(t, 'id'),
    name: optStr(t, 'name'),
    preview: optStr(t, 'preview') ?? '',
    cwd: str(t, 'cwd'),
    status: readStatus(obj(t, 'status')),
    createdAt: num(t, 'createdAt'),
    updatedAt: num(t, 'updatedAt'),
  };
}

function counts(o: Obj): TokenCounts {
  return {
    total: num(o, 'totalTokens'),
    input: num(o, 'inputTokens'),
    cachedInput: optNum(o, 'cachedInputTokens') ?? 0,
    output: num(o, 'outputTokens'),
    reasoningOutput: optNum(o, 'reasoningOutputTokens') ?? 0,
  };
}

function readUsage(o: Obj): TokenUsageView {
  return { total: counts(obj(o, 'total')), last: counts(obj(o, 'last')), contextWindow: optNum(o, 'modelContextWindow') };
}

/** Translators of the thread notifications, by method. */
export const threadNotifications = {
  'thread/started': (p: Obj): DomainEvent[] => [{ type: 'thread.upserted', thread: readThread(obj(p, 'thread')) }],
  'thread/status/changed': (p: Obj): DomainEvent[] => [
    { type: 'thread.statusChanged', threadId: str(p, 'threadId'), status: readStatus(obj(p, 'status')) },
  ],
  'thread/name/updated': (p: Obj): DomainEvent[] => [
    { type: 'thread.renamed', threadId: str(p, 'threadId'), name: optStr(p, 'threadName') },
  ],
  'thread/archived': (p: Obj): DomainEvent[] => [{ type: 'thread.archived', threadId: str(p, 'threadId'), archived: true }],
  'thread/unarchived': (p: Obj): DomainEvent[] => [{ type: 'thread.archived', threadId: str(p, 'threadId'), archived: false }],
  'thread/closed': (p: Obj): DomainEvent[] => [{ type: 'thread.closed', threadId: str(p, 'threadId') }],
  'thread/deleted': (p: Obj): DomainEvent[] => [{ type: 'thread.deleted', threadId: str(p, 'threadId') }],
  'thread/tokenUsage/updated': (p: Obj): DomainEvent[] => [
    { type: 'thread.tokenUsage', threadId: str(p, 'threadId'), usage: readUsage(obj(p, 'tokenUsage')) },
  ],
} as const;
