/**
 * What the scripted model knows about one request from codex: the parsed body plus the facts a script
 * branches on (codex-app-server.md §9.1).
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The parts of the Responses API request body the scripts look at; everything else stays `unknown`. */
export interface ResponsesRequestBody {
  model?: string;
  input: InputItem[];
  tools?: unknown[];
  [key: string]: unknown;
}

/** One element of `input[]`, loosely typed: codex sends many shapes. */
export interface InputItem {
  type?: string;
  role?: string;
  content?: unknown;
  output?: unknown;
  [key: string]: unknown;
}

/** One request as a script sees it. */
export interface ModelRequest {
  /** The parsed JSON body. */
  body: ResponsesRequestBody;
  /** Text of the last user message (the prompt of the current turn, or the latest steer). */
  lastUserText: string;
  /**
   * How many `function_call_output` / `custom_tool_call_output` items follow the last user message:
   * 0 for the first request of a turn, 1 after the first tool call returned, and so on.
   */
  step: number;
  /** The tool outputs after the last user message, in order, as text (JSON for non-string outputs). */
  toolOutputs: string[];
  /** The `thread-id` header (falls back to `session-id`); null if codex sent neither. */
  threadId: string | null;
  /** All request headers, lower-cased as Node gives them. */
  headers: IncomingHttpHeaders;
  /** 0-based index of this request among all requests the server received. */
  seq: number;
}

const TOOL_OUTPUT_TYPES = new Set(['function_call_output', 'custom_tool_call_output']);

// why: codex wraps context in role:user messages too (`<environment_context>`, AGENTS.md, skills), and
// those can follow the prompt; they are not what the user typed.
const CONTEXT_PREFIXES = ['<environment_context>', '# AGENTS.md instructions', '<user_instructions>', '<skill>'];

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      if (typeof part !== 'object' || part === null) return '';
      const text: unknown = (part as Record<string, unknown>)['text'];
      return typeof text === 'string' ? text : '';
    })
    .join('');
}

function isUserPrompt(item: InputItem): boolean {
  if (item.role !== 'user' || (item.type !== undefined && item.type !== 'message')) return false;
  const text = textOf(item.content).trimStart();
  return !CONTEXT_PREFIXES.some((p) => text.startsWith(p));
}

function outputText(output: unknown): string {
  return typeof output === 'string' ? output : JSON.stringify(output);
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const v = headers[name];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

/** Throws unless `value` looks like a Responses API request body. */
export function parseRequestBody(value: unknown): ResponsesRequestBody {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as { input?: unknown }).input)) {
    throw new Error('request body has no input[] array');
  }
  return value as ResponsesRequestBody;
}

/** Derives the script-facing view of one request. */
export function toModelRequest(body: ResponsesRequestBody, headers: IncomingHttpHeaders, seq: number): ModelRequest {
  let last = -1;
  body.input.forEach((item, i) => {
    if (isUserPrompt(item)) last = i;
  });
  const after = body.input.slice(last + 1).filter((item) => TOOL_OUTPUT_TYPES.has(item.type ?? ''));
  return {
    body,
    lastUserText: last >= 0 ? textOf(body.input[last]?.content) : '',
    step: after.length,
    toolOutputs: after.map((item) => outputText(item.output)),
    threadId: header(headers, 'thread-id') ?? header(headers, 'session-id'),
    headers,
    seq,
  };
}
