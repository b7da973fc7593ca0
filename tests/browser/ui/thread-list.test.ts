import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/thread-list.ts';
import type { ThreadList } from '../../../web/src/ui/thread-list.ts';
import type { ConnectionState, ThreadStatusView } from '../../../protocol/projections.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { connection, thread } from '../support/builders.ts';
import { Deferred, FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

async function render(store: FakeStore): Promise<ThreadList> {
  const el = await fixture<ThreadList>(html`<okc-thread-list .store=${store}></okc-thread-list>`);
  await settled(el);
  return el;
}

function threadButtons(el: ThreadList): HTMLElement[] {
  return queryAllByRole(getByRole(el, 'navigation', { name: 'Threads' }), 'button').filter((b) => b.hasAttribute('aria-current'));
}

suite('okc-thread-list', () => {
  test('New thread calls store.newThread', async () => {
    const store = new FakeStore();
    const el = await render(store);
    getByRole(el, 'button', { name: 'New thread' }).click();
    assert.deepEqual(store.calls, [{ method: 'newThread' }]);
  });

  const notReady: ConnectionState[] = ['unconfigured', 'connecting', 'unauthorized', 'codexDown', 'disconnected'];
  for (const state of notReady) {
    test(`New thread is disabled while the connection is ${state}`, async () => {
      const store = new FakeStore();
      store.state.connection.set(connection(state));
      const el = await render(store);
      const button = getByRole<HTMLButtonElement>(el, 'button', { name: 'New thread' });
      assert.isTrue(button.disabled);
      button.click();
      assert.deepEqual(store.calls, []);
    });
  }

  test('New thread is disabled while a new thread is being started', async () => {
    const store = new FakeStore();
    const pending = new Deferred<void>();
    store.results.newThread = pending;
    const el = await render(store);
    const button = getByRole<HTMLButtonElement>(el, 'button', { name: 'New thread' });
    button.click();
    await settled(el);
    assert.isTrue(button.disabled);
    pending.resolve();
    await waitUntil(() => !button.disabled, 'New thread is enabled again once the call returns');
    assert.lengthOf(store.callsOf('newThread'), 1);
  });

  test('names each thread: custom name, else preview, else cwd, else "New thread"', async () => {
    const store = new FakeStore();
    store.state.threads.set([
      thread({ id: 'a', name: 'Renamed', preview: 'ignored' }),
      thread({ id: 'b', preview: 'Fix the flaky test\nand more' }),
      thread({ id: 'c', cwd: '/home/dev/okcode/' }),
      thread({ id: 'd', cwd: '' }),
    ]);
    const el = await render(store);
    assert.deepEqual(threadButtons(el).map(visibleText), ['Renamed', 'Fix the flaky test', 'okcode', 'New thread']);
  });

  const statuses: [ThreadStatusView, string][] = [
    ['idle', 'T'],
    ['notLoaded', 'T'],
    ['working', 'T Working'],
    ['waitingOnApproval', 'T Needs approval'],
    ['waitingOnUserInput', 'T Needs input'],
    ['systemError', 'T Failed'],
  ];
  for (const [status, says] of statuses) {
    test(`says the ${status} status in words`, async () => {
      const store = new FakeStore();
      store.state.threads.set([thread({ id: 'a', name: 'T', status })]);
      const el = await render(store);
      assert.deepEqual(threadButtons(el).map(visibleText), [says]);
      getByRole(el, 'button', { name: says });
    });
  }

  test('marks the selected thread with aria-current and selects on click', async () => {
    const store = new FakeStore();
    store.state.threads.set([thread({ id: 'a', name: 'Alpha' }), thread({ id: 'b', name: 'Beta' })]);
    store.state.selectedThreadId.set('a');
    const el = await render(store);
    const current = () => threadButtons(el).filter((b) => b.getAttribute('aria-current') === 'true').map(visibleText);
    assert.deepEqual(current(), ['Alpha']);
    getByRole(el, 'button', { name: 'Beta' }).click();
    await settled(el);
    assert.deepEqual(store.calls, [{ method: 'selectThread', threadId: 'b' }]);
    assert.deepEqual(current(), ['Beta']);
  });

  test('selects a thread from the keyboard', async () => {
    const store = new FakeStore();
    store.state.threads.set([thread({ id: 'a', name: 'Alpha' }), thread({ id: 'b', name: 'Beta' })]);
    const el = await render(store);
    getByRole(el, 'button', { name: 'Alpha' }).focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Space' });
    assert.deepEqual(store.callsOf('selectThread'), [
      { method: 'selectThread', threadId: 'b' },
      { method: 'selectThread', threadId: 'a' },
    ]);
  });

  test('shows threads in the store order and says when there are none', async () => {
    const store = new FakeStore();
    const el = await render(store);
    assert.include(visibleText(el), 'No threads yet.');
    store.state.threads.set([thread({ id: 'z', name: 'Newest' }), thread({ id: 'y', name: 'Older' })]);
    await settled(el);
    assert.deepEqual(threadButtons(el).map(visibleText), ['Newest', 'Older']);
    assert.notInclude(visibleText(el), 'No threads yet.');
  });
});
