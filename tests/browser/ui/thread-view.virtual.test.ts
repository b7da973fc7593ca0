import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import '../../../web/src/ui/thread-view.ts';
import type { ThreadView } from '../../../web/src/ui/thread-view.ts';
import type { ItemRecord } from '../../../protocol/projections.ts';
import { allElements, getByRole, visibleText } from '../support/aria-query.ts';
import { item, revised, thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { transcriptSettled } from './transcript-settle.ts';

const T = 'th-long';

function messages(from: number, count: number): ItemRecord[] {
  return Array.from({ length: count }, (_, i) =>
    item(
      i % 2 === 0
        ? { kind: 'userMessage', text: `question ${from + i}` }
        : { kind: 'agentMessage', text: `Answer **${from + i}**.\n\n- one\n- two` },
      { itemId: `m${from + i}`, threadId: T, ord: from + i },
    ),
  );
}

async function setup(items: ItemRecord[]): Promise<{ store: FakeStore; el: ThreadView; log: HTMLElement }> {
  const store = new FakeStore();
  store.state.threads.set([thread({ id: T, nextOrd: items.length })]);
  store.state.selectedThreadId.set(T);
  store.state.items.set(items);
  const box = await fixture<HTMLDivElement>(
    html`<div style="height: 400px; display: flex; flex-direction: column">
      <okc-thread-view style="flex: 1" .store=${store}></okc-thread-view>
    </div>`,
  );
  const el = box.querySelector('okc-thread-view') as ThreadView;
  await transcriptSettled(el);
  return { store, el, log: getByRole(el, 'log', { name: 'Transcript' }) };
}

function cards(el: ThreadView): Element[] {
  return allElements(el).filter((e) => e.localName === 'okc-item-card');
}

function atBottom(log: HTMLElement): boolean {
  return log.scrollHeight - log.scrollTop - log.clientHeight < 2;
}

/** The first card at least partly in view, and its top relative to the log's. */
function firstInView(el: ThreadView, log: HTMLElement): { itemId: string; top: number } {
  const box = log.getBoundingClientRect();
  for (const card of cards(el)) {
    const r = card.getBoundingClientRect();
    const id = (card as Element & { item?: ItemRecord }).item?.itemId;
    if (id !== undefined && r.bottom > box.top && r.top < box.bottom) return { itemId: id, top: r.top - box.top };
  }
  throw new Error('no card in view');
}

/** The text of the card for `itemId`, if it is in the DOM. */
function cardText(el: ThreadView, itemId: string): string | null {
  const card = cards(el).find((c) => (c as Element & { item?: ItemRecord }).item?.itemId === itemId);
  return card === undefined ? null : visibleText(card);
}

suite('okc-thread-view virtualized', () => {
  // why: the virtualizer resizes what it observes while measuring, and Chromium reports that as an
  // error, also after a test has ended; each test file has its own page, so this stays installed.
  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));

  test('opens a 10,000-item thread at its end with only the rows near the view in the DOM', async () => {
    const { el, log } = await setup(messages(0, 10_000));
    assert.isTrue(atBottom(log), 'at the end');
    assert.isBelow(cards(el).length, 40, 'a screenful and some, not 10,000');
    assert.include(cardText(el, 'm9999') ?? '', 'Answer 9999.');
    assert.isNull(cardText(el, 'm0'), 'the beginning is not rendered');
  });

  test('renders the rows that scroll into view', async () => {
    const { el, log } = await setup(messages(0, 2_000));
    log.scrollTop = 0;
    await transcriptSettled(el);
    assert.equal(cardText(el, 'm0'), 'You question 0');
    assert.isNull(cardText(el, 'm1999'));
  });

  test('keeps following the end while a message streams into a long thread', async () => {
    const history = messages(0, 5_000);
    const { store, el, log } = await setup(history);
    let live = item({ kind: 'agentMessage', text: '' }, { itemId: 'live', threadId: T, ord: 5_000, streaming: true });
    for (let i = 0; i < 40; i++) {
      live = revised(live, `${live.kind === 'agentMessage' ? live.text : ''}Paragraph ${i} of the streamed answer.\n\n`);
      store.state.items.set([...history, live]);
      await nextFrame();
    }
    await transcriptSettled(el);
    assert.isTrue(atBottom(log), 'still at the end');
    assert.include(cardText(el, 'live') ?? '', 'Paragraph 39 of the streamed answer.');
  });

  test('stays where the user scrolled to while a message streams, and follows again at the end', async () => {
    const history = messages(0, 500);
    const { store, el, log } = await setup(history);
    let live = item({ kind: 'agentMessage', text: 'Start.' }, { itemId: 'live', threadId: T, ord: 500, streaming: true });
    const grow = async (n: number): Promise<void> => {
      for (let i = 0; i < n; i++) {
        live = revised(live, `${live.kind === 'agentMessage' ? live.text : ''}\n\nMore text ${i}.`);
        store.state.items.set([...history, live]);
        await nextFrame();
      }
    };
    await grow(5);
    log.scrollTop = log.scrollTop - 600;
    await nextFrame();
    const reading = firstInView(el, log);
    await grow(20);
    await transcriptSettled(el);
    assert.isFalse(atBottom(log), 'not pulled back down');
    // The virtualizer may move scrollTop as it measures rows above; what the reader sees stays.
    const now = cards(el).find((c) => (c as Element & { item?: ItemRecord }).item?.itemId === reading.itemId);
    assert.isDefined(now, 'the row read is still there');
    assert.approximately((now as Element).getBoundingClientRect().top - log.getBoundingClientRect().top, reading.top, 2, 'and in the same place');
    log.scrollTop = log.scrollHeight;
    await nextFrame();
    await grow(10);
    await waitUntil(() => atBottom(log), 'follows again');
  });

  test('stays at the end when older history arrives in front of the rows', async () => {
    const all = messages(0, 3_000);
    const { store, el, log } = await setup(all.slice(-60));
    store.state.items.set(all);
    await transcriptSettled(el);
    assert.isTrue(atBottom(log), 'at the end');
    assert.include(cardText(el, 'm2999') ?? '', 'Answer 2999.');
  });

  test('renders once per frame however many changes arrive in between', async () => {
    const history = messages(0, 50);
    const { store, el } = await setup(history);
    let renders = 0;
    const realRender = el.render.bind(el);
    el.render = () => {
      renders++;
      return realRender();
    };
    try {
      await nextFrame();
      let live = item({ kind: 'agentMessage', text: '' }, { itemId: 'live', threadId: T, ord: 50, streaming: true });
      // Ten changes, each in a task of its own (as change notices arrive), queued at once.
      const channel = new MessageChannel();
      let left = 10;
      const done = new Promise<void>((resolve) => {
        channel.port1.onmessage = () => {
          live = revised(live, `${live.kind === 'agentMessage' ? live.text : ''} word${10 - left}`);
          store.state.items.set([...history, live]);
          if (--left === 0) resolve();
        };
      });
      for (let i = 0; i < 10; i++) channel.port2.postMessage(i);
      await done;
      channel.port1.close();
      await transcriptSettled(el);
    } finally {
      el.render = realRender;
    }
    assert.isAtMost(renders, 3, `${renders} renders for 10 changes`);
    assert.include(cardText(el, 'live') ?? '', 'word9');
  });

  test('shows nothing, not "No messages yet", while a thread with history is being read', async () => {
    const store = new FakeStore();
    store.state.threads.set([thread({ id: T, nextOrd: 12 })]);
    store.state.selectedThreadId.set(T);
    const el = await fixture<ThreadView>(html`<okc-thread-view .store=${store}></okc-thread-view>`);
    await transcriptSettled(el);
    assert.equal(visibleText(getByRole(el, 'log', { name: 'Transcript' })), '');
    store.state.items.set(messages(0, 3).map((i) => ({ ...i, threadId: T })));
    await transcriptSettled(el);
    assert.include(visibleText(getByRole(el, 'log', { name: 'Transcript' })), 'question 0');
  });
});
