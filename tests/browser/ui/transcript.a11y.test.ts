import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { loadHighlighter } from '../../../web/src/ui/code-blocks.ts';
import { allElements, getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { everyCardStore, pngFile } from '../support/a11y-states.ts';
import { expectNoSeriousAxeViolations } from '../support/axe.ts';
import { SLOW, useView, VIEWS } from '../support/views.ts';
import { transcriptSettled } from './transcript-settle.ts';

suite('axe: a thread with every card kind', () => {
  // why: the virtualizer resizes what it observes while measuring (see app-shell.a11y.test.ts).
  suiteSetup(async () => {
    ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true });
    // why: highlighting is a lazy chunk; its token colours must be on screen when axe checks contrast.
    await loadHighlighter();
  });

  for (const view of VIEWS) {
    test(`streaming and completed cards, one reasoning expanded, the outbox, an attached image (${view.name})`, async function () {
      // why: the largest tree of the suites, with a lazy chunk to load; slow on a loaded 2-core CI machine.
      this.timeout(30_000);
      await useView(view);
      const store = everyCardStore();
      const el = await fixture<AppShell>(html`<okc-app .store=${store}></okc-app>`);
      await transcriptSettled(el);
      const paste = new DataTransfer();
      paste.items.add(pngFile());
      getByRole(el, 'textbox', { name: 'Message' }).dispatchEvent(new ClipboardEvent('paste', { clipboardData: paste, bubbles: true, cancelable: true }));
      await waitUntil(() => queryAllByRole(el, 'img', { name: 'Attached image 1' }).length === 1, 'the attached image shows', SLOW);
      queryAllByRole(el, 'button', { name: 'Show reasoning' })[0]?.click();
      await transcriptSettled(el);
      await waitUntil(() => allElements(el).some((e) => e.classList.contains('hljs-addition')), 'code is highlighted', SLOW);
      const cards = allElements(el).filter((e) => e.localName === 'okc-item-card');
      assert.equal(cards.length, store.state.items.get().length, 'every item is rendered (the viewport holds them all)');
      assert.equal(queryAllByRole(el, 'button', { name: 'Hide reasoning' }).length, 1, 'one reasoning is expanded');
      getByRole(el, 'list', { name: 'Messages not sent yet' });
      for (const words of ['This turn failed.', 'The turn was interrupted.']) assert.include(visibleText(el), words);
      await expectNoSeriousAxeViolations(el, `every card, ${view.name}`);
    });
  }
});
