/**
 * More scenarios for `scripts/record-fixtures.ts`, beyond fixture-scenarios.ts: each may bring its own
 * scripted model, codex config, workspace files and a step after the turn (for frames that trail it,
 * such as a background command completing). They exist to record the protocol edge cases the engine
 * must handle (codex-app-server.md §4–§6): steer, background commands, retries, every request kind.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodexClient } from './codex-client.ts';
import type { CodexEnv, CodexEnvOptions } from './codex-env.ts';
import { REPO_ROOT } from './codex-paths.ts';
import { isNotification, isServerRequest, type Frame } from './codex-frames.ts';
import type { TurnHandle } from './codex-turns.ts';
import type { FixtureScenario } from './fixture-scenarios.ts';
import type { ModelRequest } from './model-request.ts';
import type { OutputItem } from './responses-events.ts';
import { execCommand, failedResponse, functionCall, message, response } from './script-builders.ts';
import type { ScriptStep, StreamPart } from './script-step.ts';

/** A scenario with its own model script and setup. */
export interface ExtraScenario extends FixtureScenario {
  /** The scripted model's answers (default: the default script). Gets the scratch env for paths. */
  script?: (env: CodexEnv) => (req: ModelRequest) => ScriptStep;
  /** Codex config options (merged over the recorder's). */
  env?: Omit<CodexEnvOptions, 'modelUrl' | 'name'>;
  /** Files to create before the turn (paths relative to the workspace). */
  files?: Record<string, Buffer | string>;
  /** Extra `turn/start` params. */
  turn?: Record<string, unknown>;
  /** `capabilities.experimentalApi` for the recorder's client. */
  experimentalApi?: boolean;
  /** Extra `codex app-server` arguments (e.g. `-c key=value` overrides). */
  clientArgs?: string[];
  /** Runs after `turn/completed`, before the settle (wait for trailing frames). */
  after?: (client: CodexClient, turn: TurnHandle) => Promise<void>;
}

/** A 1×1 transparent PNG. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const MCP_SERVER = join(REPO_ROOT, 'tests', 'support', 'mcp-demo-server.mjs');

/** A tool then a closing message: step 0 calls the tool, any later step says `done`. */
function toolThenMessage(tool: StreamPart[], done: (req: ModelRequest) => string) {
  return (req: ModelRequest): ScriptStep => (req.step === 0 ? response(tool) : response(message(done(req), { chunks: 2 })));
}

/** An MCP tool call as the model makes it: the tool name, and the server as a namespace. */
function mcpCall(server: string, tool: string, args: Record<string, unknown>): StreamPart[] {
  const item = { type: 'function_call' as const, id: 'fc_mcp1', name: tool, namespace: `mcp__${server}`, call_id: 'call_mcp1', arguments: JSON.stringify(args) };
  const added: OutputItem = { ...item, arguments: '' };
  const done: OutputItem = item;
  return [
    { type: 'response.output_item.added', output_index: 0, item: added },
    { type: 'response.output_item.done', output_index: 0, item: done },
  ];
}

async function steerAfterFirstDelta(client: CodexClient, turn: TurnHandle): Promise<void> {
  await client.waitFor((f) => isNotification(f, 'item/agentMessage/delta'), 15_000, turn.from);
  await client.request('turn/steer', {
    threadId: turn.threadId,
    expectedTurnId: turn.turnId,
    input: [{ type: 'text', text: 'Also mention otters', text_elements: [] }],
  });
}

async function waitForCommandCompleted(client: CodexClient, turn: TurnHandle): Promise<void> {
  await client.waitFor(
    (f) => isNotification(f, 'item/completed') && f.params.item.type === 'commandExecution',
    15_000,
    turn.from,
  );
}

async function interruptWhileAsking(client: CodexClient, turn: TurnHandle): Promise<void> {
  await client.waitFor((f) => isServerRequest(f, 'item/commandExecution/requestApproval'), 15_000, turn.from);
  await client.request('turn/interrupt', { threadId: turn.threadId, turnId: turn.turnId });
}

