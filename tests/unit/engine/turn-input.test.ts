import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { turnSettings, userInput } from '../../../web/src/engine/turn-input.ts';

suite('turn input', () => {
  test('images go before the text, as codex input items', () => {
    assert.deepEqual(userInput({ text: 'look', images: ['data:image/png;base64,AA=='] }), [
      { type: 'image', url: 'data:image/png;base64,AA==' },
      { type: 'text', text: 'look', text_elements: [] },
    ]);
  });
  test('no overrides, no settings', () => {
    assert.deepEqual(turnSettings(null), {});
    assert.deepEqual(turnSettings({}), {});
  });
  test('the sandbox is spelled as turn/start wants it: a tagged object', () => {
    assert.deepEqual(turnSettings({ sandbox: 'read-only' }).sandboxPolicy, { type: 'readOnly', networkAccess: false });
    assert.equal(turnSettings({ sandbox: 'workspace-write' }).sandboxPolicy?.type, 'workspaceWrite');
    assert.deepEqual(turnSettings({ sandbox: 'danger-full-access' }).sandboxPolicy, { type: 'dangerFullAccess' });
  });
  test('model, effort and approval policy pass through', () => {
    assert.deepEqual(turnSettings({ model: 'gpt-5.5', effort: 'high', approvalPolicy: 'on-request' }), {
      model: 'gpt-5.5',
      effort: 'high',
      approvalPolicy: 'on-request',
    });
  });
});
