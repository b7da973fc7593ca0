import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../../web/src/ui/thread-view.ts';
import type { ThreadView } from '../../../web/src/ui/thread-view.ts';
import type { ItemRecord } from '../../../protocol/projections.ts';
import { getByRole } from '../support/aria-query.ts';
import { item, revised, thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { transcriptSettled } from './transcript-settle.ts';

const T = 'th-1';

function messages(from: number, count: number): ItemRecord[] {
  return Array.from({ length: count }, (_, i) =>
    item({ kind: 'userMessage', text: `message ${from + i}\nsecond line` }, { itemId: `m${from + i}`, threadId: T }),
  );
}

async function setup(): Promise<{ store: FakeStore; el: ThreadView; log: HTMLElement }> {
  const store = new FakeStore();
  store.state.threads.set([thread({ id: T }), thread({ id: 'other' })]);
  store.state.selectedThreadId.set(T);
  store.state.items.set(messages(0, 30));
  const box = await fixture<HTMLDivElement>(
    html`<div style="height: 300px; display: flex; flex-direction: column">
      <okc-thread-view style="flex: 1" .store=${store}></okc-thread-view>
    </div>`,
  );
  const el = box.querySelector('okc-thread-view') as ThreadView;
  await transcriptSettled(el);
  return { store, el, log: getByRole(el, 'log', { name: 'Transcript' }) };
}

function atBottom(log: HTMLElement): boolean {
  return log.scrollHeight - log.scrollTop - log.clientHeight < 2;
}

/** Lets layout, ResizeObserver callbacks and scroll events run. */
async function frames(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await nextFrame();
}

suite('okc-thread-view scrolling', () => {
  // why: the virtualizer resizes what it observes while measuring, and Chromium reports that as an
  // error, also after a test has ended; each test file has its own page, so this stays installed.
  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));

  test('starts at the bottom and follows new items', async () => {
    const { store, el, log } = await setup();
    assert.isAbove(log.scrollHeight, log.clientHeight * 2, 'the transcript overflows');
    await waitUntil(() => atBottom(log), 'starts at the bottom');
    store.state.items.set([...store.state.items.get(), ...messages(30, 5)]);
    await transcriptSettled(el);
    await waitUntil(() => atBottom(log), 'follows new items');
  });

  test('follows a message that grows while streaming', async () => {
    const { store, el, log } = await setup();
    const streaming = item({ kind: 'userMessage', text: 'x' }, { itemId: 's', threadId: T, streaming: true });
    store.state.items.set([...store.state.items.get(), streaming]);
    await transcriptSettled(el);
    for (let rev = 2; rev < 6; rev++) {
      const text = Array.from({ length: rev * 3 }, (_, i) => `streamed line ${i}`).join('\n');
      store.state.items.set([...store.state.items.get().slice(0, -1), revised(streaming, text, { rev })]);
      await transcriptSettled(el);
      await waitUntil(() => atBottom(log), `follows growth at rev ${rev}`);
    }
  });

  test('stays put when the user scrolled up, and follows again back at the bottom', async () => {
    const { store, el, log } = await setup();
    await waitUntil(() => atBottom(log));
    log.scrollTop = 0;
    await frames();
    store.state.items.set([...store.state.items.get(), ...messages(30, 5)]);
    await transcriptSettled(el);
    await frames();
    assert.equal(log.scrollTop, 0, 'reading position kept');
    log.scrollTop = log.scrollHeight;
    await frames();
    store.state.items.set([...store.state.items.get(), ...messages(35, 5)]);
    await transcriptSettled(el);
    await waitUntil(() => atBottom(log), 'follows again');
  });

  test('jumps to the bottom when another thread is shown', async () => {
    const { store, el, log } = await setup();
    await waitUntil(() => atBottom(log));
    log.scrollTop = 0;
    await frames();
    assert.equal(log.scrollTop, 0, 'the user scrolled up');
    store.state.items.set([
      ...store.state.items.get(),
      ...messages(100, 30).map((i) => ({ ...i, threadId: 'other' })),
    ]);
    store.state.selectedThreadId.set('other');
    await transcriptSettled(el);
    await waitUntil(() => atBottom(log) && log.scrollTop > 0, 'at the bottom of the other thread');
  });
});
