import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../web/src/ui/approval-card.ts';
import type { ApprovalCard } from '../../../web/src/ui/approval-card.ts';
import type { ApprovalRecord, RequestAnswer } from '../../../protocol/projections.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { approval } from '../support/builders.ts';
import { Deferred, FakeStore } from '../support/fake-store.ts';
import { fileChangeRequest, permissionsRequest } from '../support/request-builders.ts';
import { settled } from '../support/settle.ts';

async function render(store: FakeStore, record: ApprovalRecord): Promise<ApprovalCard> {
  const el = await fixture<ApprovalCard>(html`<okc-approval-card .store=${store} .approval=${record}></okc-approval-card>`);
  await settled(el);
  return el;
}

const pending = approval({
  requestKey: 'n:7',
  threadId: 'th',
  command: 'npm publish --tag next',
  cwd: '/home/dev/okcode',
  reason: 'Publishing needs the network.',
});
const withPrefix = { ...pending, execPolicyAmendment: ['npm', 'publish'] };
const cmd = (decision: Extract<RequestAnswer, { kind: 'commandExecution' }>['decision']): RequestAnswer =>
  decision === 'applyNetworkPolicyAmendment' ? { kind: 'commandExecution', decision, amendment: { host: 'x', action: 'allow' } } : { kind: 'commandExecution', decision };

async function clicked(record: ApprovalRecord, button: string, open?: string): Promise<FakeStore['calls']> {
  const store = new FakeStore();
  const el = await render(store, record);
  if (open !== undefined) {
    getByRole(el, 'button', { name: open }).click();
    await settled(el);
  }
  getByRole(el, 'button', { name: button }).click();
  return store.calls;
}

suite('okc-approval-card: command', () => {
  test('shows the command, its cwd and the reason under "Approve command?"', async () => {
    const el = await render(new FakeStore(), pending);
    const card = getByRole(el, 'article', { name: 'Approve command?' });
    getByRole(card, 'heading', { name: 'Approve command?' });
    const text = visibleText(card);
    assert.include(text, 'npm publish --tag next');
    assert.include(text, 'in /home/dev/okcode');
    assert.include(text, 'Reason: Publishing needs the network.');
    const pre = el.shadowRoot?.querySelector('pre');
    assert.match(getComputedStyle(pre as Element).fontFamily, /mono|menlo|consolas/i);
  });

  test('leaves the reason out when codex gave none', async () => {
    const el = await render(new FakeStore(), { ...pending, reason: null });
    assert.notInclude(visibleText(el), 'Reason');
  });

  test('offers Approve, Decline and Cancel turn; Always allow only when codex proposes a prefix', async () => {
    const names = (el: Element) => queryAllByRole(el, 'button').map((b) => visibleText(b));
    assert.deepEqual(names(await render(new FakeStore(), pending)), ['Approve', 'Decline', 'Cancel turn', 'More options']);
    assert.deepEqual(names(await render(new FakeStore(), withPrefix)), ['Approve', 'Always allow this command', 'Decline', 'Cancel turn', 'More options']);
  });

  const answers: [string, ApprovalRecord, RequestAnswer, string?][] = [
    ['Approve', pending, cmd('accept')],
    ['Decline', pending, cmd('decline')],
    ['Cancel turn', pending, cmd('cancel')],
    ['Always allow this command', withPrefix, cmd('acceptWithExecpolicyAmendment')],
    ['Approve for session', pending, cmd('acceptForSession'), 'More options'],
    ['Always allow x.dev', { ...pending, networkHost: 'x.dev', networkAmendments: [{ host: 'x.dev', action: 'allow' }] }, { kind: 'commandExecution', decision: 'applyNetworkPolicyAmendment', amendment: { host: 'x.dev', action: 'allow' } }],
  ];
  for (const [button, record, decision, open] of answers) {
    test(`${button} answers ${JSON.stringify(decision)}`, async () => {
      assert.deepEqual(await clicked(record, button, open), [{ method: 'answerApproval', requestKey: 'n:7', decision }]);
    });
  }

  test('"Approve for session" stays out of sight (and out of the accessibility tree) until More options opens', async () => {
    const el = await render(new FakeStore(), pending);
    assert.lengthOf(queryAllByRole(el, 'button', { name: 'Approve for session' }), 0);
    const more = getByRole(el, 'button', { name: 'More options' });
    assert.equal(more.getAttribute('aria-expanded'), 'false');
    more.click();
    await settled(el);
    assert.equal(more.getAttribute('aria-expanded'), 'true');
    getByRole(el, 'button', { name: 'Approve for session' });
  });

  test('disables every button while the answer is in flight', async () => {
    const store = new FakeStore();
    const inFlight = new Deferred<void>();
    store.results.answerApproval = inFlight;
    const el = await render(store, pending);
    const approve = getByRole<HTMLButtonElement>(el, 'button', { name: 'Approve' });
    const decline = getByRole<HTMLButtonElement>(el, 'button', { name: 'Decline' });
    approve.click();
    await settled(el);
    assert.isTrue(approve.disabled);
    assert.isTrue(decline.disabled);
    decline.click();
    assert.lengthOf(store.callsOf('answerApproval'), 1, 'one answer only');
    inFlight.resolve();
    // The record is still pending (say the answer failed): the user can try again.
    await waitUntil(() => !approve.disabled && !decline.disabled, 'buttons are enabled again');
  });

  const outcomes: [Pick<ApprovalRecord, 'state' | 'decision'>, string][] = [
    [{ state: 'answered', decision: cmd('accept') }, 'Approved'],
    [{ state: 'answered', decision: cmd('acceptForSession') }, 'Approved for this session'],
    [{ state: 'answered', decision: cmd('acceptWithExecpolicyAmendment') }, 'Always allowed'],
    [{ state: 'answered', decision: cmd('decline') }, 'Declined'],
    [{ state: 'resolved', decision: cmd('cancel') }, 'Cancelled'],
    [{ state: 'resolved', decision: null }, 'Answered elsewhere'],
  ];
  for (const [change, words] of outcomes) {
    test(`once ${change.state} with ${JSON.stringify(change.decision)}, says "${words}" instead of asking`, async () => {
      const el = await render(new FakeStore(), pending);
      el.approval = { ...pending, ...change, rev: 2 };
      await settled(el);
      assert.lengthOf(queryAllByRole(el, 'button'), 0);
      assert.equal(visibleText(getByRole(el, 'status')), words);
    });
  }
});

