/**
 * Stores for the accessibility suites: each puts the app in one state worth checking with axe (every
 * transcript card kind, every request kind, every thread status, the connection states).
 */
import type { ItemRecord } from '../../../protocol/projections.ts';
import { approval, connection, item, thread, turn } from './builders.ts';
import { FakeStore } from './fake-store.ts';
import {
  boolField,
  elicitationRequest,
  enumField,
  fileChangeRequest,
  permissionsRequest,
  question,
  textField,
  userInputRequest,
} from './request-builders.ts';

/** The thread every state selects. */
export const THREAD = 'th';

const MARKDOWN = [
  '**Done.** Changed the [relay](https://example.com/relay) and ran the tests:',
  '',
  '- `npm test` passes',
  '- the bench is unchanged',
  '',
  '```ts',
  'export function add(a: number, b: number): number {',
  '  return a + b; // why: the test needs it',
  '}',
  '```',
].join('\n');

/** One code block per highlighted token family, so axe checks the contrast of each colour. */
const CODE_SAMPLES = [
  '```diff',
  'diff --git a/src/b.ts b/src/b.ts',
  '@@ -1 +1 @@',
  '-export const b = 1;',
  '+export const b = 2;',
  '```',
  '',
  '```python',
  '@cache',
  'def f(x: int = 3) -> str:',
  '    return f"{x!r}" + r"\\d+"  # comment',
  '```',
  '',
  '```json',
  '{"name": "okcode", "private": true, "version": 1, "tags": null}',
  '```',
  '',
  '```html',
  '<!doctype html><a href="/x" class="y">link</a>',
  '```',
  '',
  '```yaml',
  '# comment',
  'key: [1, "two", true]',
  '```',
].join('\n');

const LONG_OUTPUT = Array.from({ length: 400 }, (_, i) => `not ok ${i} - case ${i} failed: expected 1, got 2`).join('\n');

const DIFF = ['@@ -1,3 +1,3 @@', ' import { a } from "./a";', '-export const b = a + 1;', '+export const b = a + 2;', ' // end'].join('\n');

/**
 * One of each transcript card, over four turns: completed, failed, interrupted, running. (The first
 * turn's plan and diff are not shown by the transcript today; they are there for when it does.)
 */
function everyItem(): ItemRecord[] {
  const on = (itemId: string, turnId = 't1') => ({ itemId, threadId: THREAD, turnId });
  return [
    item({ kind: 'userMessage', text: 'Why does this fail?\n[image: /home/dev/project/screenshot.png]' }, on('u1')),
    item({ kind: 'reasoning', summary: ['**Reading** the failing test', 'The fixture is stale.'], content: ['raw thoughts'] }, on('r1')),
    item({ kind: 'reasoning', summary: ['**Checking** the relay'], content: [] }, on('r2')),
    item({ kind: 'commandExecution', command: 'npm test', cwd: '/home/dev/project', output: LONG_OUTPUT, exitCode: 1, durationMs: 5321, status: 'completed' }, on('c1')),
    item({ kind: 'commandExecution', command: 'git status', cwd: '/home/dev/project', output: 'nothing to commit', exitCode: 0, durationMs: 40, status: 'completed' }, on('c2')),
    item({ kind: 'commandExecution', command: 'rm -rf /', cwd: '/', output: '', exitCode: null, durationMs: null, status: 'declined' }, on('c3')),
    item({ kind: 'fileChange', status: 'completed', changes: [
      { path: '/home/dev/project/src/b.ts', kind: 'update', movePath: null, diff: DIFF },
      { path: '/home/dev/project/src/new.ts', kind: 'add', movePath: null, diff: 'export const x = 1;\n' },
      { path: '/home/dev/project/src/old.ts', kind: 'delete', movePath: null, diff: 'export const y = 2;\n' },
    ] }, on('f1')),
    item({ kind: 'mcpToolCall', server: 'docs', tool: 'lookup', arguments: '{\n  "q": "relay"\n}', status: 'completed', result: 'Found 3 pages', error: null, durationMs: 812, progress: null }, on('m1')),
    item({ kind: 'mcpToolCall', server: 'docs', tool: 'fetch', arguments: '{}', status: 'failed', result: null, error: 'timed out', durationMs: 30000, progress: null }, on('m2')),
    item({ kind: 'webSearch', query: 'lit virtualizer scroll anchoring', action: { type: 'search', queries: ['lit virtualizer scroll anchoring'] } }, on('w1')),
    item({ kind: 'imageView', path: '/home/dev/project/screenshot.png' }, on('i1')),
    item({ kind: 'plan', text: '1. Fix the fixture\n2. Re-run the tests' }, on('p1')),
    item({ kind: 'contextCompaction' }, on('x1')),
    // A record damaged in storage (its text is a number): the card shows a placeholder.
    { ...item({ kind: 'userMessage', text: '' }, on('z1')), text: 42 } as unknown as ItemRecord,
    item({ kind: 'agentMessage', text: `${MARKDOWN}\n\n${CODE_SAMPLES}` }, on('a1')),
    item({ kind: 'userMessage', text: 'Try again' }, on('u2', 't2')),
    item({ kind: 'userMessage', text: 'Stop that' }, on('u4', 't4')),
    item({ kind: 'userMessage', text: 'Now the docs' }, on('u3', 't3')),
    item({ kind: 'commandExecution', command: 'npm run docs', cwd: '/home/dev/project', output: 'building…', exitCode: null, durationMs: null, status: 'inProgress' }, { ...on('c4', 't3'), streaming: true }),
    item({ kind: 'agentMessage', text: `${MARKDOWN}\n\nStill wri` }, { ...on('a2', 't3'), streaming: true }),
  ];
}