async function compactAfterTurn(client: CodexClient, turn: TurnHandle): Promise<void> {
  await client.request('thread/compact/start', { threadId: turn.threadId });
  await client.waitFor(
    (f) => isNotification(f, 'item/completed') && f.params.item.type === 'contextCompaction',
    20_000,
    turn.from,
  );
}

/** Client actions on a thread that had a turn, each followed by what codex notifies. */
async function threadActions(client: CodexClient, turn: TurnHandle): Promise<void> {
  const { threadId } = turn;
  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 150));
  await client.request('thread/name/set', { threadId, name: 'Renamed by the recorder' });
  await client.request('thread/archive', { threadId });
  await client.request('thread/unarchive', { threadId });
  await client.request('thread/resume', { threadId });
  await client.request('account/login/start', { type: 'apiKey', apiKey: 'sk-recorder-not-a-real-key' });
  await settle();
  await client.request('thread/delete', { threadId }).catch(() => undefined);
  await settle();
}

/** Grants exactly what a permissions request asked for, for the turn. */
function grantRequested(f: Frame): unknown {
  if (!isServerRequest(f, 'item/permissions/requestApproval')) return { permissions: {}, scope: 'turn' };
  const { network, fileSystem } = f.params.permissions;
  return { permissions: { ...(network ? { network } : {}), ...(fileSystem ? { fileSystem } : {}) }, scope: 'turn' };
}

/** Approves the MCP tool call, then fills the form the tool asks for. */
function answerElicitation(f: Frame): unknown {
  if (!isServerRequest(f, 'mcpServer/elicitation/request')) return { decision: 'accept' };
  const meta = f.params._meta;
  const isToolApproval = typeof meta === 'object' && meta !== null && !Array.isArray(meta) && meta['codex_approval_kind'] === 'mcp_tool_call';
  return isToolApproval
    ? { action: 'accept', content: {}, _meta: null }
    : { action: 'accept', content: { name: 'Ada', excited: true }, _meta: null };
}

