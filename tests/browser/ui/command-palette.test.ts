import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { createPreferences, type Preferences } from '../../../web/src/state/preferences.ts';
import { deepActiveElement } from '../../../web/src/ui/key-context.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { thread } from '../support/builders.ts';
import { FakeNotifier, memoryStorage } from '../support/fake-notifier.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

interface Rig {
  el: AppShell;
  store: FakeStore;
  notifier: FakeNotifier;
  prefs: Preferences;
}

async function render(): Promise<Rig> {
  const store = new FakeStore();
  store.state.threads.set([
    thread({ id: 'a', name: 'Alpha', activeTurnId: 'run' }),
    thread({ id: 'b', name: 'Fix the login page' }),
    thread({ id: 'c', name: 'Old work', archived: true }),
  ]);
  store.state.selectedThreadId.set('a');
  const notifier = new FakeNotifier();
  const prefs = createPreferences(memoryStorage());
  const el = await fixture<AppShell>(html`<okc-app .store=${store} .notifier=${notifier} .prefs=${prefs}></okc-app>`);
  await settled(el);
  return { el, store, notifier, prefs };
}

const openDialog = (el: Element, name: string): HTMLElement[] => queryAllByRole(el, 'dialog', { name });

async function openPalette(el: AppShell): Promise<HTMLInputElement> {
  await sendKeys({ press: 'Control+KeyK' });
  await waitUntil(() => openDialog(el, 'Command palette').length === 1, 'the palette opens');
  const box = getByRole<HTMLInputElement>(el, 'combobox', { name: 'Command' });
  await waitUntil(() => deepActiveElement() === box, 'the combobox has focus');
  return box;
}

const options = (el: Element): string[] => queryAllByRole(getByRole(el, 'listbox', { name: 'Commands' }), 'option').map((o) => visibleText(o));
const activeOption = (box: HTMLInputElement): string => {
  const id = box.getAttribute('aria-activedescendant') ?? '';
  const option = (box.getRootNode() as ShadowRoot).getElementById(id);
  assert.equal(option?.getAttribute('aria-selected'), 'true');
  assert.equal(option?.getAttribute('role'), 'option');
  return visibleText(option as Element);
};

