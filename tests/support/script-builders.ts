/**
 * Typed builders for scripted model answers, one per recipe in codex-app-server.md §9.3.
 *
 * Item builders (`message`, `reasoning`, `execCommand`, …) return the events of one output item;
 * `response(...)` wraps items into a complete stream (`response.created` … `response.completed`), and
 * `failedResponse(...)` builds a `response.failed` stream. Example:
 * `response(reasoning('Thinking'), message('Hello **world**', { chunks: 4 }))`.
 */
import { nextId, type OutputItem, type ResponseEvent, type ResponseUsage } from './responses-events.ts';
import { pause, type StreamPart } from './script-step.ts';

/** Usage sent with every `response.completed` unless a caller passes its own. */
export const DEFAULT_USAGE: ResponseUsage = {
  input_tokens: 1200,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 40,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 1240,
};

/** Splits `text` into `n` non-empty pieces of similar length (fewer if the text is shorter). */
export function splitIntoChunks(text: string, n: number): string[] {
  const count = Math.max(1, Math.min(n, text.length));
  const size = Math.ceil(text.length / count);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks.length > 0 ? chunks : [''];
}

/** Options of `message`. */
export interface MessageOptions {
  /** Number of `response.output_text.delta` events (default 3). */
  chunks?: number;
  /** Pause between deltas, in ms (default none). */
  pauseMs?: number;
  id?: string;
}

/** An assistant message streamed as deltas → agentMessage item with `item/agentMessage/delta`s. */
export function message(text: string, opts: MessageOptions = {}): StreamPart[] {
  const id = opts.id ?? nextId('msg');
  const parts: StreamPart[] = [
    { type: 'response.output_item.added', output_index: 0, item: { type: 'message', role: 'assistant', id, content: [] } },
  ];
  splitIntoChunks(text, opts.chunks ?? 3).forEach((delta, i) => {
    if (i > 0 && opts.pauseMs !== undefined) parts.push(pause(opts.pauseMs));
    parts.push({ type: 'response.output_text.delta', item_id: id, output_index: 0, content_index: 0, delta });
  });
  const done: OutputItem = {
    type: 'message',
    role: 'assistant',
    id,
    content: [{ type: 'output_text', text, annotations: [] }],
  };
  parts.push({ type: 'response.output_item.done', output_index: 0, item: done });
  return parts;
}

/** A reasoning item with one summary part (and optional raw reasoning text) → reasoning item. */
export function reasoning(summary: string, opts: { raw?: string; id?: string } = {}): StreamPart[] {
  const id = opts.id ?? nextId('rs');
  const parts: StreamPart[] = [
    {
      type: 'response.output_item.added',
      output_index: 0,
      item: { type: 'reasoning', id, summary: [], encrypted_content: null },
    },
    { type: 'response.reasoning_summary_part.added', item_id: id, output_index: 0, summary_index: 0 },
  ];
  for (const delta of splitIntoChunks(summary, 2)) {
    parts.push({ type: 'response.reasoning_summary_text.delta', item_id: id, output_index: 0, summary_index: 0, delta });
  }
  if (opts.raw !== undefined) {
    parts.push({ type: 'response.reasoning_text.delta', item_id: id, output_index: 0, content_index: 0, delta: opts.raw });
  }
  const done: OutputItem = {
    type: 'reasoning',
    id,
    summary: [{ type: 'summary_text', text: summary }],
    encrypted_content: null,
    ...(opts.raw !== undefined ? { content: [{ type: 'reasoning_text' as const, text: opts.raw }] } : {}),
  };
  parts.push({ type: 'response.output_item.done', output_index: 0, item: done });
  return parts;
}

/** A function tool call; codex starts executing it at `output_item.done`. */
export function functionCall(name: string, args: Record<string, unknown>, opts: { callId?: string } = {}): StreamPart[] {
  const callId = opts.callId ?? nextId(`call_${name}`);
  const item: OutputItem = { type: 'function_call', id: nextId('fc'), name, call_id: callId, arguments: JSON.stringify(args) };
  return [
    { type: 'response.output_item.added', output_index: 0, item: { ...item, arguments: '' } },
    { type: 'response.output_item.done', output_index: 0, item },
  ];
}

/** Options of `execCommand`. */
export interface ExecOptions {
  callId?: string;
  /** How long codex waits for output before telling the model the process is still running. */
  yieldTimeMs?: number;
  /**
   * Ask for escalation (`sandbox_permissions: "require_escalated"`): codex then requests approval
   * under every approval policy except `never`, with this text as the request's `reason`.
   */
  justification?: string;
}

/** `exec_command` → commandExecution item (`source: "unifiedExecStartup"`, id = call id). */
export function execCommand(cmd: string, opts: ExecOptions = {}): StreamPart[] {
  const args: Record<string, unknown> = { cmd, yield_time_ms: opts.yieldTimeMs ?? 5000 };
  if (opts.justification !== undefined) {
    args['sandbox_permissions'] = 'require_escalated';
    args['justification'] = opts.justification;
  }
  return functionCall('exec_command', args, opts.callId !== undefined ? { callId: opts.callId } : {});
}

