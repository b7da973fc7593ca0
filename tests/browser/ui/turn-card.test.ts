import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/cards/turn-card.ts';
import type { TurnCard } from '../../../web/src/ui/cards/turn-card.ts';
import type { TurnRecord } from '../../../protocol/projections.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { turn } from '../support/builders.ts';
import { settled } from '../support/settle.ts';

async function render(over: Partial<TurnRecord>): Promise<TurnCard> {
  const el = await fixture<TurnCard>(html`<okc-turn-card .turn=${turn({ threadId: 'th', turnId: 't1', ...over })}></okc-turn-card>`);
  await settled(el);
  return el;
}

const diff = 'diff --git a/hello.txt b/hello.txt\nnew file mode 100644\n--- /dev/null\n+++ b/hello.txt\n@@ -0,0 +1 @@\n+hello\n';

suite('okc-turn-card', () => {
  test('shows nothing for a plain turn', async () => {
    const el = await render({});
    assert.equal(visibleText(el), '');
  });

  test('the plan is a checklist with each step’s status in words', async () => {
    const el = await render({
      status: 'inProgress',
      plan: { explanation: 'Working through it.', steps: [{ step: 'Read', status: 'completed' }, { step: 'Change', status: 'inProgress' }, { step: 'Test', status: 'pending' }] },
    });
    const plan = getByRole(el, 'region', { name: 'Plan' });
    assert.deepEqual(queryAllByRole(plan, 'listitem').map((li) => visibleText(li)), ['Read Done', 'Change In progress', 'Test To do']);
    assert.include(visibleText(plan), 'Working through it.');
  });

  test('a retry shows as a transient status, gone once the turn ends', async () => {
    const retrying = { message: 'Reconnecting... 1/2', code: 'responseStreamDisconnected', httpStatus: null, details: 'stream broke' };
    const el = await render({ status: 'inProgress', retrying });
    assert.equal(visibleText(getByRole(el, 'status')), 'Retrying: The connection to the model service dropped. Reconnecting... 1/2 (stream broke)');
    el.turn = turn({ threadId: 'th', turnId: 't1', status: 'completed', retrying, rev: 2 });
    await settled(el);
    assert.lengthOf(queryAllByRole(el, 'status'), 0);
  });

  test('a failure is said in words', async () => {
    const el = await render({ status: 'failed', error: 'x', errorInfo: { message: 'Quota exceeded.', code: 'usageLimitExceeded', httpStatus: null, details: null } });
    assert.equal(visibleText(getByRole(el, 'note')), 'This turn failed. The account’s usage limit is reached. Quota exceeded.');
  });

  test('the turn diff is summed up, and shown behind a real button', async () => {
    const el = await render({ diff });
    const region = getByRole(el, 'region', { name: 'Changes in this turn' });
    assert.include(visibleText(region), 'Changes in this turn: 1 file, +1 −0');
    const button = getByRole(region, 'button', { name: 'Show changes' });
    assert.equal(button.getAttribute('aria-expanded'), 'false');
    button.click();
    await settled(el);
    assert.equal(button.getAttribute('aria-expanded'), 'true');
    assert.include(visibleText(region), '+hello');
  });
});
