import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/thread-view.ts';
import type { ThreadView } from '../../../web/src/ui/thread-view.ts';
import { ItemCard } from '../../../web/src/ui/item-card.ts';
import type { ItemBody, ItemRecord } from '../../../protocol/projections.ts';
import { allElements, getByRole, visibleText } from '../support/aria-query.ts';
import { item, revised, thread, turn } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { transcriptSettled } from './transcript-settle.ts';

const T = 'th-1';

function storeWith(items: ItemRecord[]): FakeStore {
  const store = new FakeStore();
  store.state.threads.set([thread({ id: T, name: 'Thread' })]);
  store.state.selectedThreadId.set(T);
  store.state.items.set(items);
  return store;
}

async function render(store: FakeStore): Promise<ThreadView> {
  const el = await fixture<ThreadView>(html`<okc-thread-view .store=${store}></okc-thread-view>`);
  await transcriptSettled(el);
  return el;
}

function cards(el: ThreadView): Element[] {
  return allElements(el).filter((e) => e.localName === 'okc-item-card');
}

const command = (over: Partial<Extract<ItemBody, { kind: 'commandExecution' }>>): ItemBody => ({
  kind: 'commandExecution',
  command: 'npm test',
  cwd: '/home/dev/okcode',
  output: '',
  exitCode: null,
  durationMs: null,
  status: 'inProgress',
  ...over,
});