/** `exec_command` with escalation → `item/commandExecution/requestApproval` whose reason is `justification`. */
export function escalatedCommand(cmd: string, justification: string, opts: Omit<ExecOptions, 'justification'> = {}): StreamPart[] {
  return execCommand(cmd, { ...opts, justification });
}

/** Patch text (`*** Begin Patch` … `*** End Patch`) that adds one file with the given lines. */
export function addFilePatch(path: string, lines: readonly string[]): string {
  return ['*** Begin Patch', `*** Add File: ${path}`, ...lines.map((l) => `+${l}`), '*** End Patch'].join('\n');
}

/**
 * `apply_patch` through the exec heredoc route: codex intercepts it as a fileChange item (no
 * commandExecution), with any model slug.
 */
export function applyPatchViaExec(patch: string, opts: { callId?: string } = {}): StreamPart[] {
  return execCommand(`apply_patch <<'EOF'\n${patch}\nEOF\n`, opts.callId !== undefined ? { callId: opts.callId } : {});
}

/** The freeform `apply_patch` custom tool (offered with bundled slugs such as `gpt-5.5`) → fileChange. */
export function applyPatchTool(patch: string, opts: { callId?: string } = {}): StreamPart[] {
  const callId = opts.callId ?? nextId('call_patch');
  const id = nextId('ctc');
  return [
    { type: 'response.output_item.added', output_index: 0, item: { type: 'custom_tool_call', id, name: 'apply_patch', call_id: callId, input: '' } },
    { type: 'response.output_item.done', output_index: 0, item: { type: 'custom_tool_call', id, name: 'apply_patch', call_id: callId, input: patch } },
  ];
}

/** One step of an `update_plan` call. */
export interface PlanStep {
  step: string;
  status: 'pending' | 'in_progress' | 'completed';
}

/** `update_plan` → `turn/plan/updated` (no item). Needs `tools.update_plan.enabled` (codex-env sets it). */
export function updatePlan(plan: readonly PlanStep[], explanation = 'Working through the task.'): StreamPart[] {
  return functionCall('update_plan', { explanation, plan });
}

/** A question of `request_user_input`. */
export interface UserInputQuestion {
  id: string;
  header: string;
  question: string;
  options: { label: string; description: string }[];
}

/** `request_user_input` → `item/tool/requestUserInput` (outside Plan mode needs `default_mode_request_user_input`). */
export function requestUserInput(questions: readonly UserInputQuestion[], opts: { callId?: string } = {}): StreamPart[] {
  return functionCall('request_user_input', { questions }, opts);
}

/** A hosted web search call → webSearch item; nothing runs locally. */
export function webSearch(query: string, opts: { id?: string } = {}): StreamPart[] {
  const id = opts.id ?? nextId('ws');
  return [
    { type: 'response.output_item.added', output_index: 0, item: { type: 'web_search_call', id, status: 'in_progress' } },
    {
      type: 'response.output_item.done',
      output_index: 0,
      item: { type: 'web_search_call', id, status: 'completed', action: { type: 'search', query } },
    },
  ];
}

/** Numbers `output_index` by item, in order of first appearance, as a real stream would. */
function indexOutputs(parts: readonly StreamPart[]): StreamPart[] {
  const index = new Map<string, number>();
  const indexOf = (id: string): number => {
    if (!index.has(id)) index.set(id, index.size);
    return index.get(id) ?? 0;
  };
  return parts.map((p) => {
    if (p.type === 'response.output_item.added' || p.type === 'response.output_item.done') {
      return { ...p, output_index: indexOf(p.item.id) };
    }
    if ('item_id' in p) return { ...p, output_index: indexOf(p.item_id) };
    return p;
  });
}

/** A complete answer: `response.created`, the given items in order, `response.completed` with usage. */
export function response(...items: readonly StreamPart[][]): StreamPart[] {
  return responseWithUsage(DEFAULT_USAGE, ...items);
}

/** Like `response`, with explicit usage. */
export function responseWithUsage(usage: ResponseUsage, ...items: readonly StreamPart[][]): StreamPart[] {
  const id = nextId('resp');
  const created: ResponseEvent = { type: 'response.created', response: { id } };
  const completed: ResponseEvent = { type: 'response.completed', response: { id, usage } };
  return [created, ...indexOutputs(items.flat()), completed];
}

/**
 * A failed answer (`response.failed`). `context_length_exceeded` → `contextWindowExceeded`,
 * `insufficient_quota` → `usageLimitExceeded`, anything else → `other` (codex-app-server.md §8).
 */
export function failedResponse(code = 'context_length_exceeded', msg = 'Your input exceeds the context window of this model.'): StreamPart[] {
  const id = nextId('resp');
  return [
    { type: 'response.created', response: { id } },
    { type: 'response.failed', response: { id, error: { code, message: msg } } },
  ];
}
