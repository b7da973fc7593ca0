import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../web/src/ui/approval-card.ts';
import type { ApprovalCard } from '../../../web/src/ui/approval-card.ts';
import type { ApprovalRecord, CommandDecision } from '../../../protocol/projections.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { approval } from '../support/builders.ts';
import { Deferred, FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

async function render(store: FakeStore, record: ApprovalRecord): Promise<ApprovalCard> {
  const el = await fixture<ApprovalCard>(
    html`<okc-approval-card .store=${store} .approval=${record}></okc-approval-card>`,
  );
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

suite('okc-approval-card', () => {
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

  const answers: [string, CommandDecision][] = [
    ['Approve', 'accept'],
    ['Decline', 'decline'],
  ];
  for (const [button, decision] of answers) {
    test(`${button} answers the request with ${decision}`, async () => {
      const store = new FakeStore();
      const el = await render(store, pending);
      getByRole(el, 'button', { name: button }).click();
      assert.deepEqual(store.calls, [{ method: 'answerApproval', requestKey: 'n:7', decision }]);
    });
  }

  test('disables both buttons while the answer is in flight', async () => {
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

  const outcomes: [Partial<ApprovalRecord>, string][] = [
    [{ state: 'answered', decision: 'accept' }, 'Approved'],
    [{ state: 'answered', decision: 'acceptForSession' }, 'Approved for this session'],
    [{ state: 'answered', decision: 'decline' }, 'Declined'],
    [{ state: 'resolved', decision: 'cancel' }, 'Cancelled'],
    [{ state: 'resolved', decision: null }, 'Answered elsewhere'],
  ];
  for (const [change, words] of outcomes) {
    test(`once ${change.state ?? ''} with ${String(change.decision)}, says "${words}" instead of asking`, async () => {
      const store = new FakeStore();
      const el = await render(store, pending);
      el.approval = { ...pending, ...change, rev: 2 };
      await settled(el);
      assert.lengthOf(queryAllByRole(el, 'button'), 0);
      assert.equal(visibleText(getByRole(el, 'status')), words);
    });
  }
});
