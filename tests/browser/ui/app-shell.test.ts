import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { allElements, getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { approval, item, thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { transcriptSettled } from './transcript-settle.ts';

async function render(store: FakeStore): Promise<AppShell> {
  const el = await fixture<AppShell>(html`<okc-app .store=${store}></okc-app>`);
  await transcriptSettled(el);
  return el;
}

function storeWithThreads(): FakeStore {
  const store = new FakeStore();
  store.state.threads.set([thread({ id: 'a', name: 'Alpha' }), thread({ id: 'b', name: 'Beta' })]);
  store.state.items.set([
    item({ kind: 'userMessage', text: 'hello from alpha' }, { itemId: 'i1', threadId: 'a' }),
    item({ kind: 'userMessage', text: 'hello from beta' }, { itemId: 'i2', threadId: 'b' }),
  ]);
  return store;
}

suite('okc-app', () => {
  // why: the virtualizer resizes what it observes while measuring, and Chromium reports that as an
  // error, also after a test has ended; each test file has its own page, so this stays installed.
  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));
  teardown(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ colorScheme: 'light' });
  });

  test('has a banner with the product name and status, the thread navigation, and a main area', async () => {
    const el = await render(new FakeStore());
    const banner = getByRole(el, 'banner');
    getByRole(banner, 'heading', { name: 'OK Code' });
    assert.equal(visibleText(getByRole(banner, 'status')), 'Connected');
    getByRole(el, 'navigation', { name: 'Threads' });
    const main = getByRole(el, 'main');
    getByRole(main, 'textbox', { name: 'Message' });
    getByRole(main, 'button', { name: 'Send' });
  });

  test('without a selected thread, explains how to start one', async () => {
    const el = await render(storeWithThreads());
    assert.include(visibleText(getByRole(el, 'main')), 'click “New thread” to start one');
    assert.lengthOf(queryAllByRole(el, 'log'), 0);
  });

  test('shows the transcript of the thread picked in the list', async () => {
    const store = storeWithThreads();
    const el = await render(store);
    getByRole(el, 'button', { name: 'Beta' }).click();
    await transcriptSettled(el);
    const log = getByRole(el, 'log', { name: 'Transcript' });
    assert.include(visibleText(log), 'hello from beta');
    assert.notInclude(visibleText(log), 'hello from alpha');
    assert.notInclude(visibleText(getByRole(el, 'main')), 'New thread');
  });

  test('shows the pending approvals of the selected thread', async () => {
    const store = storeWithThreads();
    store.state.approvals.set([
      approval({ requestKey: 'n:1', threadId: 'a', command: 'make deploy' }),
      approval({ requestKey: 'n:2', threadId: 'b', command: 'rm -rf /tmp/x' }),
    ]);
    store.state.selectedThreadId.set('a');
    const el = await render(store);
    const cards = queryAllByRole(el, 'article', { name: 'Approve command?' });
    assert.lengthOf(cards, 1);
    assert.include(visibleText(cards[0] as HTMLElement), 'make deploy');
    getByRole(el, 'button', { name: 'Approve' }).click();
    assert.deepEqual(store.callsOf('answerApproval'), [
      { method: 'answerApproval', requestKey: 'n:1', decision: { kind: 'commandExecution', decision: 'accept' } },
    ]);
  });

  test('shows the last error in an alert', async () => {
    const store = new FakeStore();
    const el = await render(store);
    const alert = getByRole(el, 'alert');
    assert.equal(visibleText(alert), '');
    store.state.lastError.set('Could not send: the bridge is not connected.');
    await transcriptSettled(el);
    assert.equal(visibleText(alert), 'Could not send: the bridge is not connected.');
    store.state.lastError.set(null);
    await transcriptSettled(el);
    assert.equal(visibleText(alert), '');
  });

  test('puts the sidebar beside the main area on a wide screen and above it on a phone', async () => {
    const el = await render(storeWithThreads());
    const nav = getByRole(el, 'navigation', { name: 'Threads' }).getBoundingClientRect();
    const main = getByRole(el, 'main').getBoundingClientRect();
    assert.isAtMost(nav.right, main.left + 1, 'side by side');
    await setViewport({ width: 375, height: 700 });
    await transcriptSettled(el);
    const navPhone = getByRole(el, 'navigation', { name: 'Threads' }).getBoundingClientRect();
    const mainPhone = getByRole(el, 'main').getBoundingClientRect();
    assert.isAtMost(navPhone.bottom, mainPhone.top + 1, 'stacked');
    assert.isAtMost(mainPhone.right, 375 + 1, 'no horizontal overflow');
    assert.isAtMost(document.documentElement.scrollWidth, 375, 'the page does not scroll sideways');
  });

  test('follows the system colour scheme', async () => {
    const el = await render(new FakeStore());
    const luminance = (): number => {
      const [r = 0, g = 0, b = 0] = getComputedStyle(el).backgroundColor.match(/\d+/g)?.map(Number) ?? [];
      return (r + g + b) / 3;
    };
    await emulateMedia({ colorScheme: 'light' });
    assert.isAbove(luminance(), 200);
    await emulateMedia({ colorScheme: 'dark' });
    assert.isBelow(luminance(), 60);
    const fg = getComputedStyle(allElements(el).find((e) => e.localName === 'h1') as Element).color;
    assert.notEqual(fg, 'rgb(0, 0, 0)', 'text is light on dark');
  });
});
