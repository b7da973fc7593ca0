/** (request record, answer) → the exact JSON-RPC result codex gets (codex-app-server.md §6). */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApprovalRecord, RequestAnswer } from '../../../protocol/projections.ts';
import { responseFor } from '../../../web/src/engine/answers.ts';
import { refusalFor } from '../../../web/src/engine/unsupported-requests.ts';

const meta = { requestKey: 'n:0', threadId: 't', turnId: 'u', itemId: 'i', state: 'pending', decision: null, rev: 1 } as const;
const command: ApprovalRecord = {
  ...meta,
  kind: 'commandExecution',
  command: 'curl x.dev',
  cwd: '/w',
  reason: null,
  execPolicyAmendment: ['curl', 'x.dev'],
  networkAmendments: [{ host: 'x.dev', action: 'allow' }],
  networkHost: 'x.dev',
};
const fileChange: ApprovalRecord = { ...meta, kind: 'fileChange', reason: null, grantRoot: null };
const userInput: ApprovalRecord = {
  ...meta,
  kind: 'userInput',
  questions: [{ id: 'color', header: 'Color', question: 'Pick?', options: [{ label: 'Blue', description: '' }], isOther: true, isSecret: false }],
};
const permissions: ApprovalRecord = {
  ...meta,
  kind: 'permissions',
  cwd: '/w',
  reason: 'build',
  lines: [{ access: 'write', target: '/w/build' }],
  requested: { fileSystem: { read: null, write: ['/w/build'] } },
};
const form: ApprovalRecord = {
  ...meta,
  itemId: null,
  kind: 'mcpElicitation',
  serverName: 'demo',
  message: 'Name?',
  form: { mode: 'form', fields: [{ name: 'name', title: 'Name', description: null, required: true, type: 'string', format: null, defaultValue: null }] },
};
const toolApproval: ApprovalRecord = { ...form, form: { mode: 'toolApproval', toolName: 'echo', toolParams: '{}' } };
const unsupported: ApprovalRecord = { ...form, form: { mode: 'unsupported', schema: '{}' } };

interface Case {
  name: string;
  request: ApprovalRecord;
  answer: RequestAnswer;
  expect: unknown;
}

const cases: [Case, ...Case[]] = [
  { name: 'an answer of another kind is refused', request: command, answer: { kind: 'fileChange', decision: 'accept' }, expect: null },
  ...(['accept', 'acceptForSession', 'decline', 'cancel'] as const).map((decision): Case => ({
    name: `command: ${decision}`,
    request: command,
    answer: { kind: 'commandExecution', decision },
    expect: { decision },
  })),
  {
    name: 'command: always allow uses the prefix codex proposed',
    request: command,
    answer: { kind: 'commandExecution', decision: 'acceptWithExecpolicyAmendment' },
    expect: { decision: { acceptWithExecpolicyAmendment: { execpolicy_amendment: ['curl', 'x.dev'] } } },
  },
  {
    name: 'command: always allow without a proposal is refused',
    request: { ...command, execPolicyAmendment: null },
    answer: { kind: 'commandExecution', decision: 'acceptWithExecpolicyAmendment' },
    expect: null,
  },
  {
    name: 'command: a proposed network rule',
    request: command,
    answer: { kind: 'commandExecution', decision: 'applyNetworkPolicyAmendment', amendment: { host: 'x.dev', action: 'allow' } },
    expect: { decision: { applyNetworkPolicyAmendment: { network_policy_amendment: { host: 'x.dev', action: 'allow' } } } },
  },
  {
    name: 'command: a network rule codex did not propose is refused',
    request: command,
    answer: { kind: 'commandExecution', decision: 'applyNetworkPolicyAmendment', amendment: { host: 'evil.dev', action: 'allow' } },
    expect: null,
  },
  ...(['accept', 'acceptForSession', 'decline', 'cancel'] as const).map((decision): Case => ({
    name: `file change: ${decision}`,
    request: fileChange,
    answer: { kind: 'fileChange', decision },
    expect: { decision },
  })),
  {
    name: 'user input: answers by question id',
    request: userInput,
    answer: { kind: 'userInput', answers: { color: ['Blue'] } },
    expect: { answers: { color: { answers: ['Blue'] } } },
  },
  {
    name: 'user input: an answer to a question not asked is refused',
    request: userInput,
    answer: { kind: 'userInput', answers: { size: ['XL'] } },
    expect: null,
  },
  {
    name: 'permissions: granted for the turn',
    request: permissions,
    answer: { kind: 'permissions', decision: 'grantForTurn' },
    expect: { permissions: { fileSystem: { read: null, write: ['/w/build'] } }, scope: 'turn' },
  },
  {
    name: 'permissions: granted for the session',
    request: permissions,
    answer: { kind: 'permissions', decision: 'grantForSession' },
    expect: { permissions: { fileSystem: { read: null, write: ['/w/build'] } }, scope: 'session' },
  },
  { name: 'permissions: denied', request: permissions, answer: { kind: 'permissions', decision: 'deny' }, expect: { permissions: {}, scope: 'turn' } },
  {
    name: 'elicitation form: accepted with content',
    request: form,
    answer: { kind: 'mcpElicitation', action: 'accept', content: { name: 'Ada' } },
    expect: { action: 'accept', content: { name: 'Ada' }, _meta: null },
  },
  { name: 'elicitation: declined', request: form, answer: { kind: 'mcpElicitation', action: 'decline' }, expect: { action: 'decline', content: null, _meta: null } },
  { name: 'elicitation: cancelled', request: form, answer: { kind: 'mcpElicitation', action: 'cancel' }, expect: { action: 'cancel', content: null, _meta: null } },
  {
    name: 'MCP tool approval: accepted with empty content',
    request: toolApproval,
    answer: { kind: 'mcpElicitation', action: 'accept', content: {} },
    expect: { action: 'accept', content: {}, _meta: null },
  },
  { name: 'an unrenderable form cannot be accepted', request: unsupported, answer: { kind: 'mcpElicitation', action: 'accept', content: {} }, expect: null },
];

suite('responseFor', () => {
  for (const c of cases) {
    test(c.name, () => {
      const before = structuredClone([c.request, c.answer]);
      assert.deepEqual(responseFor(c.request, c.answer), c.expect);
      assert.deepEqual([c.request, c.answer], before, 'inputs not mutated');
    });
  }
});

suite('refusalFor (requests the UI cannot show)', () => {
  const cases: [string, unknown][] = [
    ['execCommandApproval', { decision: { denied: { rejection: 'OK Code does not support legacy approval requests.' } } }],
    ['applyPatchApproval', { decision: { denied: { rejection: 'OK Code does not support legacy approval requests.' } } }],
    ['item/commandExecution/requestApproval', { decision: 'decline' }],
    ['item/permissions/requestApproval', { permissions: {}, scope: 'turn' }],
    ['mcpServer/elicitation/request', { action: 'decline', content: null, _meta: null }],
    ['account/chatgptAuthTokens/refresh', null],
  ];
  for (const [method, expect] of cases) test(method, () => assert.deepEqual(refusalFor(method), expect));
});
