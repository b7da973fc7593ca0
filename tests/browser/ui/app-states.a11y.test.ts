import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { announceUpdate } from '../../../web/src/sw/update-prompt.ts';
import { createPreferences } from '../../../web/src/state/preferences.ts';
import type { ConnectionState } from '../../../protocol/projections.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { expectNoSeriousAxeViolations } from '../support/axe.ts';
import { connection, thread } from '../support/builders.ts';
import { FakeNotifier, memoryStorage } from '../support/fake-notifier.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';
import { SLOW, useView, VIEWS } from '../support/views.ts';

/** No thread selected; the connection in `state`; the engine answers Diagnostics and Account. */
function appStore(state: ConnectionState = 'ready', withThreads = true): FakeStore {
  const store = new FakeStore();
  store.state.connection.set(
    connection(state, {
      detail: state === 'disconnected' ? 'Could not reach 127.0.0.1:3773.' : '',
      codexVersion: state === 'ready' ? '0.169.0' : null,
      bridgeVersion: state === 'ready' ? '0.1.0' : null,
    }),
  );
  if (withThreads) store.state.threads.set([thread({ id: 'a', name: 'Alpha' }), thread({ id: 'b', preview: 'Fix the login page', status: 'working' })]);
  store.api.diagnostics = async () => ({
    unknown: { 'thread/new/thing': 2 },
    ignored: { 'account/updated': 1 },
    malformed: [{ method: 'item/started', problem: 'item.id is not a string' }],
    refusedRequests: { 'old/request': 1 },
    bridgeErrors: [{ code: 'OKC_CODEX_EXITED', message: 'codex exited with code 1' }],
    malformedFrames: 1,
    storageError: 'QuotaExceededError: the disk is full',
    damagedRecords: { items: 2 },
  });
  store.api.readAccount = async () => ({ ok: true, value: { type: null, email: null, planType: null, requiresOpenaiAuth: true } });
  return store;
}

async function mount(store: FakeStore): Promise<AppShell> {
  const prefs = createPreferences(memoryStorage());
  const el = await fixture<AppShell>(html`<okc-app .store=${store} .notifier=${new FakeNotifier()} .prefs=${prefs}></okc-app>`);
  await settled(el);
  return el;
}

/** Opens a dialog (by a click on `button`, or by keys) and waits until it is there and rendered. */
async function openDialog(el: AppShell, dialog: string, open: () => Promise<void>): Promise<void> {
  await open();
  await waitUntil(() => queryAllByRole(el, 'dialog', { name: dialog }).length === 1, `the ${dialog} dialog opens`, SLOW);
  // why the pause: a panel's first engine call (diagnostics, account) resolves after it renders.
  await new Promise((r) => setTimeout(r, 50));
  await settled(el);
}

const click = (el: AppShell, name: string) => async () => getByRole(el, 'button', { name }).click();

suite('axe: the app chrome in every state', () => {
  teardown(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });

  for (const view of VIEWS) {
    suite(view.name, () => {
      suiteSetup(() => useView(view));

      test('the empty app (no threads yet), connected', async () => {
        const el = await mount(appStore('ready', false));
        getByRole(el, 'button', { name: 'New thread' });
        await expectNoSeriousAxeViolations(el, `empty app, ${view.name}`);
      });

      for (const state of ['connecting', 'disconnected'] as const) {
        test(`connection: ${state}`, async () => {
          const el = await mount(appStore(state));
          if (state === 'disconnected') assert.include(visibleText(el), 'Bridge not reachable. Start it with npx okcode-bridge');
          await expectNoSeriousAxeViolations(el, `connection ${state}, ${view.name}`);
        });
      }

      for (const [dialog, button] of [['Diagnostics', 'Diagnostics'], ['Account', 'Account'], ['Settings', 'Settings']] as const) {
        test(`the ${dialog} dialog`, async () => {
          const el = await mount(appStore());
          await openDialog(el, dialog, click(el, button));
          await expectNoSeriousAxeViolations(el, `${dialog} dialog, ${view.name}`);
        });
      }

      test('the keyboard shortcuts sheet', async () => {
        const el = await mount(appStore());
        await openDialog(el, 'Keyboard shortcuts', () => sendKeys({ press: 'Shift+Slash' }));
        await expectNoSeriousAxeViolations(el, `shortcuts sheet, ${view.name}`);
      });

      test('the command palette', async () => {
        const el = await mount(appStore());
        await openDialog(el, 'Command palette', () => sendKeys({ press: 'Control+KeyK' }));
        await sendKeys({ type: 'thr' });
        await settled(el);
        await expectNoSeriousAxeViolations(el, `command palette, ${view.name}`);
        await sendKeys({ press: 'Escape' });
      });

      test("the composer's @ file list", async () => {
        const store = appStore();
        store.state.selectedThreadId.set('a');
        store.api.searchFiles = async () => ({ ok: true, value: [{ path: 'src/main.ts', fileName: 'main.ts' }, { path: 'src/mail.ts', fileName: 'mail.ts' }] });
        const el = await mount(store);
        getByRole(el, 'textbox', { name: 'Message' }).focus();
        await sendKeys({ type: 'look at @ma' });
        await waitUntil(() => queryAllByRole(el, 'listbox', { name: 'Matching files' }).length === 1, 'the file list opens', SLOW);
        await settled(el);
        await expectNoSeriousAxeViolations(el, `@ file list, ${view.name}`);
      });

      test('the update banner', async () => {
        // why last in its view: the announcement is module state of the page, so the banner stays in
        // the states checked after it (the next views), which is more coverage, not less.
        announceUpdate(() => undefined);
        const el = await mount(appStore());
        getByRole(el, 'button', { name: 'Reload' });
        await expectNoSeriousAxeViolations(el, `update banner, ${view.name}`);
      });
    });
  }
});
