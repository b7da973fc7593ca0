import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent, RequestSnapshot } from '../../../protocol/events.ts';
import { ingestNotification, ingestServerRequest, itemSnapshot, requestIdOf, requestKeyOf, threadStatusView } from '../../../web/src/engine/ingest.ts';
import { classify } from '../../../web/src/engine/rpc.ts';
import type { ThreadItem } from '../../../protocol/codex/methods.ts';

const ids = { threadId: 't', turnId: 'u' };

/** The events of a notification that must translate. */
function events(method: string, params: unknown): DomainEvent[] {
  const r = ingestNotification(method, params);
  assert.equal(r.kind, 'events', JSON.stringify(r));
  return r.kind === 'events' ? r.events : [];
}

function itemOf(item: Record<string, unknown>): unknown {
  const [e] = events('item/completed', { ...ids, item });
  return e?.type === 'item.completed' ? e.item : null;
}

function requestOf(method: string, params: Record<string, unknown>): RequestSnapshot | null {
  const [e] = ingestServerRequest(method, 3, params) ?? [];
  return e?.type === 'approval.requested' ? e.request : null;
}

interface Case {
  name: string;
  given: () => unknown;
  expect: unknown;
}

const cases: [Case, ...Case[]] = [
  { name: 'thread status flags: approval wins over input', given: () => threadStatusView({ type: 'active', activeFlags: ['waitingOnUserInput', 'waitingOnApproval'] }), expect: 'waitingOnApproval' },
  { name: 'a delta becomes a text delta event', given: () => events('item/agentMessage/delta', { ...ids, itemId: 'i', delta: 'hi' }), expect: [{ type: 'item.textDelta', ...ids, itemId: 'i', delta: 'hi' }] },
  {
    name: 'an error with an object codexErrorInfo gives its key as code and the HTTP status',
    given: () => events('error', { ...ids, willRetry: false, error: { message: 'unexpected status 401', codexErrorInfo: { httpConnectionFailed: { httpStatusCode: 401 } }, additionalDetails: null } }),
    expect: [{ type: 'turn.errored', ...ids, willRetry: false, error: { message: 'unexpected status 401', code: 'httpConnectionFailed', httpStatus: 401, details: null } }],
  },
  {
    name: 'a plan update keeps the steps and their status',
    given: () => events('turn/plan/updated', { ...ids, explanation: null, plan: [{ step: 'A', status: 'inProgress' }] }),
    expect: [{ type: 'turn.planUpdated', ...ids, plan: { explanation: null, steps: [{ step: 'A', status: 'inProgress' }] } }],
  },
  {
    name: 'a user message names its non-text inputs',
    given: () => itemOf({ type: 'userMessage', id: 'm', clientId: null, content: [{ type: 'text', text: 'look', text_elements: [] }, { type: 'localImage', path: '/a.png' }, { type: 'image', url: 'https://x' }] }),
    expect: { itemId: 'm', kind: 'userMessage', text: 'look\n[image: /a.png]\n[image]' },
  },
  {
    name: 'a moved file keeps its new path',
    given: () => itemOf({ type: 'fileChange', id: 'f', status: 'completed', changes: [{ path: '/a', kind: { type: 'update', move_path: '/b' }, diff: '@@' }] }),
    expect: { itemId: 'f', kind: 'fileChange', status: 'completed', changes: [{ path: '/a', kind: 'update', movePath: '/b', diff: '@@' }] },
  },
  {
    name: 'an MCP call: arguments as JSON, text blocks as the result, others named',
    given: () =>
      itemOf({ type: 'mcpToolCall', id: 'c', server: 's', tool: 't', status: 'completed', arguments: { q: 1 }, result: { content: [{ type: 'text', text: 'hi' }, { type: 'image', data: 'AAA', mimeType: 'image/png' }], structuredContent: null, _meta: null }, error: null, durationMs: 5 }),
    expect: { itemId: 'c', kind: 'mcpToolCall', server: 's', tool: 't', arguments: '{\n  "q": 1\n}', status: 'completed', result: 'hi\n[image]', error: null, durationMs: 5, progress: null },
  },
  {
    name: 'a failed MCP call keeps its error',
    given: () => itemOf({ type: 'mcpToolCall', id: 'c', server: 's', tool: 't', status: 'failed', arguments: null, result: null, error: { message: 'user rejected MCP tool call' }, durationMs: null }),
    expect: { itemId: 'c', kind: 'mcpToolCall', server: 's', tool: 't', arguments: 'null', status: 'failed', result: null, error: 'user rejected MCP tool call', durationMs: null, progress: null },
  },
  {
    name: 'web search actions: open page and find in page',
    given: () => [
      itemOf({ type: 'webSearch', id: 'w', query: '', action: { type: 'open_page', url: 'https://a' }, results: null }),
      itemOf({ type: 'webSearch', id: 'w', query: 'q', action: { type: 'find_in_page', url: 'https://a', pattern: 'p' }, results: null }),
    ],
    expect: [
      { itemId: 'w', kind: 'webSearch', query: '', action: { type: 'openPage', url: 'https://a' } },
      { itemId: 'w', kind: 'webSearch', query: 'q', action: { type: 'findInPage', url: 'https://a', pattern: 'p' } },
    ],
  },
  {
    name: 'an item type without a card shows as other, with a summary',
    given: () => itemOf({ type: 'dynamicToolCall', id: 'd', namespace: 'ns', tool: 'lookup', arguments: {}, status: 'completed', contentItems: null, success: true, durationMs: 1 }),
    expect: { itemId: 'd', kind: 'other', type: 'dynamicToolCall', summary: 'ns.lookup (completed)' },
  },
  {
    name: 'itemSnapshot never throws on a typed item of the wrong shape (resync)',
    given: () => {
      const bad: unknown = { type: 'commandExecution', id: 'x', status: 'inProgress' };
      // why: deliberately not a valid ThreadItem; itemSnapshot must cope with what a response holds.
      return itemSnapshot(bad as ThreadItem).kind;
    },
    expect: 'other',
  },
];

