/**
 * Is a value read back from storage a transcript item this build can show? (IndexedDB holds what any
 * build, or a damaged disk, left there.) Checks every field the cards read, by kind.
 */
import type { ItemRecord } from './projections.ts';
import type { FileChangeView, ItemStatusView, WebSearchActionView } from './item-body.ts';
import {
  isBoolean,
  isListOf,
  isNumber,
  isNumberOrNull,
  isObject,
  isOneOf,
  isString,
  isStringList,
  isStringOrNull,
} from './shape-checks.ts';

const STATUSES: readonly ItemStatusView[] = ['inProgress', 'completed', 'failed', 'declined', 'interrupted'];

function isFileChange(v: unknown): v is FileChangeView {
  return isObject(v) && isString(v['path']) && isOneOf(v['kind'], ['add', 'delete', 'update']) &&
    isStringOrNull(v['movePath']) && isString(v['diff']);
}

function isSearchAction(v: unknown): v is WebSearchActionView {
  if (!isObject(v)) return false;
  switch (v['type']) {
    case 'search':
      return isStringList(v['queries']);
    case 'openPage':
      return isStringOrNull(v['url']);
    case 'findInPage':
      return isStringOrNull(v['url']) && isStringOrNull(v['pattern']);
    case 'other':
      return true;
    default:
      return false;
  }
}

/** The body's fields, by kind; false for a kind this build does not know. */
function isBody(v: Record<string, unknown>): boolean {
  switch (v['kind']) {
    case 'userMessage':
    case 'agentMessage':
    case 'plan':
      return isString(v['text']);
    case 'reasoning':
      return isStringList(v['summary']) && isStringList(v['content']);
    case 'commandExecution':
      return isString(v['command']) && isString(v['cwd']) && isString(v['output']) &&
        isNumberOrNull(v['exitCode']) && isNumberOrNull(v['durationMs']) && isOneOf(v['status'], STATUSES);
    case 'fileChange':
      return isListOf(v['changes'], isFileChange) && isOneOf(v['status'], STATUSES);
    case 'mcpToolCall':
      return isString(v['server']) && isString(v['tool']) && isString(v['arguments']) && isOneOf(v['status'], STATUSES) &&
        isStringOrNull(v['result']) && isStringOrNull(v['error']) && isNumberOrNull(v['durationMs']) &&
        isStringOrNull(v['progress']);
    case 'webSearch':
      return isString(v['query']) && isSearchAction(v['action']);
    case 'imageView':
      return isString(v['path']);
    case 'contextCompaction':
      return true;
    case 'other':
      return isString(v['type']) && isString(v['summary']);
    default:
      return false;
  }
}

export function isItemRecord(v: unknown): v is ItemRecord {
  return isObject(v) && isString(v['threadId']) && isString(v['itemId']) && isString(v['turnId']) &&
    isNumber(v['ord']) && isBoolean(v['streaming']) && isNumber(v['rev']) && isBody(v);
}
