/**
 * The default behaviour of the scripted model, chosen by markers in the last user message, so an
 * end-to-end test can type a prompt and get a known behaviour from the real codex.
 *
 * Markers (the first one that matches, in this order, decides the behaviour):
 * - `[fail]`: `response.failed` with `context_length_exceeded` → `error` + `turn/completed` failed.
 * - `[cmd:<shell command>]` (the command runs to the last `]`): step 0 is an `exec_command` call with
 *   `sandbox_permissions: "require_escalated"` and justification {@link CMD_JUSTIFICATION}, so codex
 *   asks `item/commandExecution/requestApproval` under any policy except `never`; step 1 (after the
 *   tool output, accepted or declined) is the message {@link CMD_DONE_TEXT}.
 * - `[patch]`: step 0 is `apply_patch` through the exec heredoc route adding `hello.txt` (one line,
 *   {@link PATCH_FILE_LINE}) → fileChange item; step 1 is the message {@link PATCH_DONE_TEXT}.
 * - `[plan]`: step 0 is `update_plan` with three steps → `turn/plan/updated`; step 1 is the message
 *   {@link PLAN_DONE_TEXT}.
 * - `[ask]`: step 0 is `request_user_input` (question id `color`, options `Red`/`Blue`) →
 *   `item/tool/requestUserInput`; step 1 is the message `You answered: <tool output>`.
 * - `[search]`: a web search call for the prompt → webSearch item, then the echo reply.
 * - `[reason]`: a reasoning item (summary {@link REASONING_SUMMARY}, raw text) then the echo reply.
 * - no marker: the echo reply (see {@link echoReply}), streamed in 6 deltas.
 * - `[slow:<ms>]` combines with all of the above: the final message is streamed in 10 deltas spaced
 *   by `<ms>` milliseconds (for reload and reconnect tests).
 *
 * Markers are removed from the text that the echo reply quotes.
 */
import type { ModelRequest } from './model-request.ts';
import {
  addFilePatch,
  applyPatchViaExec,
  escalatedCommand,
  failedResponse,
  message,
  reasoning,
  requestUserInput,
  response,
  updatePlan,
  webSearch,
  type MessageOptions,
} from './script-builders.ts';
import type { StreamPart } from './script-step.ts';

/** The justification (and so the approval `reason`) of a `[cmd:…]` call. */
export const CMD_JUSTIFICATION = 'OK Code test wants to run a command';
/** The message after a `[cmd:…]` call returned. */
export const CMD_DONE_TEXT = 'Ran the command.';
/** The file a `[patch]` adds, relative to the thread's cwd. */
export const PATCH_FILE = 'hello.txt';
/** The single line of that file. */
export const PATCH_FILE_LINE = 'hello from OK Code';
/** The message after a `[patch]` call returned. */
export const PATCH_DONE_TEXT = 'Created hello.txt.';
/** The message after a `[plan]` call returned. */
export const PLAN_DONE_TEXT = 'Plan updated.';
/** The reasoning summary of `[reason]`. */
export const REASONING_SUMMARY = '**Thinking** about the request';

const MARKER = /\[(?:fail|patch|plan|ask|search|reason|slow:\d+)\]/g;
const CMD_MARKER = /\[cmd:(.*)\]/s;

/** The prompt without markers, trimmed (falls back to the raw prompt when only markers were typed). */
export function stripMarkers(text: string): string {
  const stripped = text.replace(CMD_MARKER, '').replace(MARKER, '').trim();
  return stripped.length > 0 ? stripped : text.trim();
}

/** The markdown reply to a plain prompt: quotes the prompt, then a short list and a fenced code block. */
export function echoReply(prompt: string): string {
  return [
    `**Echo:** ${stripMarkers(prompt)}`,
    '',
    'Here is what I can tell you:',
    '',
    '- first, the scripted model heard you',
    '- second, this reply is streamed in pieces',
    '',
    '```ts',
    'const answer: number = 42;',
    '```',
    '',
  ].join('\n');
}

function finalMessage(text: string, slowMs: number | null): StreamPart[] {
  const opts: MessageOptions = slowMs === null ? { chunks: 6 } : { chunks: 10, pauseMs: slowMs };
  return message(text, opts);
}

function afterTool(req: ModelRequest, first: StreamPart[], done: string, slowMs: number | null): StreamPart[] {
  return req.step === 0 ? response(first) : response(finalMessage(done, slowMs));
}

/** The default script: picks a behaviour from the markers of the last user message (see the file doc). */
export function defaultScript(req: ModelRequest): StreamPart[] {
  const text = req.lastUserText;
  const slowMatch = /\[slow:(\d+)\]/.exec(text);
  const slowMs = slowMatch?.[1] !== undefined ? Number(slowMatch[1]) : null;
  const cmd = CMD_MARKER.exec(text)?.[1];

  if (text.includes('[fail]')) return failedResponse();
  if (cmd !== undefined) return afterTool(req, escalatedCommand(cmd, CMD_JUSTIFICATION), CMD_DONE_TEXT, slowMs);
  if (text.includes('[patch]')) {
    const patch = applyPatchViaExec(addFilePatch(PATCH_FILE, [PATCH_FILE_LINE]));
    return afterTool(req, patch, PATCH_DONE_TEXT, slowMs);
  }
  if (text.includes('[plan]')) {
    const plan = updatePlan([
      { step: 'Read the code', status: 'completed' },
      { step: 'Make the change', status: 'in_progress' },
      { step: 'Run the tests', status: 'pending' },
    ]);
    return afterTool(req, plan, PLAN_DONE_TEXT, slowMs);
  }
  if (text.includes('[ask]')) {
    const ask = requestUserInput([
      {
        id: 'color',
        header: 'Color',
        question: 'Pick a color?',
        options: [
          { label: 'Red (Recommended)', description: 'warm' },
          { label: 'Blue', description: 'cool' },
        ],
      },
    ]);
    return afterTool(req, ask, `You answered: ${req.toolOutputs[0] ?? ''}`, slowMs);
  }
  if (text.includes('[search]')) return response(webSearch(stripMarkers(text)), finalMessage(echoReply(text), slowMs));
  if (text.includes('[reason]')) {
    return response(reasoning(REASONING_SUMMARY, { raw: 'raw reasoning text' }), finalMessage(echoReply(text), slowMs));
  }
  return response(finalMessage(echoReply(text), slowMs));
}
