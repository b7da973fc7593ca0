/**
 * Table-driven: every frame sequence recorded from the real codex (tests/fixtures/codex) folded through
 * ingest and the reducers, with what the projection must then say. Folding deep-freezes every input,
 * so these also prove nothing is mutated.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApprovalRecord, ItemRecord, ThreadRecord, TurnRecord } from '../../../protocol/projections.ts';
import type { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { fixtureNames, foldFrames, readFixture } from './fold.ts';

interface Folded {
  store: ProjectionStore;
  thread: ThreadRecord;
  items: ItemRecord[];
  turns: TurnRecord[];
  requests: ApprovalRecord[];
}

function fold(name: string, upTo?: (f: Record<string, unknown>) => boolean): Folded {
  const frames = readFixture(name);
  const end = upTo ? frames.findIndex(upTo) + 1 : frames.length;
  const r = foldFrames(frames.slice(0, end));
  assert.deepEqual([r.unknown, r.malformed, r.refused], [[], [], []], 'every frame understood');
  const [thread] = r.store.allThreads();
  assert.ok(thread, 'a thread');
  return { store: r.store, thread, items: r.store.itemsOf(thread.id), turns: r.store.turnsOf(thread.id), requests: r.store.allApprovals() };
}

const only = <K extends ItemRecord['kind']>(f: Folded, kind: K): Extract<ItemRecord, { kind: K }>[] =>
  f.items.filter((i): i is Extract<ItemRecord, { kind: K }> => i.kind === kind);
const one = <K extends ItemRecord['kind']>(f: Folded, kind: K): Extract<ItemRecord, { kind: K }> => {
  const [i, ...rest] = only(f, kind);
  assert.ok(i && rest.length === 0, `exactly one ${kind}`);
  return i;
};
const request = <K extends ApprovalRecord['kind']>(f: Folded, kind: K, n = 0): Extract<ApprovalRecord, { kind: K }> => {
  const r = f.requests.filter((x): x is Extract<ApprovalRecord, { kind: K }> => x.kind === kind)[n];
  assert.ok(r, `request ${kind} #${n}`);
  return r;
};
const method = (m: string) => (f: Record<string, unknown>) => f['method'] === m;

const cases: Record<string, (f: Folded) => void> = {
  'text-turn': (f) => {
    assert.deepEqual(f.items.map((i) => i.kind), ['userMessage', 'agentMessage']);
    assert.match(one(f, 'agentMessage').text, /^\*\*Echo:\*\* Hello from the fixture recorder/);
    assert.ok((f.thread.tokenUsage?.total.total ?? 0) > 0, 'token usage');
  },
  'command-approval-accept': (f) => {
    const c = one(f, 'commandExecution');
    assert.deepEqual([c.status, c.exitCode, c.output], ['completed', 0, 'hello-okc\n']);
    const r = request(f, 'commandExecution');
    assert.deepEqual([r.execPolicyAmendment, r.reason, r.state], [['echo', 'hello-okc'], 'OK Code test wants to run a command', 'resolved']);
  },
  'command-approval-decline': (f) => assert.equal(one(f, 'commandExecution').status, 'declined'),
  'command-approval-cancel': (f) => {
    assert.equal(one(f, 'commandExecution').status, 'declined');
    assert.equal(f.turns[0]?.status, 'interrupted');
  },
  'command-approval-always': (f) => {
    assert.equal(one(f, 'commandExecution').status, 'completed');
    assert.deepEqual(request(f, 'commandExecution').execPolicyAmendment, ['echo', 'hello-okc']);
  },
  'approval-interrupted': (f) => {
    assert.equal(one(f, 'commandExecution').status, 'interrupted', 'never completed: closed by the turn');
    assert.equal(request(f, 'commandExecution').state, 'resolved');
    assert.equal(f.turns[0]?.status, 'interrupted');
  },
  'turn-failed': (f) => {
    const t = f.turns[0];
    assert.equal(t?.status, 'failed');
    assert.equal(t?.errorInfo?.code, 'contextWindowExceeded');
    assert.match(t?.error ?? '', /context window/);
    assert.equal(f.thread.status, 'systemError');
  },
  'turn-retry': (f) => {
    const t = f.turns[0];
    assert.deepEqual([t?.status, t?.errorInfo?.code, t?.retrying], ['failed', 'other', null]);
  },
  'file-change': (f) => {
    const c = one(f, 'fileChange');
    assert.deepEqual(c.changes, [{ path: '/WORKDIR/hello.txt', kind: 'add', movePath: null, diff: 'hello from OK Code\n' }]);
    assert.equal(c.status, 'completed');
    assert.match(f.turns[0]?.diff ?? '', /\+hello from OK Code/);
    assert.equal(request(f, 'fileChange').state, 'resolved');
  },
  'file-change-decline': (f) => assert.equal(one(f, 'fileChange').status, 'declined'),
  'plan-update': (f) => {
    assert.deepEqual(f.turns[0]?.plan?.steps.map((s) => s.status), ['completed', 'inProgress', 'pending']);
    assert.equal(f.turns[0]?.plan?.explanation, 'Working through the task.');
  },
  reasoning: (f) => {
    const r = one(f, 'reasoning');
    assert.deepEqual([r.summary, r.content], [['**Thinking** about the request'], ['raw reasoning text']]);
  },
  'user-input': (f) => {
    const [q] = request(f, 'userInput').questions;
    assert.deepEqual([q?.id, q?.options.map((o) => o.label), q?.isOther, q?.isSecret], ['color', ['Red (Recommended)', 'Blue'], true, false]);
  },
  'web-search': (f) => {
    const w = one(f, 'webSearch');
    assert.deepEqual([w.query, w.action], ['otters', { type: 'search', queries: ['otters'] }]);
  },
  'turn-interrupted': (f) => {
    assert.equal(f.turns[0]?.status, 'interrupted');
    assert.match(one(f, 'agentMessage').text, /^\*\*Echo:\*\* A long an/);
  },
  steer: (f) => {
    assert.deepEqual(f.items.map((i) => i.kind), ['userMessage', 'agentMessage', 'userMessage', 'agentMessage']);
    const [preempted, reply] = only(f, 'agentMessage');
    assert.ok(preempted && reply);
    assert.doesNotMatch(preempted.text, /otters/, 'the preempted reply keeps what streamed');
    assert.match(reply.text, /^\*\*Echo:\*\* Also mention otters/);
  },
  'background-command': (f) => {
    const c = one(f, 'commandExecution');
    assert.deepEqual([c.status, c.exitCode, c.streaming], ['completed', 0, false]);
    assert.match(c.output, /tick1\ntick2\ntick3\ntick4/);
  },
  permissions: (f) => {
    const r = request(f, 'permissions');
    assert.deepEqual(r.lines, [{ access: 'write', target: '/WORKDIR/build' }]);
    assert.equal(r.reason, 'Need to write the build folder');
  },
  'image-view': (f) => assert.equal(one(f, 'imageView').path, '/WORKDIR/pixel.png'),
  'mcp-elicitation': (f) => {
    const approval = request(f, 'mcpElicitation', 0);
    assert.deepEqual(approval.form, { mode: 'toolApproval', toolName: 'ask_name', toolParams: '{}' });
    const form = request(f, 'mcpElicitation', 1).form;
    assert.equal(form.mode, 'form');
    assert.deepEqual(form.mode === 'form' && form.fields.map((x) => [x.name, x.type, x.required]), [['excited', 'boolean', false], ['name', 'string', true]]);
    const call = one(f, 'mcpToolCall');
    assert.deepEqual([call.server, call.tool, call.status, call.result], ['demo', 'ask_name', 'completed', 'Hello Ada!']);
  },
  'thread-lifecycle': (f) => {
    const t = f.thread;
    assert.deepEqual([t.name, t.archived, t.deleted, t.status], ['Renamed by the recorder', false, true, 'notLoaded']);
    assert.match(t.notices[0]?.message ?? '', /Model metadata for `gpt-mock` not found/);
    const server = f.store.server();
    assert.deepEqual([server?.authMode, server?.lastLogin], ['apikey', { success: true, error: null }]);
    assert.deepEqual(server?.notices.map((n) => n.kind), ['deprecation']);
  },
  'plan-item': (f) => assert.equal(one(f, 'plan').text, '1. Read the code\n2. Change it\n'),
  'context-compaction': (f) => {
    assert.equal(one(f, 'contextCompaction').streaming, false);
    assert.deepEqual(f.turns.map((t) => t.status), ['completed', 'completed']);
  },
};

suite('recorded codex fixtures, folded', () => {
  test('every fixture has a case, and none holds a scratch path', () => {
    assert.deepEqual(fixtureNames(), Object.keys(cases).sort());
    for (const name of fixtureNames()) assert.doesNotMatch(JSON.stringify(readFixture(name)), /\.test-tmp/, name);
  });

  for (const name of fixtureNames()) {
    test(`${name}: nothing left working or streaming, and the projection says what happened`, () => {
      const f = fold(name);
      assert.ok(['idle', 'systemError', 'notLoaded'].includes(f.thread.status), `status ${f.thread.status}`);
      assert.equal(f.thread.activeTurnId, null);
      assert.deepEqual(f.items.filter((i) => i.streaming).map((i) => i.itemId), [], 'no item left streaming');
      assert.deepEqual(f.requests.filter((r) => r.state !== 'resolved').map((r) => r.requestKey), [], 'no request left open');
      cases[name]?.(f);
    });
  }

  test('turn-retry: a retry shows as transient while it lasts', () => {
    const f = fold('turn-retry', (x) => method('error')(x) && JSON.stringify(x).includes('2/2'));
    assert.equal(f.turns[0]?.retrying?.message, 'Reconnecting... 2/2');
    assert.equal(f.turns[0]?.retrying?.code, 'responseStreamDisconnected');
    assert.equal(f.turns[0]?.status, 'inProgress');
  });

  test('background-command: the command still runs when its turn completes', () => {
    const f = fold('background-command', method('turn/completed'));
    assert.equal(f.turns[0]?.status, 'completed');
    assert.equal(one(f, 'commandExecution').streaming, true);
  });

  test('steer: the preempted reply closes when the steered message arrives', () => {
    const f = fold('steer', (x) => method('item/started')(x) && JSON.stringify(x).includes('Also mention otters'));
    assert.equal(one(f, 'agentMessage').streaming, false);
  });

  test('turn-failed: the next turn starting makes the thread working again (systemError is recoverable)', () => {
    const f = fold('turn-failed');
    const next = { method: 'turn/started', params: { threadId: f.thread.id, turn: { id: 'turn-2', status: 'inProgress', items: [] } } };
    foldFrames([next], f.store);
    assert.equal(f.store.thread(f.thread.id)?.status, 'working');
    assert.equal(f.store.thread(f.thread.id)?.activeTurnId, 'turn-2');
  });
});
