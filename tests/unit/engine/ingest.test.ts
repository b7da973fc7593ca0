import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { ingestNotification, ingestServerRequest, requestIdOf, requestKeyOf, threadStatusView } from '../../../web/src/engine/ingest.ts';
import { classify } from '../../../web/src/engine/rpc.ts';

suite('ingestNotification', () => {
  test('maps thread status flags to one view status', () => {
    assert.equal(threadStatusView({ type: 'active', activeFlags: ['waitingOnApproval'] }), 'waitingOnApproval');
    assert.equal(threadStatusView({ type: 'active', activeFlags: [] }), 'working');
    assert.equal(threadStatusView({ type: 'systemError' }), 'systemError');
  });

  const malformed: Array<[string, unknown]> = [
    ['item/agentMessage/delta', { threadId: 't', turnId: 'u', itemId: 'i' }],
    ['item/agentMessage/delta', { threadId: 't', turnId: 'u', itemId: 'i', delta: 42 }],
    ['item/started', { threadId: 't', turnId: 'u', item: 'nope' }],
    ['item/started', { threadId: 't', turnId: 'u', item: { type: 'agentMessage' } }],
    ['turn/completed', { threadId: 't' }],
    ['thread/started', null],
    ['serverRequest/resolved', { threadId: 't', requestId: null }],
  ];
  for (const [method, params] of malformed) {
    test(`reports malformed ${method} ${JSON.stringify(params)} instead of throwing`, () => {
      assert.equal(ingestNotification(method, params).kind, 'malformed');
    });
  }

  test('unknown methods are reported, ignored ones are known', () => {
    assert.deepEqual(ingestNotification('brand/new', {}), { kind: 'unknown', method: 'brand/new' });
    assert.equal(ingestNotification('thread/tokenUsage/updated', {}).kind, 'ignored');
  });

  test('a delta becomes a text delta event', () => {
    const r = ingestNotification('item/agentMessage/delta', { threadId: 't', turnId: 'u', itemId: 'i', delta: 'hi' });
    assert.deepEqual(r, { kind: 'events', events: [{ type: 'item.textDelta', threadId: 't', turnId: 'u', itemId: 'i', delta: 'hi' }] });
  });
});

suite('ingestServerRequest', () => {
  test('turns a command approval into an approval request', () => {
    const events = ingestServerRequest('item/commandExecution/requestApproval', 0, {
      threadId: 't', turnId: 'u', itemId: 'c', command: 'ls', cwd: '/w', reason: 'why',
    });
    assert.equal(events?.[0]?.type, 'approval.requested');
  });
  test('returns null for requests the UI cannot show', () => {
    assert.equal(ingestServerRequest('execCommandApproval', 1, {}), null);
    assert.equal(ingestServerRequest('item/commandExecution/requestApproval', 1, { threadId: 't' }), null);
  });
  test('request keys round-trip numeric and string ids', () => {
    assert.equal(requestIdOf(requestKeyOf(7)), 7);
    assert.equal(requestIdOf(requestKeyOf('abc')), 'abc');
  });
});

suite('classify', () => {
  test('tells responses, notifications and requests apart without a jsonrpc field', () => {
    assert.equal(classify({ id: 1, result: {} }).kind, 'response');
    assert.equal(classify({ id: 2, error: { code: 1, message: 'x' } }).kind, 'response');
    assert.equal(classify({ method: 'a', params: {} }).kind, 'notification');
    assert.equal(classify({ method: 'a', id: 0, params: {} }).kind, 'request');
    assert.equal(classify({ id: 1.5, result: {} }).kind, 'invalid');
    assert.equal(classify({ foo: 1 }).kind, 'invalid');
  });
});
