/**
 * Pure translation of codex app-server frames into domain events.
 * No I/O, no clocks: the same frame always gives the same events. Unknown methods and malformed params
 * become diagnostics (counted by the caller), never exceptions.
 */
import type { DomainEvent, ItemSnapshot, ThreadSnapshot } from '../../../protocol/events.ts';
import type { ApprovalKind, ThreadStatusView, TurnStatusView } from '../../../protocol/projections.ts';
import type { Thread, ThreadItem, ThreadStatus, TurnError } from '../../../protocol/codex/methods.ts';

export type IngestResult =
  | { kind: 'events'; events: DomainEvent[] }
  /** A known method we deliberately do not project (yet). */
  | { kind: 'ignored'; method: string }
  | { kind: 'unknown'; method: string }
  | { kind: 'malformed'; method: string; problem: string };

type Params = Record<string, unknown>;

function isRecord(v: unknown): v is Params {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Key under which a codex server request id is stored (ids may be numbers or strings). */
export function requestKeyOf(id: number | string): string {
  return typeof id === 'number' ? `n:${id}` : `s:${id}`;
}

/** Inverse of requestKeyOf. */
export function requestIdOf(key: string): number | string {
  return key.startsWith('n:') ? Number(key.slice(2)) : key.slice(2);
}

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

function userText(item: Extract<ThreadItem, { type: 'userMessage' }>): string {
  return item.content
    .map((c) => (c.type === 'text' ? c.text : `[${c.type}]`))
    .join('\n');
}

/** Normalizes a codex ThreadItem into what the transcript shows. */
export function itemSnapshot(item: ThreadItem): ItemSnapshot {
  switch (item.type) {
    case 'userMessage':
      return { itemId: item.id, kind: 'userMessage', text: userText(item) };
    case 'agentMessage':
      return { itemId: item.id, kind: 'agentMessage', text: item.text };
    case 'commandExecution':
      return {
        itemId: item.id,
        kind: 'commandExecution',
        command: item.command,
        cwd: item.cwd,
        output: item.aggregatedOutput ?? '',
        exitCode: item.exitCode ?? null,
        durationMs: item.durationMs ?? null,
        status: item.status,
      };
    default:
      return { itemId: item.id, kind: 'other', type: item.type, summary: item.type };
  }
}

function turnErrorText(error: TurnError | null): string | null {
  if (!error) return null;
  return error.additionalDetails ? `${error.message} (${error.additionalDetails})` : error.message;
}

function turnStatus(s: string): TurnStatusView {
  return s === 'completed' || s === 'interrupted' || s === 'failed' ? s : 'inProgress';
}

/** Methods we know and deliberately leave out of the projections for now, with the reason. */
export const IGNORED_NOTIFICATIONS: Readonly<Record<string, string>> = {
  'remoteControl/status/changed': 'remote control is not offered by OK Code',
  'thread/tokenUsage/updated': 'token meter not shown yet',
  'account/rateLimits/updated': 'rate limits not shown yet',
  configWarning: 'shown in diagnostics later',
  warning: 'shown in diagnostics later',
  deprecationNotice: 'advice to client authors, not to users',
  'thread/goal/cleared': 'goals are not used',
  'item/reasoning/summaryTextDelta': 'reasoning not rendered yet',
  'item/reasoning/summaryPartAdded': 'reasoning not rendered yet',
  'item/reasoning/textDelta': 'reasoning not rendered yet',
  'turn/diff/updated': 'diff view not built yet',
  'turn/plan/updated': 'plan view not built yet',
  'mcpServer/startupStatus/updated': 'MCP status not shown yet',
  error: 'the failure arrives with turn/completed',
};

/** Translates one codex notification into domain events. */
export function ingestNotification(method: string, params: unknown): IngestResult {
  if (!isRecord(params)) return { kind: 'malformed', method, problem: 'params is not an object' };
  try {
    const events = translate(method, params);
    if (events) return { kind: 'events', events };
  } catch (e) {
    // why: params that do not match the generated types (a field missing or of the wrong type) must
    // become a diagnostic, not an exception in the engine's socket handler.
    return { kind: 'malformed', method, problem: e instanceof Error ? e.message : String(e) };
  }
  return method in IGNORED_NOTIFICATIONS ? { kind: 'ignored', method } : { kind: 'unknown', method };
}

function str(p: Params, key: string): string {
  const v = p[key];
  if (typeof v !== 'string') throw new TypeError(`${key} is not a string`);
  return v;
}

function rec(p: Params, key: string): Params {
  const v = p[key];
  if (!isRecord(v)) throw new TypeError(`${key} is not an object`);
  return v;
}

// why: the casts below sit behind the shape checks above (str/rec); the generated types describe
// what codex sends, and itemSnapshot/threadSnapshot only read fields those types promise.
function translate(method: string, p: Params): DomainEvent[] | null {
  switch (method) {
    case 'thread/started':
      return [{ type: 'thread.upserted', thread: threadSnapshot(rec(p, 'thread') as unknown as Thread) }];
    case 'thread/status/changed':
      return [
        {
          type: 'thread.statusChanged',
          threadId: str(p, 'threadId'),
          status: threadStatusView(rec(p, 'status') as unknown as ThreadStatus),
        },
      ];
    case 'thread/name/updated': {
      const name = p['threadName'];
      return [{ type: 'thread.renamed', threadId: str(p, 'threadId'), name: typeof name === 'string' ? name : null }];
    }
    case 'turn/started':
      return [{ type: 'turn.started', threadId: str(p, 'threadId'), turnId: str(rec(p, 'turn'), 'id') }];
    case 'turn/completed': {
      const turn = rec(p, 'turn');
      return [
        {
          type: 'turn.completed',
          threadId: str(p, 'threadId'),
          turnId: str(turn, 'id'),
          status: turnStatus(str(turn, 'status')),
          error: turnErrorText((turn['error'] ?? null) as TurnError | null),
        },
      ];
    }
    case 'item/started':
    case 'item/completed': {
      const item = rec(p, 'item');
      str(item, 'id');
      str(item, 'type');
      return [
        {
          type: method === 'item/started' ? 'item.started' : 'item.completed',
          threadId: str(p, 'threadId'),
          turnId: str(p, 'turnId'),
          item: itemSnapshot(item as unknown as ThreadItem),
        },
      ];
    }
    case 'item/agentMessage/delta':
      return [
        {
          type: 'item.textDelta',
          threadId: str(p, 'threadId'),
          turnId: str(p, 'turnId'),
          itemId: str(p, 'itemId'),
          delta: str(p, 'delta'),
        },
      ];
    case 'item/commandExecution/outputDelta':
      return [
        {
          type: 'item.outputDelta',
          threadId: str(p, 'threadId'),
          turnId: str(p, 'turnId'),
          itemId: str(p, 'itemId'),
          delta: str(p, 'delta'),
        },
      ];
    case 'serverRequest/resolved': {
      const id = p['requestId'];
      if (typeof id !== 'number' && typeof id !== 'string') throw new TypeError('requestId is not an id');
      return [{ type: 'approval.resolved', requestKey: requestKeyOf(id) }];
    }
    default:
      return null;
  }
}

const APPROVAL_KINDS: Readonly<Record<string, ApprovalKind>> = {
  'item/commandExecution/requestApproval': 'commandExecution',
  'item/fileChange/requestApproval': 'fileChange',
};

/** Translates a codex server request (an approval) into events; null when we cannot show it. */
export function ingestServerRequest(method: string, id: number | string, params: unknown): DomainEvent[] | null {
  const kind = APPROVAL_KINDS[method];
  if (!kind || !isRecord(params)) return null;
  const text = (k: string): string | null => (typeof params[k] === 'string' ? params[k] : null);
  try {
    return [
      {
        type: 'approval.requested',
        request: {
          requestKey: requestKeyOf(id),
          kind,
          threadId: str(params, 'threadId'),
          turnId: str(params, 'turnId'),
          itemId: str(params, 'itemId'),
          command: text('command') ?? '',
          cwd: text('cwd') ?? text('grantRoot') ?? '',
          reason: text('reason'),
        },
      },
    ];
  } catch {
    return null;
  }
}

/** Whether a turn status means the turn is over. */
export function isFinal(status: TurnStatusView): boolean {
  return status !== 'inProgress';
}
