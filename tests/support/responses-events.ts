/**
 * The OpenAI Responses API streaming events the scripted model sends, typed as codex 0.169.0 reads
 * them (codex-app-server.md §9.2). Codex takes the event type from the `data` JSON, so every event
 * carries its own `type`; the server also writes it on the `event:` line.
 */

/** Token usage reported in `response.completed` (feeds `thread/tokenUsage/updated`). */
export interface ResponseUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

/** An output item as it appears in `response.output_item.added` / `.done`. */
export type OutputItem =
  | { type: 'message'; role: 'assistant'; id: string; content: { type: 'output_text'; text: string; annotations: [] }[] }
  | {
      type: 'reasoning';
      id: string;
      summary: { type: 'summary_text'; text: string }[];
      content?: { type: 'reasoning_text'; text: string }[];
      encrypted_content: null;
    }
  | { type: 'function_call'; id: string; name: string; call_id: string; arguments: string }
  | { type: 'custom_tool_call'; id: string; name: string; call_id: string; input: string }
  | {
      type: 'web_search_call';
      id: string;
      status: 'in_progress' | 'completed';
      action?: { type: 'search'; query: string };
    };

/** One Responses API streaming event. */
export type ResponseEvent =
  | { type: 'response.created'; response: { id: string } }
  | { type: 'response.output_item.added'; output_index: number; item: OutputItem }
  | { type: 'response.output_item.done'; output_index: number; item: OutputItem }
  | { type: 'response.output_text.delta'; item_id: string; output_index: number; content_index: number; delta: string }
  | { type: 'response.reasoning_summary_part.added'; item_id: string; output_index: number; summary_index: number }
  | {
      type: 'response.reasoning_summary_text.delta';
      item_id: string;
      output_index: number;
      summary_index: number;
      delta: string;
    }
  | { type: 'response.reasoning_text.delta'; item_id: string; output_index: number; content_index: number; delta: string }
  | { type: 'response.completed'; response: { id: string; usage?: ResponseUsage } }
  | { type: 'response.failed'; response: { id: string; error: { code: string; message: string } } };

/** Renders one event as an SSE frame (`event:` + `data:` lines and a blank line). */
export function sseFrame(event: ResponseEvent): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

let counter = 0;

/**
 * A fresh id such as `msg_7`. Ids only need to be unique within one codex process (call ids end up as
 * item ids and in the model history), so a module counter is enough.
 */
export function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}_${counter}`;
}
