/**
 * What the scripted model answers in the benchmarks (everything else goes to the default script):
 * - `[bench-stream:N:MARKER]`: one agent message streamed as N token-sized deltas at full speed, the
 *   last of which is exactly MARKER (so "MARKER is on screen" means "the last delta is rendered").
 * - `[bench-record]`: a long multi-step turn for the ingest recording: per step a reasoning summary,
 *   a long message and an escalated command (an approval, a command item with output), then a
 *   final message.
 */
import { defaultScript } from '../../support/default-script.ts';
import type { ModelRequest } from '../../support/model-request.ts';
import { nextId, type OutputItem } from '../../support/responses-events.ts';
import { escalatedCommand, reasoning, response } from '../../support/script-builders.ts';
import type { StreamPart } from '../../support/script-step.ts';

const WORDS = [
  ' the', ' stream', ' of', ' tokens', ' keeps', ' coming', ',', ' and', ' each', ' one', ' is', ' a', ' small',
  ' piece', ' of', ' text', ' like', ' a', ' real', ' model', ' sends', '.', ' Then', ' it', ' goes', ' on',
  ' with', ' `code`', ' and', ' **bold**', ' words', ' in', ' between', ';', ' nothing', ' fancy', '.',
];

/** Deterministic token-sized pieces of markdown-ish prose (paragraphs and an occasional list). */
export function tokens(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = WORDS[i % WORDS.length] ?? ' x';
    if (i % 97 === 96) t += '\n\n';
    else if (i % 389 === 388) t += '\n\n- a list item';
    out.push(t);
  }
  return out;
}

/** An assistant message streamed as the given deltas, one `output_text.delta` each. */
export function messageOfDeltas(deltas: readonly string[]): StreamPart[] {
  const id = nextId('msg');
  const parts: StreamPart[] = [
    { type: 'response.output_item.added', output_index: 0, item: { type: 'message', role: 'assistant', id, content: [] } },
  ];
  for (const delta of deltas) parts.push({ type: 'response.output_text.delta', item_id: id, output_index: 0, content_index: 0, delta });
  const done: OutputItem = { type: 'message', role: 'assistant', id, content: [{ type: 'output_text', text: deltas.join(''), annotations: [] }] };
  parts.push({ type: 'response.output_item.done', output_index: 0, item: done });
  return parts;
}

/** The prompt that makes the model stream `count` deltas ending with `marker`. */
export function streamPrompt(count: number, marker: string): string {
  return `[bench-stream:${count}:${marker}] stream please`;
}

export const RECORD_PROMPT = '[bench-record] a long turn, please';
/** Steps of the recorded turn that end in a command; then one final message. */
export const RECORD_STEPS = 4;
/** Deltas per step message, chosen so the whole turn gives about 100k frames. */
export const RECORD_DELTAS_PER_STEP = 24_000;
export const RECORD_FINAL_DELTAS = 4_000;
/** The command each step runs (its output becomes command output deltas). */
export const RECORD_COMMAND = 'seq 1 3000';

function recordStep(req: ModelRequest): StreamPart[] {
  if (req.step >= RECORD_STEPS) return response(messageOfDeltas(tokens(RECORD_FINAL_DELTAS)));
  return response(
    reasoning(`**Step ${req.step + 1}** of the long benchmark turn`),
    messageOfDeltas(tokens(RECORD_DELTAS_PER_STEP)),
    escalatedCommand(RECORD_COMMAND, 'the benchmark wants command output'),
  );
}

/** The benchmarks' script. */
export function benchScript(req: ModelRequest): readonly StreamPart[] {
  const text = req.lastUserText;
  const stream = /\[bench-stream:(\d+):([A-Za-z0-9_-]+)\]/.exec(text);
  if (stream?.[1] !== undefined && stream[2] !== undefined) {
    const deltas = tokens(Number(stream[1]) - 1);
    deltas.push(` ${stream[2]}`);
    return response(messageOfDeltas(deltas));
  }
  if (text.includes('[bench-record]')) return recordStep(req);
  return defaultScript(req);
}
