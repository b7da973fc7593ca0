import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { threadListStore } from '../support/a11y-states.ts';
import { expectNoSeriousAxeViolations } from '../support/axe.ts';
import { settled } from '../support/settle.ts';
import { SLOW, useView, VIEWS } from '../support/views.ts';

async function mount(): Promise<AppShell> {
  const el = await fixture<AppShell>(html`<okc-app .store=${threadListStore()}></okc-app>`);
  await settled(el);
  return el;
}

const nav = (el: Element) => getByRole(el, 'navigation', { name: 'Threads' });

suite('axe: the thread list', () => {
  for (const view of VIEWS) {
    suite(view.name, () => {
      suiteSetup(() => useView(view));

      test('threads in every status, in three projects, two unread', async () => {
        const el = await mount();
        for (const words of ['Needs approval', 'Failed', 'unread']) assert.include(visibleText(nav(el)), words);
        await expectNoSeriousAxeViolations(el, `thread list, ${view.name}`);
      });

      test('a search with title and full-text matches', async () => {
        const el = await mount();
        getByRole(el, 'searchbox', { name: 'Search threads' }).focus();
        await sendKeys({ type: 'relay' });
        await waitUntil(() => queryAllByRole(el, 'region', { name: 'Matches in messages' }).length === 1, 'full-text matches show', SLOW);
        await settled(el);
        await expectNoSeriousAxeViolations(el, `search, ${view.name}`);
      });

      test('archived threads shown', async () => {
        const el = await mount();
        getByRole(el, 'checkbox', { name: 'Show archived' }).click();
        await settled(el);
        getByRole(nav(el), 'button', { name: /^Archived relay work/ });
        await expectNoSeriousAxeViolations(el, `archived, ${view.name}`);
      });

      test('the new-thread directory picker, showing an error', async () => {
        const el = await mount();
        getByRole(el, 'button', { name: 'New thread in a directory' }).click();
        await settled(el);
        getByRole(el, 'combobox', { name: 'Working directory' }).focus();
        await sendKeys({ type: 'relative/dir' });
        getByRole(el, 'button', { name: 'Start thread' }).click();
        await settled(el);
        assert.include(visibleText(getByRole(el, 'form', { name: 'New thread in a directory' })), 'Enter an absolute path');
        await expectNoSeriousAxeViolations(el, `new thread in a directory, ${view.name}`);
      });

      test('a thread being renamed', async () => {
        const el = await mount();
        queryAllByRole(nav(el), 'button', { name: 'Rename' })[0]?.click();
        await settled(el);
        getByRole(el, 'textbox', { name: /^New name for / });
        await expectNoSeriousAxeViolations(el, `renaming, ${view.name}`);
      });
    });
  }
});
