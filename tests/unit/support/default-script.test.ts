import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { CMD_DONE_TEXT, CMD_JUSTIFICATION, defaultScript, stripMarkers } from '../../support/default-script.ts';
import type { ModelRequest } from '../../support/model-request.ts';
import type { ResponseEvent } from '../../support/responses-events.ts';
import { splitIntoChunks } from '../../support/script-builders.ts';
import type { StreamPart } from '../../support/script-step.ts';

function req(lastUserText: string, step = 0): ModelRequest {
  return { body: { input: [] }, lastUserText, step, toolOutputs: [], threadId: null, headers: {}, seq: 0 };
}

function events(parts: readonly StreamPart[]): ResponseEvent[] {
  return parts.flatMap((p) => (p.type === 'pause' ? [] : [p]));
}

function calls(parts: readonly StreamPart[]): { name: string; args: Record<string, unknown> }[] {
  return events(parts).flatMap((e) =>
    e.type === 'response.output_item.done' && e.item.type === 'function_call'
      ? [{ name: e.item.name, args: JSON.parse(e.item.arguments) as Record<string, unknown> }]
      : [],
  );
}

function doneText(parts: readonly StreamPart[]): string {
  return events(parts)
    .flatMap((e) => (e.type === 'response.output_item.done' && e.item.type === 'message' ? [e.item.content[0]?.text ?? ''] : []))
    .join('');
}

suite('defaultScript', () => {
  test('echoes a plain prompt in several deltas and completes', () => {
    const parts = defaultScript(req('hello otters'));
    const ev = events(parts);
    assert.equal(ev[0]?.type, 'response.created');
    assert.equal(ev.at(-1)?.type, 'response.completed');
    assert.ok(ev.filter((e) => e.type === 'response.output_text.delta').length >= 2);
    assert.match(doneText(parts), /^\*\*Echo:\*\* hello otters\n/);
    assert.match(doneText(parts), /```ts\n/);
  });

  test('[cmd:…] asks for escalation, then reports', () => {
    const [call] = calls(defaultScript(req('please [cmd:echo [a] b] now')));
    assert.deepEqual(call, {
      name: 'exec_command',
      args: {
        cmd: 'echo [a] b',
        yield_time_ms: 5000,
        sandbox_permissions: 'require_escalated',
        justification: CMD_JUSTIFICATION,
      },
    });
    assert.equal(doneText(defaultScript(req('[cmd:echo hi]', 1))), CMD_DONE_TEXT);
  });

  test('[patch] is an apply_patch heredoc through exec_command', () => {
    const [call] = calls(defaultScript(req('[patch]')));
    assert.match(String(call?.args['cmd']), /^apply_patch <<'EOF'\n\*\*\* Begin Patch\n\*\*\* Add File: hello.txt\n/);
  });

  test('[fail] is response.failed with context_length_exceeded', () => {
    const last = events(defaultScript(req('[fail]'))).at(-1);
    assert.equal(last?.type, 'response.failed');
    assert.equal(last.type === 'response.failed' ? last.response.error.code : '', 'context_length_exceeded');
  });

  test('[slow:<ms>] spaces ten deltas with pauses', () => {
    const parts = defaultScript(req('[slow:250] hi'));
    assert.equal(parts.filter((p) => p.type === 'pause' && p.ms === 250).length, 9);
    assert.equal(events(parts).filter((e) => e.type === 'response.output_text.delta').length, 10);
  });

  test('stripMarkers removes every marker', () => {
    assert.equal(stripMarkers('[reason] [slow:5] why [plan]'), 'why');
    assert.equal(stripMarkers('[fail]'), '[fail]');
  });

  test('splitIntoChunks keeps the text and the chunk count', () => {
    assert.deepEqual(splitIntoChunks('abcdef', 3), ['ab', 'cd', 'ef']);
    assert.deepEqual(splitIntoChunks('ab', 5), ['a', 'b']);
    assert.deepEqual(splitIntoChunks('', 3), ['']);
  });
});