/** The selected thread showing every card kind: completed, failed and running turns. */
export function everyCardStore(): FakeStore {
  const store = new FakeStore();
  store.state.connection.set(connection('ready', { codexVersion: '0.169.0', bridgeVersion: '0.1.0', cwd: '/home/dev/project' }));
  store.state.threads.set([
    thread({
      id: THREAD,
      name: 'Fix the relay',
      status: 'working',
      activeTurnId: 't3',
      tokenUsage: {
        total: { total: 52_000, input: 40_000, cachedInput: 20_000, output: 12_000, reasoningOutput: 3_000 },
        last: { total: 9_000, input: 8_000, cachedInput: 4_000, output: 1_000, reasoningOutput: 200 },
        contextWindow: 200_000,
      },
      notices: [{ kind: 'warning', message: 'The model was rerouted.', details: null }],
    }),
  ]);
  store.state.selectedThreadId.set(THREAD);
  store.state.items.set(everyItem());
  store.state.turns.set([
    turn({
      threadId: THREAD,
      turnId: 't1',
      diff: `diff --git a/src/b.ts b/src/b.ts\n--- a/src/b.ts\n+++ b/src/b.ts\n${DIFF}\n`,
      plan: { explanation: 'Small steps.', steps: [{ step: 'Read', status: 'completed' }, { step: 'Fix', status: 'inProgress' }, { step: 'Test', status: 'pending' }] },
    }),
    turn({
      threadId: THREAD,
      turnId: 't2',
      status: 'failed',
      error: 'Rate limited.',
      errorInfo: { message: 'Rate limit reached', code: 'usageLimitExceeded', httpStatus: 429, details: 'Try again in 20 minutes.' },
    }),
    turn({ threadId: THREAD, turnId: 't4', status: 'interrupted' }),
    turn({ threadId: THREAD, turnId: 't3', status: 'inProgress' }),
  ]);
  store.state.lastError.set('Could not send the message: the bridge closed the connection.');
  const unsent = { threadId: THREAD, createdAt: 1_700_000_000_000, overrides: null, images: [], rev: 1 };
  store.state.outbox.set([
    { ...unsent, id: 'o1', text: 'Queued after the turn', afterTurn: true, state: 'queued', error: null },
    { ...unsent, id: 'o2', text: 'Refused by codex', afterTurn: false, state: 'failed', error: 'thread not found' },
  ]);
  store.state.drafts.set(new Map([[THREAD, 'A draft in progress']]));
  return store;
}