suite('okc-thread-view', () => {
  // why: the virtualizer resizes what it observes while measuring, and Chromium reports that as an
  // error, also after a test has ended; each test file has its own page, so this stays installed.
  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));

  test('is a polite log named "Transcript"', async () => {
    const el = await render(storeWith([]));
    const log = getByRole(el, 'log', { name: 'Transcript' });
    assert.equal(log.getAttribute('aria-live'), 'polite');
    assert.include(visibleText(log), 'No messages yet.');
  });

  test('shows the items in order, each by kind', async () => {
    const el = await render(
      storeWith([
        item({ kind: 'userMessage', text: 'Please run\n  the tests' }, { itemId: 'u1', threadId: T }),
        item({ kind: 'agentMessage', text: 'Running **now**.' }, { itemId: 'a1', threadId: T }),
        item(command({ status: 'completed', exitCode: 0, durationMs: 2400, output: 'ok 12 tests' }), {
          itemId: 'c1',
          threadId: T,
        }),
        item({ kind: 'other', type: 'webSearch', summary: 'lit signals' }, { itemId: 'o1', threadId: T }),
      ]),
    );
    const texts = cards(el).map((c) => visibleText(c));
    assert.lengthOf(texts, 4);
    assert.equal(texts[0], 'You Please run the tests');
    assert.equal(texts[1], 'Codex Running now.');
    assert.equal(texts[2], '$ npm test Exit 0 2.4 s in /home/dev/okcode ok 12 tests');
    assert.equal(texts[3], 'webSearch lit signals');
    const user = cards(el)[0]?.shadowRoot?.querySelector('.user');
    assert.equal(getComputedStyle(user as Element).whiteSpace, 'pre-wrap');
    assert.equal(cards(el)[1]?.shadowRoot?.querySelector('okc-markdown')?.shadowRoot?.querySelector('strong')?.textContent, 'now');
  });

  const statuses: [Partial<Extract<ItemBody, { kind: 'commandExecution' }>>, string][] = [
    [{ status: 'inProgress' }, 'Running'],
    [{ status: 'completed', exitCode: 0 }, 'Exit 0'],
    [{ status: 'completed', exitCode: 2 }, 'Failed (exit 2)'],
    [{ status: 'failed', exitCode: 127 }, 'Failed (exit 127)'],
    [{ status: 'declined' }, 'Declined'],
  ];
  for (const [over, words] of statuses) {
    test(`says a ${over.status ?? ''} command's status as "${words}"`, async () => {
      const el = await render(storeWith([item(command(over), { itemId: 'c', threadId: T })]));
      const header = cards(el)[0]?.shadowRoot?.querySelector('header');
      assert.equal(visibleText(header as Element), `$ npm test ${words}`);
    });
  }

  test('shows command output in a scrollable, monospace block', async () => {
    const output = Array.from({ length: 200 }, (_, i) => `line ${i}`).join('\n');
    const el = await render(storeWith([item(command({ output }), { itemId: 'c', threadId: T })]));
    const pre = cards(el)[0]?.shadowRoot?.querySelector('pre') as HTMLElement;
    assert.equal(pre.textContent, output);
    assert.equal(getComputedStyle(pre).overflow, 'auto');
    assert.isAbove(pre.scrollHeight, pre.clientHeight);
    assert.match(getComputedStyle(pre).fontFamily, /mono|menlo|consolas/i);
  });

  test('shows "Writing…" while an agent message streams', async () => {
    const streaming = item({ kind: 'agentMessage', text: 'Thinking' }, { itemId: 'a', threadId: T, streaming: true });
    const store = storeWith([streaming]);
    const el = await render(store);
    assert.equal(visibleText(cards(el)[0] as Element), 'Codex Thinking Writing…');
    store.state.items.set([revised(streaming, 'Thinking done.', { streaming: false })]);
    await transcriptSettled(el);
    assert.equal(visibleText(cards(el)[0] as Element), 'Codex Thinking done.');
  });

  test('says so after a failed turn, with its error', async () => {
    const store = storeWith([
      item({ kind: 'userMessage', text: 'one' }, { itemId: 'u1', threadId: T, turnId: 'bad' }),
      item({ kind: 'userMessage', text: 'two' }, { itemId: 'u2', threadId: T, turnId: 'good' }),
    ]);
    store.state.turns.set([
      turn({ threadId: T, turnId: 'bad', status: 'failed', error: 'The model is overloaded.' }),
      turn({ threadId: T, turnId: 'good', status: 'completed' }),
    ]);
    const el = await render(store);
    const log = getByRole(el, 'log', { name: 'Transcript' });
    assert.equal(visibleText(log), 'You one This turn failed. The model is overloaded. You two');
  });

  test('a turn’s plan checklist and its changes show after its last item, once each', async () => {
    const store = storeWith([
      item({ kind: 'userMessage', text: 'plan it' }, { itemId: 'u1', threadId: T, turnId: 'p' }),
      item({ kind: 'userMessage', text: 'next' }, { itemId: 'u2', threadId: T, turnId: 'q' }),
    ]);
    store.state.turns.set([
      turn({
        threadId: T,
        turnId: 'p',
        plan: { explanation: null, steps: [{ step: 'Read the code', status: 'completed' }, { step: 'Fix it', status: 'inProgress' }] },
        diff: 'diff --git a/x.txt b/x.txt\n--- a/x.txt\n+++ b/x.txt\n@@ -1 +1 @@\n-a\n+b\n',
      }),
      turn({ threadId: T, turnId: 'q', status: 'failed', errorInfo: { message: 'Quota exceeded.', code: 'usageLimitExceeded', httpStatus: null, details: null } }),
    ]);
    const el = await render(store);
    const log = getByRole(el, 'log', { name: 'Transcript' });
    const plan = getByRole(log, 'region', { name: 'Plan' });
    assert.include(visibleText(plan), 'Read the code');
    assert.include(visibleText(plan), 'Fix it');
    assert.include(visibleText(getByRole(log, 'region', { name: 'Changes in this turn' })), '1 file, +1 −1');
    const text = visibleText(log);
    assert.isBelow(text.indexOf('plan it'), text.indexOf('Read the code'), 'the plan follows its turn’s items');
    assert.isBelow(text.indexOf('Read the code'), text.indexOf('next'), 'and comes before the next turn');
    assert.equal(text.split('This turn failed.').length, 2, 'a typed failure is said once');
  });

  test('a streaming delta re-renders only the card that changed', async () => {
    const first = item({ kind: 'agentMessage', text: 'Done **here**.' }, { itemId: 'a1', threadId: T });
    const second = item({ kind: 'agentMessage', text: 'Start' }, { itemId: 'a2', threadId: T, streaming: true });
    const store = storeWith([first, second]);
    const el = await render(store);
    const [firstCard, secondCard] = cards(el);
    const renders = new Map<Element, number>();
    const realRender = Object.getOwnPropertyDescriptor(ItemCard.prototype, 'render')?.value as () => unknown;
    ItemCard.prototype.render = function (this: ItemCard) {
      renders.set(this, (renders.get(this) ?? 0) + 1);
      return realRender.call(this) as ReturnType<ItemCard['render']>;
    };
    try {
      // The store hands out fresh objects: only `rev` says what changed.
      store.state.items.set([{ ...first }, revised(second, 'Start and more')]);
      await transcriptSettled(el);
    } finally {
      ItemCard.prototype.render = realRender as ItemCard['render'];
    }
    assert.deepEqual([...renders.values()], [1], 'one card rendered');
    assert.strictEqual([...renders.keys()][0], secondCard, 'the changed one');
    assert.deepEqual(cards(el), [firstCard, secondCard], 'cards are kept, keyed by item');
    assert.include(visibleText(secondCard as Element), 'Start and more');
  });

  test('keeps each card when older history is added before it', async () => {
    const later = item({ kind: 'userMessage', text: 'later' }, { itemId: 'later', threadId: T, ord: 10 });
    const store = storeWith([later]);
    const el = await render(store);
    const [laterCard] = cards(el);
    const earlier = item({ kind: 'userMessage', text: 'earlier' }, { itemId: 'earlier', threadId: T, ord: 1 });
    store.state.items.set([earlier, later]);
    await transcriptSettled(el);
    assert.deepEqual(cards(el).map((c) => visibleText(c)), ['You earlier', 'You later']);
    assert.strictEqual(cards(el)[1], laterCard, 'the card of "later" moved, not rebuilt');
  });
});