const requestCases: [Case, ...Case[]] = [
  {
    name: 'a command approval with network amendments and context',
    given: () =>
      requestOf('item/commandExecution/requestApproval', { ...ids, itemId: 'c', kind: 'command', command: 'curl x', cwd: '/w', networkApprovalContext: { host: 'x.dev', protocol: 'https' }, proposedNetworkPolicyAmendments: [{ host: 'x.dev', action: 'allow' }] }),
    expect: { requestKey: 'n:3', ...ids, itemId: 'c', kind: 'commandExecution', command: 'curl x', cwd: '/w', reason: null, execPolicyAmendment: null, networkAmendments: [{ host: 'x.dev', action: 'allow' }], networkHost: 'x.dev' },
  },
  {
    name: 'a free-text secret question (no options)',
    given: () => requestOf('item/tool/requestUserInput', { ...ids, itemId: 'q', isBlocking: true, autoResolutionMs: null, questions: [{ id: 'token', header: 'Token', question: 'Paste it', isOther: false, isSecret: true, options: null }] }),
    expect: { requestKey: 'n:3', ...ids, itemId: 'q', kind: 'userInput', questions: [{ id: 'token', header: 'Token', question: 'Paste it', options: [], isOther: false, isSecret: true }] },
  },
  {
    name: 'an elicitation with enums, a multi-select and numbers becomes form fields',
    given: () =>
      requestOf('mcpServer/elicitation/request', {
        threadId: 't',
        turnId: null,
        serverName: 'srv',
        mode: 'form',
        _meta: null,
        message: 'Configure',
        requestedSchema: {
          type: 'object',
          required: ['size'],
          properties: {
            size: { type: 'string', oneOf: [{ const: 's', title: 'Small' }, { const: 'l', title: 'Large' }], default: 'l' },
            tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } },
            count: { type: 'integer', minimum: 1, maximum: 9 },
          },
        },
      }),
    expect: {
      requestKey: 'n:3',
      threadId: 't',
      turnId: null,
      itemId: null,
      kind: 'mcpElicitation',
      serverName: 'srv',
      message: 'Configure',
      form: {
        mode: 'form',
        fields: [
          { name: 'size', title: 'size', description: null, required: true, type: 'enum', multiple: false, options: [{ value: 's', label: 'Small' }, { value: 'l', label: 'Large' }], defaultValue: ['l'] },
          { name: 'tags', title: 'tags', description: null, required: false, type: 'enum', multiple: true, options: [{ value: 'a', label: 'a' }, { value: 'b', label: 'b' }], defaultValue: [] },
          { name: 'count', title: 'count', description: null, required: false, type: 'integer', minimum: 1, maximum: 9, defaultValue: null },
        ],
      },
    },
  },
  {
    name: 'a nested schema cannot be rendered: it can only be declined',
    given: () => {
      const r = requestOf('mcpServer/elicitation/request', { threadId: 't', turnId: 'u', serverName: 's', mode: 'form', _meta: null, message: 'm', requestedSchema: { type: 'object', properties: { a: { type: 'object', properties: {} } } } });
      return r?.kind === 'mcpElicitation' ? r.form.mode : null;
    },
    expect: 'unsupported',
  },
  {
    name: 'a URL elicitation keeps the URL',
    given: () => requestOf('mcpServer/elicitation/request', { threadId: 't', turnId: 'u', serverName: 's', mode: 'url', _meta: null, message: 'Sign in', url: 'https://login', elicitationId: 'e' }),
    expect: { requestKey: 'n:3', ...ids, itemId: null, kind: 'mcpElicitation', serverName: 's', message: 'Sign in', form: { mode: 'url', url: 'https://login' } },
  },
  {
    name: 'legacy and unsupported requests are not shown (the engine refuses them)',
    given: () => [ingestServerRequest('execCommandApproval', 1, {}), ingestServerRequest('applyPatchApproval', 1, {}), ingestServerRequest('item/tool/call', 1, {})],
    expect: [null, null, null],
  },
];

suite('ingest', () => {
  for (const c of [...cases, ...requestCases]) test(c.name, () => assert.deepEqual(c.given(), c.expect));

  test('request keys round-trip numeric and string ids', () => {
    assert.equal(requestIdOf(requestKeyOf(7)), 7);
    assert.equal(requestIdOf(requestKeyOf('abc')), 'abc');
  });

  test('classify tells responses, notifications and requests apart without a jsonrpc field', () => {
    assert.equal(classify({ id: 1, result: {} }).kind, 'response');
    assert.equal(classify({ id: 2, error: { code: 1, message: 'x' } }).kind, 'response');
    assert.equal(classify({ method: 'a', params: {} }).kind, 'notification');
    assert.equal(classify({ method: 'a', id: 0, params: {} }).kind, 'request');
    assert.equal(classify({ id: 1.5, result: {} }).kind, 'invalid');
  });
});
