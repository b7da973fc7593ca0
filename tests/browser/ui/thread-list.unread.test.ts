import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/thread-list.ts';
import type { ThreadList } from '../../../web/src/ui/thread-list.ts';
import { getByRole, queryAllByRole } from '../support/aria-query.ts';
import { thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

async function render(store: FakeStore): Promise<ThreadList> {
  const el = await fixture<ThreadList>(html`<okc-thread-list .store=${store}></okc-thread-list>`);
  await settled(el);
  return el;
}

function names(el: ThreadList): string[] {
  const nav = getByRole(el, 'navigation', { name: 'Threads' });
  return queryAllByRole(nav, 'button').filter((b) => b.hasAttribute('aria-current')).map((b) => b.textContent?.replace(/\s+/g, ' ').trim() ?? '');
}

suite('okc-thread-list unread markers', () => {
  test('a thread with unseen activity says "unread" in its name, and shows a dot', async () => {
    const store = new FakeStore();
    store.state.threads.set([thread({ id: 'a', name: 'Alpha' }), thread({ id: 'b', name: 'Beta', status: 'waitingOnApproval' })]);
    store.state.unread.set(new Set(['b']));
    const el = await render(store);
    const beta = getByRole(el, 'button', { name: 'Beta unread Needs approval' });
    assert.isNotNull(beta.querySelector('.dot'));
    const alpha = getByRole(el, 'button', { name: 'Alpha' });
    assert.isNull(alpha.querySelector('.dot'));
    assert.deepEqual(names(el), ['Alpha', 'Beta unread Needs approval']);
  });

  test('the marker goes when the thread is read, and is not shown on the thread this tab shows', async () => {
    const store = new FakeStore();
    store.state.threads.set([thread({ id: 'a', name: 'Alpha' }), thread({ id: 'b', name: 'Beta' })]);
    store.state.unread.set(new Set(['a', 'b']));
    store.state.selectedThreadId.set('a');
    const el = await render(store);
    assert.deepEqual(names(el), ['Alpha', 'Beta unread']);
    store.state.unread.set(new Set(['a']));
    await settled(el);
    assert.deepEqual(names(el), ['Alpha', 'Beta']);
  });
});
