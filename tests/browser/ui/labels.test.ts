import { assert } from '@open-wc/testing';
import {
  answerLabel,
  approvalOutcomeLabel,
  commandStatusLabel,
  errorInWords,
  fileChangeLabel,
  formatDuration,
  itemStatusLabel,
  planStepLabel,
  threadName,
} from '../../../web/src/ui/labels.ts';
import type { CommandStatusView } from '../../../protocol/projections.ts';

interface NameCase {
  name: string;
  given: { name: string | null; preview: string; cwd: string };
  expect: string;
}

const nameCases: [NameCase, ...NameCase[]] = [
  { name: 'custom name wins', given: { name: 'Mine', preview: 'p', cwd: '/a/b' }, expect: 'Mine' },
  { name: 'empty custom name falls through', given: { name: '', preview: 'p', cwd: '/a/b' }, expect: 'p' },
  { name: 'first line of the preview', given: { name: null, preview: '  Fix it\nplease ', cwd: '/a' }, expect: 'Fix it' },
  { name: 'cwd last segment', given: { name: null, preview: ' ', cwd: '/home/dev/proj/' }, expect: 'proj' },
  { name: 'windows cwd', given: { name: null, preview: '', cwd: 'C:\\work\\repo' }, expect: 'repo' },
  { name: 'nothing at all', given: { name: null, preview: '', cwd: '/' }, expect: 'New thread' },
];

interface CommandCase {
  status: CommandStatusView;
  exitCode: number | null;
  expect: string;
}

const commandCases: [CommandCase, ...CommandCase[]] = [
  { status: 'inProgress', exitCode: null, expect: 'Running' },
  { status: 'completed', exitCode: 0, expect: 'Exit 0' },
  { status: 'completed', exitCode: null, expect: 'Completed' },
  { status: 'completed', exitCode: 3, expect: 'Failed (exit 3)' },
  { status: 'failed', exitCode: 1, expect: 'Failed (exit 1)' },
  { status: 'failed', exitCode: null, expect: 'Failed' },
  { status: 'declined', exitCode: null, expect: 'Declined' },
  { status: 'interrupted', exitCode: null, expect: 'Stopped' },
];

suite('labels', () => {
  for (const c of nameCases) {
    test(`threadName: ${c.name}`, () => {
      assert.equal(threadName(c.given), c.expect);
    });
  }

  for (const c of commandCases) {
    test(`commandStatusLabel: ${c.status} with exit ${String(c.exitCode)} is "${c.expect}"`, () => {
      assert.equal(commandStatusLabel(c.status, c.exitCode), c.expect);
    });
  }

  test('formatDuration picks a unit people read', () => {
    assert.deepEqual([0, 850, 2400, 59_949, 185_000].map(formatDuration), ['0 ms', '850 ms', '2.4 s', '59.9 s', '3 min 5 s']);
  });

  test('approvalOutcomeLabel is null while pending', () => {
    assert.isNull(approvalOutcomeLabel({ state: 'pending', decision: null }));
    assert.equal(approvalOutcomeLabel({ state: 'answered', decision: { kind: 'commandExecution', decision: 'decline' } }), 'Declined');
    assert.equal(approvalOutcomeLabel({ state: 'resolved', decision: null }), 'Answered elsewhere');
  });

  test('every answer kind has words', () => {
    assert.deepEqual(
      [
        answerLabel({ kind: 'commandExecution', decision: 'applyNetworkPolicyAmendment', amendment: { host: 'x.dev', action: 'deny' } }),
        answerLabel({ kind: 'fileChange', decision: 'acceptForSession' }),
        answerLabel({ kind: 'userInput', answers: {} }),
        answerLabel({ kind: 'permissions', decision: 'grantForSession' }),
        answerLabel({ kind: 'mcpElicitation', action: 'cancel' }),
      ],
      ['x.dev blocked', 'Approved for this session', 'Answered', 'Granted for this session', 'Cancelled'],
    );
  });

  test('item, file and plan states in words', () => {
    const states = ['inProgress', 'completed', 'failed', 'declined', 'interrupted'] as const;
    assert.deepEqual(states.map(itemStatusLabel), ['Running', 'Done', 'Failed', 'Declined', 'Stopped']);
    assert.equal(fileChangeLabel({ kind: 'update', movePath: '/b' }), 'Moved to /b');
    assert.equal(fileChangeLabel({ kind: 'delete', movePath: null }), 'Deleted');
    assert.equal(planStepLabel('inProgress'), 'In progress');
  });

  test('errorInWords: known codes in words, then codex’s message; unknown codes as codex said', () => {
    assert.equal(
      errorInWords({ message: 'unexpected status 401 Unauthorized', code: 'httpConnectionFailed', httpStatus: 401, details: null }),
      'Codex could not reach the model service. (HTTP 401) unexpected status 401 Unauthorized',
    );
    assert.equal(errorInWords({ message: 'odd', code: 'somethingNew', httpStatus: null, details: 'more' }), 'odd (more)');
  });
});