/** A one-pixel PNG, as a file the composer accepts (pasted or dropped). */
export function pngFile(): File {
  const png = atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==');
  return new File([Uint8Array.from(png, (c) => c.charCodeAt(0))], 'dot.png', { type: 'image/png' });
}

/** The selected thread waiting on one request of each kind (command, file change, questions, permissions, MCP). */
export function everyRequestStore(): FakeStore {
  const store = new FakeStore();
  store.state.threads.set([thread({ id: THREAD, name: 'Needs answers', status: 'waitingOnApproval' })]);
  store.state.selectedThreadId.set(THREAD);
  store.state.items.set([item({ kind: 'userMessage', text: 'Clean the build' }, { itemId: 'u1', threadId: THREAD })]);
  const meta = { threadId: THREAD } as const;
  store.state.approvals.set([
    approval({ ...meta, requestKey: 'n:1', reason: 'Needs to delete the build folder.', execPolicyAmendment: ['rm', '-rf', 'build'], networkHost: 'registry.npmjs.org', networkAmendments: [{ host: 'registry.npmjs.org', action: 'allow' }] }),
    fileChangeRequest({ ...meta, reason: 'Fix the typo', grantRoot: '/home/dev/project' }),
    userInputRequest(
      [
        question({ id: 'color', options: [{ label: 'Red (Recommended)', description: 'warm' }, { label: 'Blue', description: 'cool' }], isOther: true }),
        question({ id: 'token', header: 'Token', question: 'Your API token?', isSecret: true }),
      ],
      meta,
    ),
    permissionsRequest(meta),
    elicitationRequest({ mode: 'form', fields: [textField('name', { required: true }), boolField('subscribe'), enumField('size', ['s', 'm', 'l'])] }, meta),
    elicitationRequest({ mode: 'toolApproval', toolName: 'lookup', toolParams: '{\n  "q": "relay"\n}' }, { ...meta, requestKey: 'n:6', message: 'Allow the docs server to run lookup?' }),
    elicitationRequest({ mode: 'url', url: 'https://example.com/login' }, { ...meta, requestKey: 'n:7', message: 'Sign in to continue' }),
    approval({ ...meta, requestKey: 'n:8', itemId: 'cmd-2', state: 'answered', decision: { kind: 'commandExecution', decision: 'decline' } }),
  ]);
  return store;
}

/** Threads in every status, in three projects, two unread and two archived. */
export function threadListStore(): FakeStore {
  const store = new FakeStore();
  store.state.threads.set([
    thread({ id: 'idle', name: 'Idle thread', updatedAt: 1_700_000_900 }),
    thread({ id: 'working', preview: 'Refactor the relay', status: 'working', updatedAt: 1_700_000_800 }),
    thread({ id: 'approval', name: 'Waits for approval', status: 'waitingOnApproval', updatedAt: 1_700_000_700 }),
    thread({ id: 'input', name: 'Waits for an answer', status: 'waitingOnUserInput', cwd: '/srv/app', updatedAt: 1_700_000_600 }),
    thread({ id: 'failed', name: 'Broken', status: 'systemError', cwd: '/srv/app', updatedAt: 1_700_000_500 }),
    thread({ id: 'cold', preview: 'From the CLI', status: 'notLoaded', cwd: '', updatedAt: 1_700_000_400 }),
    thread({ id: 'old', name: 'Archived relay work', archived: true, updatedAt: 1_700_000_300 }),
    thread({ id: 'old2', preview: 'Archived and failed', archived: true, status: 'systemError', updatedAt: 1_700_000_200 }),
  ]);
  store.state.selectedThreadId.set('idle');
  store.state.unread.set(new Set(['working', 'failed']));
  store.api.search = async () => [
    { threadId: 'working', itemId: 'i1', snippet: '…the relay drops frames when…' },
    { threadId: 'failed', itemId: null, snippet: 'Broken relay' },
  ];
  return store;
}