suite('command palette', () => {
  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));
  setup(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));

  test('Ctrl+K opens a combobox over a listbox of commands', async () => {
    const { el } = await render();
    const box = await openPalette(el);
    assert.equal(box.getAttribute('aria-expanded'), 'true');
    assert.equal(box.getAttribute('aria-controls'), 'commands');
    const names = options(el);
    for (const n of ['New thread', 'Focus message box', 'Stop the running turn', 'Open Diagnostics', 'Open Account', 'Open Settings', 'Turn notifications on', 'Show keyboard shortcuts ?', 'Show or hide archived threads']) {
      assert.include(names, n);
    }
    assert.include(names.join('\n'), 'Go to thread: Fix the login page');
    assert.include(names.join('\n'), 'Go to thread: Old work archived');
    assert.equal(activeOption(box), names[0]);
  });

  test('typing filters; arrows move the active option; Enter runs it and closes', async () => {
    const { el, store } = await render();
    const box = await openPalette(el);
    await sendKeys({ type: 'login' });
    await settled(el);
    assert.deepEqual(options(el), ['Go to thread: Fix the login page /home/dev/project']);
    await sendKeys({ press: 'Backspace' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'open' });
    await settled(el);
    assert.deepEqual(options(el), ['Open Diagnostics', 'Open Account', 'Open Settings']);
    await sendKeys({ press: 'ArrowDown' });
    assert.equal(activeOption(box), 'Open Account');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    assert.equal(activeOption(box), 'Open Settings', 'wraps around');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => openDialog(el, 'Command palette').length === 0, 'Escape closes');
    await openPalette(el);
    await sendKeys({ type: 'fix login' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => openDialog(el, 'Command palette').length === 0);
    assert.deepEqual(store.callsOf('selectThread').at(-1), { method: 'selectThread', threadId: 'b' });
  });

  test('runs app commands: stop, focus the message box, open a panel', async () => {
    const { el, store } = await render();
    await openPalette(el);
    await sendKeys({ type: 'stop' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => store.callsOf('interrupt').length === 1);
    await openPalette(el);
    await sendKeys({ type: 'message box' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => deepActiveElement() === getByRole(el, 'textbox', { name: 'Message' }), 'the Message box has focus');
    (deepActiveElement() as HTMLElement).blur();
    await openPalette(el);
    await sendKeys({ type: 'diagnostics' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => openDialog(el, 'Diagnostics').length === 1);
  });

  test('a click on an option runs it too', async () => {
    const { el } = await render();
    await openPalette(el);
    getByRole(el, 'option', { name: 'Show or hide archived threads' }).click();
    await settled(el);
    assert.isTrue(getByRole<HTMLInputElement>(el, 'checkbox', { name: 'Show archived' }).checked);
  });

  test('? opens the shortcuts sheet listing every shortcut; not while typing', async () => {
    const { el } = await render();
    getByRole(el, 'textbox', { name: 'Message' }).focus();
    await sendKeys({ type: '?' });
    await settled(el);
    assert.lengthOf(openDialog(el, 'Keyboard shortcuts'), 0);
    (deepActiveElement() as HTMLElement).blur();
    await sendKeys({ press: 'Shift+Slash' });
    await waitUntil(() => openDialog(el, 'Keyboard shortcuts').length === 1);
    const sheet = openDialog(el, 'Keyboard shortcuts')[0] as HTMLElement;
    const approvals = getByRole(sheet, 'region', { name: 'Approvals (when not typing)' });
    assert.include(visibleText(approvals), 'Y Approve the focused approval');
    const anywhere = visibleText(getByRole(sheet, 'region', { name: 'Anywhere' }));
    for (const keys of ['Ctrl+K', 'Alt+A', '?', 'Escape']) assert.include(anywhere, keys);
    getByRole(sheet, 'region', { name: 'Message box' });
  });

  test('notifications: turned on from Settings only after the browser grants them, and off again', async () => {
    const { el, notifier, prefs } = await render();
    getByRole(el, 'button', { name: 'Settings' }).click();
    await waitUntil(() => openDialog(el, 'Settings').length === 1);
    await settled(el);
    const box = getByRole<HTMLInputElement>(el, 'checkbox', { name: 'Notify me when OK Code is in the background' });
    notifier.answer = 'denied';
    box.click();
    await waitUntil(() => queryAllByRole(el, 'alert').some((a) => visibleText(a).includes('blocks notifications')));
    assert.isFalse(box.checked);
    assert.isFalse(prefs.notifications.get());
    notifier.granted = 'default';
    notifier.answer = 'granted';
    box.click();
    await waitUntil(() => prefs.notifications.get());
    assert.equal(notifier.requests, 2);
    assert.isTrue(box.checked);
    box.click();
    await waitUntil(() => !prefs.notifications.get());
  });

  test('notifications: the palette turns them on and off', async () => {
    const { el, notifier, prefs } = await render();
    notifier.granted = 'granted';
    await openPalette(el);
    await sendKeys({ type: 'notifications' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => prefs.notifications.get());
    await openPalette(el);
    await sendKeys({ type: 'notifications' });
    assert.deepEqual(options(el), ['Turn notifications off']);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !prefs.notifications.get());
  });

  test('notifications: when the browser refuses, the palette opens Settings, which says why', async () => {
    const { el, notifier, prefs } = await render();
    notifier.granted = 'denied';
    await openPalette(el);
    await sendKeys({ type: 'notifications on' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => openDialog(el, 'Settings').length === 1, 'Settings opens');
    await settled(el);
    assert.include(visibleText(openDialog(el, 'Settings')[0] as HTMLElement), 'Your browser blocks notifications for this page');
    assert.isFalse(prefs.notifications.get());
  });

  test('the Commands button opens the palette too', async () => {
    const { el } = await render();
    const button = getByRole(el, 'button', { name: 'Commands' });
    assert.equal(button.getAttribute('aria-keyshortcuts'), 'Control+K Meta+K');
    button.click();
    await waitUntil(() => openDialog(el, 'Command palette').length === 1);
  });
});
