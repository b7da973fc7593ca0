/**
 * Is a value read back from storage a record this build can use? One guard per stored record type
 * (items: item-guards.ts). They check the fields the views and reducers read, and accept a record
 * an older build wrote without the fields added since (the read side fills those in).
 */
import type { DraftRecord, OutboxRecord, ReadStateRecord } from './local-records.ts';
import type { ApprovalRecord, RequestKind, RequestState } from './pending-requests.ts';
import type { ServerRecord, ThreadRecord, ThreadStatusView, TurnRecord, TurnStatusView } from './projections.ts';
import {
  absentOr,
  isBoolean,
  isNumber,
  isObject,
  isOneOf,
  isString,
  isStringOrNull,
} from './shape-checks.ts';

export { isItemRecord } from './item-guards.ts';

const THREAD_STATUSES: readonly ThreadStatusView[] = ['notLoaded', 'idle', 'working', 'waitingOnApproval', 'waitingOnUserInput', 'systemError'];
const TURN_STATUSES: readonly TurnStatusView[] = ['inProgress', 'completed', 'interrupted', 'failed'];
const REQUEST_KINDS: readonly RequestKind[] = ['commandExecution', 'fileChange', 'userInput', 'permissions', 'mcpElicitation'];
const REQUEST_STATES: readonly RequestState[] = ['pending', 'answered', 'resolved'];

const isList = (v: unknown): boolean => Array.isArray(v);
const isObjectOrNull = (v: unknown): boolean => v === null || isObject(v);

/** A notice list: each with a kind and a message in words. */
function isNotices(v: unknown): boolean {
  return Array.isArray(v) && v.every((n) => isObject(n) && isString(n['kind']) && isString(n['message']));
}

export function isThreadRecord(v: unknown): v is ThreadRecord {
  return isObject(v) && isString(v['id']) && isStringOrNull(v['name']) && isString(v['preview']) && isString(v['cwd']) &&
    isOneOf(v['status'], THREAD_STATUSES) && isNumber(v['createdAt']) && isNumber(v['updatedAt']) &&
    isStringOrNull(v['activeTurnId']) && isNumber(v['nextOrd']) && isNumber(v['rev']) &&
    absentOr(v['archived'], isBoolean) && absentOr(v['deleted'], isBoolean) &&
    absentOr(v['tokenUsage'], isObjectOrNull) && absentOr(v['notices'], isNotices);
}

/** A turn error in parts (errorInfo, retrying): null, or an object with a message. */
function isErrorView(v: unknown): boolean {
  return v === null || (isObject(v) && isString(v['message']));
}

export function isTurnRecord(v: unknown): v is TurnRecord {
  return isObject(v) && isString(v['threadId']) && isString(v['turnId']) && isOneOf(v['status'], TURN_STATUSES) &&
    isStringOrNull(v['error']) && isNumber(v['rev']) &&
    absentOr(v['errorInfo'], isErrorView) && absentOr(v['retrying'], isErrorView) &&
    absentOr(v['diff'], isStringOrNull) && absentOr(v['plan'], (p) => p === null || (isObject(p) && isList(p['steps'])));
}

/** The lists a request card maps over, by kind (the rest of its fields are bound as text). */
function hasRequestLists(v: Record<string, unknown>): boolean {
  switch (v['kind']) {
    case 'userInput':
      return isList(v['questions']);
    case 'permissions':
      return isList(v['lines']);
    case 'mcpElicitation':
      return isObject(v['form']);
    case 'commandExecution':
      return absentOr(v['networkAmendments'], isList);
    default:
      return true;
  }
}

export function isApprovalRecord(v: unknown): v is ApprovalRecord {
  return isObject(v) && isString(v['requestKey']) && isString(v['threadId']) && isOneOf(v['kind'], REQUEST_KINDS) &&
    isOneOf(v['state'], REQUEST_STATES) && isNumber(v['rev']) && absentOr(v['decision'], isObjectOrNull) &&
    hasRequestLists(v);
}

export function isServerRecord(v: unknown): v is ServerRecord {
  return isObject(v) && isString(v['id']) && isNumber(v['rev']) && absentOr(v['notices'], isNotices) &&
    absentOr(v['rateLimits'], isObjectOrNull) && absentOr(v['lastLogin'], isObjectOrNull);
}

export function isOutboxRecord(v: unknown): v is OutboxRecord {
  return isObject(v) && isString(v['id']) && isString(v['threadId']) && isString(v['text']) && isNumber(v['createdAt']) &&
    isOneOf(v['state'], ['queued', 'sending', 'failed']) && isNumber(v['rev']) && absentOr(v['images'], isList) && absentOr(v['sentAs'], isSentAs);
}

function isSentAs(v: unknown): boolean {
  return isObject(v) && isString(v['sessionId']) && isNumber(v['requestId']) && (v['frame'] === null || isNumber(v['frame']));
}

export function isDraftRecord(v: unknown): v is DraftRecord {
  return isObject(v) && isString(v['threadId']) && isString(v['text']) && isNumber(v['rev']);
}

export function isReadStateRecord(v: unknown): v is ReadStateRecord {
  return isObject(v) && isString(v['threadId']) && isBoolean(v['unread']) && isNumber(v['rev']);
}
