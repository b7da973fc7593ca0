/** Record builders for UI tests: complete, valid records with overridable fields. */
import type {
  ApprovalRecord,
  ConnectionRecord,
  ConnectionState,
  ItemBody,
  ItemRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../protocol/projections.ts';

export function thread(over: Partial<ThreadRecord> & Pick<ThreadRecord, 'id'>): ThreadRecord {
  return {
    name: null,
    preview: '',
    cwd: '/home/dev/project',
    status: 'idle',
    createdAt: 1_700_000_000,
    updatedAt: 1_700_000_000,
    activeTurnId: null,
    nextOrd: 0,
    archived: false,
    deleted: false,
    tokenUsage: null,
    notices: [],
    rev: 1,
    ...over,
  };
}

let nextOrd = 0;

type ItemMeta = Pick<ItemRecord, 'threadId' | 'itemId' | 'turnId' | 'ord' | 'streaming' | 'rev'>;

/** An item of `threadId` (turn `t1` unless given), ordered after every item built before it. */
export function item(body: ItemBody, over: Partial<ItemMeta> & Pick<ItemMeta, 'itemId' | 'threadId'>): ItemRecord {
  return { turnId: 't1', ord: nextOrd++, streaming: false, rev: 1, ...over, ...body };
}

/** A message item with new text (and `rev` bumped unless given), as the engine would send it. */
export function revised(record: ItemRecord, text: string, over: Partial<ItemMeta> = {}): ItemRecord {
  if (record.kind !== 'userMessage' && record.kind !== 'agentMessage') throw new Error('only messages have text');
  return { ...record, ...over, text, rev: over.rev ?? record.rev + 1 };
}

export function turn(over: Partial<TurnRecord> & Pick<TurnRecord, 'threadId' | 'turnId'>): TurnRecord {
  return { status: 'completed', error: null, errorInfo: null, retrying: null, diff: null, plan: null, rev: 1, ...over };
}

type CommandApproval = Extract<ApprovalRecord, { kind: 'commandExecution' }>;

/** A command approval (see request-builders.ts for the other request kinds). */
export function approval(
  over: Partial<CommandApproval> & Pick<CommandApproval, 'requestKey' | 'threadId'>,
): CommandApproval {
  return {
    turnId: 't1',
    itemId: 'cmd-1',
    kind: 'commandExecution',
    command: 'rm -rf build',
    cwd: '/home/dev/project',
    reason: null,
    execPolicyAmendment: null,
    networkAmendments: [],
    networkHost: null,
    state: 'pending',
    decision: null,
    rev: 1,
    ...over,
  };
}

export function connection(state: ConnectionState, over: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return { state, detail: '', bridgeVersion: null, codexVersion: null, cwd: null, ...over };
}
