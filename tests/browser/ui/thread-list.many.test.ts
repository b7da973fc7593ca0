import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/thread-list.ts';
import type { ThreadList } from '../../../web/src/ui/thread-list.ts';
import { allElements, getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { SLOW } from '../support/views.ts';
import { settled } from '../support/settle.ts';

/** 300 threads in two projects: more than the list renders in its first frame. */
const COUNT = 300;

async function render(): Promise<ThreadList> {
  const store = new FakeStore();
  store.state.threads.set(
    Array.from({ length: COUNT }, (_, i) => thread({ id: `t${i}`, name: `Thread ${i}`, cwd: i < COUNT / 2 ? '/home/dev/alpha' : '/home/dev/beta' })),
  );
  const el = await fixture<ThreadList>(html`<okc-thread-list .store=${store}></okc-thread-list>`);
  await settled(el);
  return el;
}

function threadButtons(el: ThreadList): HTMLElement[] {
  return queryAllByRole(getByRole(el, 'navigation', { name: 'Threads' }), 'button').filter((b) => b.hasAttribute('aria-current'));
}

function focusedName(el: ThreadList): string {
  const focused = allElements(el).find((e) => e.matches(':focus') && e.hasAttribute('aria-current'));
  return focused instanceof HTMLElement ? visibleText(focused) : '';
}

suite('okc-thread-list with many threads', () => {
  test('lists every thread, grouped under each project heading, soon after its first frame', async () => {
    const el = await render();
    await waitUntil(() => threadButtons(el).length === COUNT, 'every thread gets its row', SLOW);
    assert.deepEqual(threadButtons(el).map(visibleText).slice(-2), [`Thread ${COUNT - 2}`, `Thread ${COUNT - 1}`]);
    assert.deepEqual(queryAllByRole(el, 'heading').map(visibleText), ['alpha', 'beta']);
  });

  test('End and ArrowDown reach threads past the first rendered ones at once', async () => {
    const el = await render();
    getByRole(el, 'button', { name: 'Thread 0' }).focus();
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedName(el) === `Thread ${COUNT - 1}`, 'End focuses the last thread');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedName(el) === 'Thread 0', 'Home focuses the first thread');
    await sendKeys({ press: 'ArrowUp' });
    assert.equal(focusedName(el), 'Thread 0');
  });

  test('ArrowDown from the last rendered row moves on to the next thread', async () => {
    const el = await render();
    const rows = threadButtons(el);
    const last = rows.at(-1);
    assert.isDefined(last);
    last?.focus();
    const name = last ? visibleText(last) : '';
    const next = `Thread ${Number(name.replace('Thread ', '')) + 1}`;
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedName(el) === next, `ArrowDown focuses ${next}`);
  });
});
