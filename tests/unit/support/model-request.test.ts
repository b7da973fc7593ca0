import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { toModelRequest, type InputItem } from '../../support/model-request.ts';

const user = (text: string): InputItem => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const dev = (text: string): InputItem => ({ type: 'message', role: 'developer', content: [{ type: 'input_text', text }] });
const call = (id: string): InputItem => ({ type: 'function_call', name: 'exec_command', call_id: id, arguments: '{}' });
const out = (id: string, output: unknown): InputItem => ({ type: 'function_call_output', call_id: id, output });

interface Case {
  name: string;
  input: InputItem[];
  expect: { lastUserText: string; step: number; toolOutputs: string[] };
}

const cases: [Case, ...Case[]] = [
  {
    name: 'skips developer and environment-context messages',
    input: [dev('rules'), user('<environment_context>\n  <cwd>/w</cwd>\n</environment_context>'), user('hello')],
    expect: { lastUserText: 'hello', step: 0, toolOutputs: [] },
  },
  {
    name: 'counts tool outputs after the last prompt only',
    input: [user('first'), call('a'), out('a', 'old'), user('[cmd:ls]'), call('b'), out('b', 'new')],
    expect: { lastUserText: '[cmd:ls]', step: 1, toolOutputs: ['new'] },
  },
  {
    name: 'counts custom tool outputs and serialises structured outputs',
    input: [
      user('[patch]'),
      { type: 'custom_tool_call_output', call_id: 'p', output: 'Success' },
      out('q', [{ type: 'input_text', text: 'x' }]),
    ],
    expect: { lastUserText: '[patch]', step: 2, toolOutputs: ['Success', '[{"type":"input_text","text":"x"}]'] },
  },
  {
    name: 'takes an environment-context message that follows the prompt as context, not as the prompt',
    input: [user('do it'), user('<environment_context>x</environment_context>')],
    expect: { lastUserText: 'do it', step: 0, toolOutputs: [] },
  },
  {
    name: 'has an empty prompt when there is no user message',
    input: [dev('rules')],
    expect: { lastUserText: '', step: 0, toolOutputs: [] },
  },
];

suite('toModelRequest', () => {
  for (const c of cases) {
    test(c.name, () => {
      const input = structuredClone(c.input);
      const r = toModelRequest({ input }, { 'thread-id': 't-1' }, 3);
      assert.deepEqual({ lastUserText: r.lastUserText, step: r.step, toolOutputs: r.toolOutputs }, c.expect);
      assert.equal(r.threadId, 't-1');
      assert.equal(r.seq, 3);
      assert.deepEqual(input, c.input, 'input not mutated');
    });
  }

  test('falls back to the session-id header for the thread id', () => {
    assert.equal(toModelRequest({ input: [] }, { 'session-id': 's-1' }, 0).threadId, 's-1');
    assert.equal(toModelRequest({ input: [] }, {}, 0).threadId, null);
  });
});