suite('okc-approval-card: file change and permissions', () => {
  test('a file change asks "Apply file changes?" with Approve, Decline, Cancel turn', async () => {
    const el = await render(new FakeStore(), fileChangeRequest({ reason: 'Adds the config', grantRoot: '/home/dev/project' }));
    getByRole(el, 'article', { name: 'Apply file changes?' });
    assert.include(visibleText(el), 'Reason: Adds the config');
    assert.include(visibleText(el), 'write anywhere under /home/dev/project');
    assert.deepEqual(queryAllByRole(el, 'button').map((b) => visibleText(b)), ['Approve', 'Decline', 'Cancel turn', 'More options']);
  });

  const fileAnswers: [string, RequestAnswer, string?][] = [
    ['Approve', { kind: 'fileChange', decision: 'accept' }],
    ['Decline', { kind: 'fileChange', decision: 'decline' }],
    ['Cancel turn', { kind: 'fileChange', decision: 'cancel' }],
    ['Approve for session', { kind: 'fileChange', decision: 'acceptForSession' }, 'More options'],
  ];
  for (const [button, decision, open] of fileAnswers) {
    test(`file change: ${button}`, async () => {
      assert.deepEqual(await clicked(fileChangeRequest(), button, open), [{ method: 'answerApproval', requestKey: 'n:2', decision }]);
    });
  }

  test('a permission request lists what is asked, in words', async () => {
    const el = await render(new FakeStore(), permissionsRequest());
    const card = getByRole(el, 'article', { name: 'Grant permissions?' });
    const list = getByRole(card, 'list', { name: 'Requested permissions' });
    assert.deepEqual(queryAllByRole(list, 'listitem').map((li) => visibleText(li)), ['Write /home/dev/project/build', 'Use network access']);
    assert.include(visibleText(card), 'Reason: Need to write the build folder');
  });

  const grants: [string, RequestAnswer][] = [
    ['Grant for this turn', { kind: 'permissions', decision: 'grantForTurn' }],
    ['Grant for session', { kind: 'permissions', decision: 'grantForSession' }],
    ['Deny', { kind: 'permissions', decision: 'deny' }],
  ];
  for (const [button, decision] of grants) {
    test(`permissions: ${button}`, async () => {
      assert.deepEqual(await clicked(permissionsRequest(), button), [{ method: 'answerApproval', requestKey: 'n:4', decision }]);
      const el = await render(new FakeStore(), { ...permissionsRequest(), state: 'answered', decision });
      assert.equal(visibleText(getByRole(el, 'status')), button === 'Deny' ? 'Denied' : button === 'Grant for session' ? 'Granted for this session' : 'Granted for this turn');
    });
  }
});
