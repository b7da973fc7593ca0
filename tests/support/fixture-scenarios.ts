/**
 * The scenarios `scripts/record-fixtures.ts` records from the real codex into
 * `tests/fixtures/codex/<name>.jsonl`. Each runs in a fresh codex + scratch workspace: initialize,
 * `thread/start`, one `turn/start` with a default-script prompt, answers to any server request, until
 * `turn/completed` (plus a short settle for frames that trail it).
 */
import type { ThreadStartParams } from '../../protocol/codex/_generated/v2/ThreadStartParams.ts';
import type { CodexClient } from './codex-client.ts';
import { isNotification, type Frame } from './codex-frames.ts';
import type { TurnHandle } from './codex-turns.ts';

/** One recorded scenario. */
export interface FixtureScenario {
  /** File name without `.jsonl`. */
  name: string;
  /** What it shows, for the fixtures README. */
  description: string;
  /** `thread/start` params (the recorder adds `cwd`). */
  thread: Omit<ThreadStartParams, 'cwd'>;
  /** The prompt (default-script markers decide the behaviour). */
  prompt: string;
  /** The result to send for a server request (omit: never answered). */
  answer?: (request: Frame) => unknown;
  /** Runs while the turn is in flight (e.g. interrupt it). */
  during?: (client: CodexClient, turn: TurnHandle) => Promise<void>;
  /** The `turn/completed` status the recording must end with (checked when recording and in tests). */
  turnStatus: 'completed' | 'failed' | 'interrupted';
}

const untrusted: Omit<ThreadStartParams, 'cwd'> = { approvalPolicy: 'untrusted', sandbox: 'workspace-write' };

async function interruptAfterFirstDelta(client: CodexClient, turn: TurnHandle): Promise<void> {
  await client.waitFor((f) => isNotification(f, 'item/agentMessage/delta'), 15_000, turn.from);
  await client.request('turn/interrupt', { threadId: turn.threadId, turnId: turn.turnId });
}

/** All scenarios, in recording order. */
export const FIXTURE_SCENARIOS: readonly FixtureScenario[] = [
  {
    name: 'text-turn',
    turnStatus: 'completed',
    description: 'plain prompt → streamed markdown agentMessage, turn completed',
    thread: {},
    prompt: 'Hello from the fixture recorder',
  },
  {
    name: 'command-approval-accept',
    turnStatus: 'completed',
    description: '`[cmd:echo hello-okc]` under untrusted → commandExecution approval, accepted → runs, follow-up message',
    thread: untrusted,
    prompt: '[cmd:echo hello-okc]',
    answer: () => ({ decision: 'accept' }),
  },
  {
    name: 'command-approval-decline',
    turnStatus: 'completed',
    description: 'same, declined → commandExecution `declined`, the turn continues with a message',
    thread: untrusted,
    prompt: '[cmd:echo hello-okc]',
    answer: () => ({ decision: 'decline' }),
  },
  {
    name: 'command-approval-cancel',
    turnStatus: 'interrupted',
    description: 'same, cancelled → commandExecution `declined`, turn `interrupted`',
    thread: untrusted,
    prompt: '[cmd:echo hello-okc]',
    answer: () => ({ decision: 'cancel' }),
  },
  {
    name: 'turn-failed',
    turnStatus: 'failed',
    description: '`[fail]` → status systemError, `error` (contextWindowExceeded), turn `failed`',
    thread: {},
    prompt: '[fail]',
  },
  {
    name: 'file-change',
    turnStatus: 'completed',
    description: '`[patch]` under untrusted → fileChange item + approval, accepted → hello.txt added, turn/diff/updated',
    thread: untrusted,
    prompt: '[patch]',
    answer: () => ({ decision: 'accept' }),
  },
  {
    name: 'plan-update',
    turnStatus: 'completed',
    description: '`[plan]` → turn/plan/updated (no item), then a message',
    thread: {},
    prompt: '[plan]',
  },
  {
    name: 'reasoning',
    turnStatus: 'completed',
    description: '`[reason]` → reasoning item (summary + raw deltas), then the echo message',
    thread: {},
    prompt: '[reason] Why is the sky blue?',
  },
  {
    name: 'user-input',
    turnStatus: 'completed',
    description: '`[ask]` → item/tool/requestUserInput, answered `Blue` → message quoting the answer',
    thread: {},
    prompt: '[ask]',
    answer: () => ({ answers: { color: { answers: ['Blue'] } } }),
  },
  {
    name: 'web-search',
    turnStatus: 'completed',
    description: '`[search]` → webSearch item, then the echo message',
    thread: {},
    prompt: '[search] otters',
  },
  {
    name: 'turn-interrupted',
    turnStatus: 'interrupted',
    description: '`[slow:200]` interrupted after the first delta → agentMessage never completes, turn `interrupted`',
    thread: {},
    prompt: '[slow:200] A long answer, please',
    during: interruptAfterFirstDelta,
  },
];