/** All extra scenarios, in recording order. */
export const EXTRA_SCENARIOS: readonly ExtraScenario[] = [
  {
    name: 'steer',
    turnStatus: 'completed',
    description: '`[slow:150]` steered after the first delta → that agentMessage never completes; steered userMessage, new reply',
    thread: {},
    prompt: '[slow:150] A long answer, please',
    during: steerAfterFirstDelta,
  },
  {
    name: 'background-command',
    turnStatus: 'completed',
    description: 'a command that outlives `yield_time_ms` → turn completes first, its outputDelta and item/completed come after',
    thread: {},
    prompt: 'Run the ticker in the background',
    script: () => toolThenMessage(execCommand('for i in 1 2 3 4; do echo tick$i; sleep 0.4; done', { yieldTimeMs: 300 }), () => 'The ticker runs in the background.'),
    after: waitForCommandCompleted,
  },
  {
    name: 'turn-retry',
    turnStatus: 'failed',
    description: 'a stream that keeps failing with `stream_max_retries = 2` → `error` willRetry ×2, then the final error, turn `failed`',
    thread: {},
    prompt: 'This will not work',
    clientArgs: ['-c', 'model_providers.scripted.stream_max_retries=2'],
    script: () => () => failedResponse('server_error', 'The scripted upstream broke.'),
  },
  {
    name: 'approval-interrupted',
    turnStatus: 'interrupted',
    description: '`[cmd:…]` under untrusted, interrupted while the approval is pending → no item/completed, turn `interrupted`, then serverRequest/resolved',
    thread: { approvalPolicy: 'untrusted', sandbox: 'workspace-write' },
    prompt: '[cmd:echo never-runs]',
    during: interruptWhileAsking,
  },
  {
    name: 'context-compaction',
    turnStatus: 'completed',
    description: 'a turn, then `thread/compact/start` → a second turn with a contextCompaction item',
    thread: {},
    prompt: 'Hello before compaction',
    after: compactAfterTurn,
  },
  {
    name: 'thread-lifecycle',
    turnStatus: 'completed',
    description:
      'an unknown model slug (warning), a turn, then rename, archive, unarchive, resume (deprecationNotice), API-key login (account/updated), delete',
    thread: {},
    prompt: 'Hello before the thread actions',
    env: { model: 'gpt-mock' },
    after: threadActions,
  },
  {
    name: 'command-approval-always',
    turnStatus: 'completed',
    description: '`[cmd:echo hello-okc]` under untrusted → accepted with the proposed exec-policy amendment',
    thread: { approvalPolicy: 'untrusted', sandbox: 'workspace-write' },
    prompt: '[cmd:echo hello-okc]',
    answer: () => ({ decision: { acceptWithExecpolicyAmendment: { execpolicy_amendment: ['echo', 'hello-okc'] } } }),
  },
  {
    name: 'file-change-decline',
    turnStatus: 'completed',
    description: '`[patch]` under untrusted → file change declined → item `declined`, the turn goes on',
    thread: { approvalPolicy: 'untrusted', sandbox: 'workspace-write' },
    prompt: '[patch]',
    answer: () => ({ decision: 'decline' }),
  },
  {
    name: 'permissions',
    turnStatus: 'completed',
    description: '`request_permissions` (feature `request_permissions_tool`) → item/permissions/requestApproval, granted for the turn',
    thread: {},
    prompt: 'I need more permissions',
    env: { features: { request_permissions_tool: true } },
    script: (env) =>
      toolThenMessage(
        functionCall('request_permissions', { reason: 'Need to write the build folder', permissions: { file_system: { write: [join(env.workDir, 'build')] } } }),
        // why: not the tool output itself: it holds the scratch path, which a delta could split.
        (req) => ((req.toolOutputs[0] ?? '').includes('"scope":"turn"') ? 'Granted for this turn.' : 'Not granted.'),
      ),
    answer: grantRequested,
  },
  {
    name: 'image-view',
    turnStatus: 'completed',
    description: '`view_image` of a PNG in the workspace → imageView item',
    thread: {},
    prompt: 'Look at pixel.png',
    files: { 'pixel.png': PIXEL_PNG },
    script: (env) => toolThenMessage(functionCall('view_image', { path: join(env.workDir, 'pixel.png') }), () => 'I looked at the image.'),
  },
  {
    name: 'mcp-elicitation',
    turnStatus: 'completed',
    description: 'an MCP tool (demo server) → tool-call approval elicitation (accepted), then the tool’s own form elicitation (name: Ada) → mcpToolCall completed',
    thread: {},
    prompt: 'Ask me my name',
    env: {
      extraToml: `[mcp_servers.demo]\ncommand = "node"\nargs = [${JSON.stringify(MCP_SERVER)}]`,
    },
    script: () => toolThenMessage(mcpCall('demo', 'ask_name', {}), (req) => `The tool said: ${req.toolOutputs[0] ?? ''}`),
    answer: answerElicitation,
  },
  {
    name: 'plan-item',
    turnStatus: 'completed',
    description: 'Plan mode (experimentalApi + collaborationMode plan) → agentMessage + plan item with item/plan/delta',
    thread: {},
    prompt: 'Plan the change',
    experimentalApi: true,
    turn: { collaborationMode: { mode: 'plan', settings: { model: 'gpt-5.5', reasoning_effort: null, developer_instructions: null } } },
    script: () => () => response(message('Here is the plan.\n<proposed_plan>\n1. Read the code\n2. Change it\n</proposed_plan>\n', { chunks: 4 })),
  },
];

/** Writes a scenario's files into the workspace. */
export function writeScenarioFiles(env: CodexEnv, scenario: ExtraScenario): void {
  for (const [path, content] of Object.entries(scenario.files ?? {})) writeFileSync(join(env.workDir, path), content);
}
