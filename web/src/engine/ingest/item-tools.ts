/** Pure: the tool-like codex items (file changes, MCP calls, web searches, the rest) → item bodies. */
import type { FileChangeView, ItemBody, ItemStatusView, WebSearchActionView } from '../../../../protocol/projections.ts';
import {
  Malformed,
  arr,
  asObj,
  isObj,
  json,
  obj,
  oneOf,
  optNum,
  optObj,
  optStr,
  prettyJson,
  str,
  type Obj,
} from './read.ts';

const STATUSES = ['inProgress', 'completed', 'failed', 'declined'] as const satisfies readonly ItemStatusView[];

/** An item's run status (commands, patches, tool calls). */
export function itemStatus(o: Obj): ItemStatusView {
  return oneOf(o, 'status', STATUSES);
}

/** One file of a patch: `kind` is `{type: add|delete|update, move_path?}`. */
export function fileChange(v: unknown, what: string): FileChangeView {
  const c = asObj(v, what);
  const kind = obj(c, 'kind');
  const type = oneOf(kind, 'type', ['add', 'delete', 'update'] as const);
  return { path: str(c, 'path'), kind: type, movePath: type === 'update' ? optStr(kind, 'move_path') : null, diff: str(c, 'diff') };
}

/** The `changes` of a fileChange item or a patchUpdated notification. */
export function fileChanges(o: Obj): FileChangeView[] {
  return arr(o, 'changes').map((c, i) => fileChange(c, `changes[${i}]`));
}

/** An MCP content block as text: text verbatim, anything else by its type (and URI, for resources). */
function contentBlockText(v: unknown): string {
  if (!isObj(v)) return String(json(v, 'content block'));
  const type = typeof v['type'] === 'string' ? v['type'] : 'content';
  if (type === 'text' && typeof v['text'] === 'string') return v['text'];
  const resource = isObj(v['resource']) ? v['resource'] : null;
  const uri = resource && typeof resource['uri'] === 'string' ? ` ${resource['uri']}` : '';
  return `[${type}${uri}]`;
}

function mcpResult(item: Obj): string | null {
  const result = optObj(item, 'result');
  if (result === null) return null;
  const blocks = arr(result, 'content').map(contentBlockText);
  if (blocks.length > 0) return blocks.join('\n');
  const structured = result['structuredContent'];
  return structured === undefined || structured === null ? '' : prettyJson(json(structured, 'structuredContent'));
}

function mcpToolCall(item: Obj): ItemBody {
  const error = optObj(item, 'error');
  return {
    kind: 'mcpToolCall',
    server: str(item, 'server'),
    tool: str(item, 'tool'),
    arguments: prettyJson(json(item['arguments'] ?? null, 'arguments')),
    status: oneOf(item, 'status', ['inProgress', 'completed', 'failed'] as const),
    result: mcpResult(item),
    error: error === null ? null : str(error, 'message'),
    durationMs: optNum(item, 'durationMs'),
    progress: null,
  };
}

function webSearchAction(a: Obj | null): WebSearchActionView {
  switch (a === null ? 'other' : str(a, 'type')) {
    case 'search': {
      const queries = (a && Array.isArray(a['queries']) ? a['queries'] : []).filter((q): q is string => typeof q === 'string');
      const query = a === null ? null : optStr(a, 'query');
      return { type: 'search', queries: query !== null && !queries.includes(query) ? [query, ...queries] : queries };
    }
    case 'open_page':
      return { type: 'openPage', url: a === null ? null : optStr(a, 'url') };
    case 'find_in_page':
      return { type: 'findInPage', url: a === null ? null : optStr(a, 'url'), pattern: a === null ? null : optStr(a, 'pattern') };
    default:
      return { type: 'other' };
  }
}

/** A short line for item types without a card of their own. */
function otherSummary(type: string, item: Obj): string {
  const text = (k: string): string => (typeof item[k] === 'string' ? item[k] : '');
  switch (type) {
    case 'dynamicToolCall':
    case 'collabAgentToolCall':
      return [text('namespace'), text('tool')].filter((s) => s !== '').join('.') + (text('status') ? ` (${text('status')})` : '');
    case 'subAgentActivity':
      return `${text('kind')} ${text('agentPath')}`.trim();
    case 'functionCallOutput':
      return text('name');
    case 'enteredReviewMode':
    case 'exitedReviewMode':
      return text('review');
    case 'imageGeneration':
      return text('revisedPrompt') || text('status');
    case 'sleep':
      return typeof item['durationMs'] === 'number' ? `${item['durationMs']} ms` : '';
    default:
      return '';
  }
}

/** Bodies of the tool-like item types; null for the message-like ones (see items.ts). */
export function toolItemBody(type: string, item: Obj): ItemBody | null {
  switch (type) {
    case 'fileChange':
      return { kind: 'fileChange', changes: fileChanges(item), status: itemStatus(item) };
    case 'mcpToolCall':
      return mcpToolCall(item);
    case 'webSearch':
      return { kind: 'webSearch', query: optStr(item, 'query') ?? '', action: webSearchAction(optObj(item, 'action')) };
    case 'imageView':
      return { kind: 'imageView', path: str(item, 'path') };
    case 'contextCompaction':
      return { kind: 'contextCompaction' };
    case 'userMessage':
    case 'agentMessage':
    case 'reasoning':
    case 'plan':
    case 'commandExecution':
      return null;
    default:
      if (type === '') throw new Malformed('item type is empty');
      return { kind: 'other', type, summary: otherSummary(type, item) };
  }
}
