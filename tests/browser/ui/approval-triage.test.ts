import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { createPreferences } from '../../../web/src/state/preferences.ts';
import { deepActiveElement } from '../../../web/src/ui/key-context.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { approval, thread, turn } from '../support/builders.ts';
import { FakeNotifier, memoryStorage } from '../support/fake-notifier.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

const deploy = approval({ requestKey: 'n:1', threadId: 'a', command: 'make deploy' });
const cleanup = approval({ requestKey: 'n:2', threadId: 'a', command: 'rm -rf build' });

interface Rig {
  el: AppShell;
  store: FakeStore;
  notifier: FakeNotifier;
}

async function render(setup: (store: FakeStore) => void = () => undefined, notifyOn = false): Promise<Rig> {
  const store = new FakeStore();
  store.state.threads.set([thread({ id: 'a', name: 'Alpha' }), thread({ id: 'b', name: 'Beta' })]);
  store.state.selectedThreadId.set('a');
  setup(store);
  const notifier = new FakeNotifier();
  const prefs = createPreferences(memoryStorage());
  if (notifyOn) prefs.setNotifications(true);
  const el = await fixture<AppShell>(html`<okc-app .store=${store} .notifier=${notifier} .prefs=${prefs}></okc-app>`);
  await settled(el);
  return { el, store, notifier };
}

const cardOf = (el: Element, command: string): HTMLElement | undefined =>
  queryAllByRole(el, 'article', { name: 'Approve command?' }).find((a) => visibleText(a).includes(command));

const cardNamed = (el: Element, command: string): HTMLElement => {
  const card = cardOf(el, command);
  if (card === undefined) throw new Error(`no card for ${command}`);
  return card;
};

const decisions = (store: FakeStore) => store.callsOf('answerApproval').map((c) => `${c.requestKey} ${'decision' in c.decision ? c.decision.decision : ''}`);

suite('approval keyboard triage', () => {
  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));
  setup(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));

  test('the Approve and Decline buttons show their keys, and keep their names', async () => {
    const { el } = await render((s) => s.state.approvals.set([deploy]));
    const approve = getByRole(el, 'button', { name: 'Approve' });
    assert.equal(approve.getAttribute('aria-keyshortcuts'), 'Y');
    // The key shows on the button; assistive technology reads it from aria-keyshortcuts instead.
    assert.equal(approve.textContent?.replace(/\s+/g, ' ').trim(), 'Approve Y');
    assert.equal(getByRole(el, 'button', { name: 'Decline' }).getAttribute('aria-keyshortcuts'), 'N');
  });

  test('Y approves the first waiting request, then N declines the next one', async () => {
    const { el, store } = await render((s) => s.state.approvals.set([deploy, cleanup]));
    await sendKeys({ press: 'y' });
    await waitUntil(() => decisions(store).length === 1);
    store.state.approvals.set([{ ...deploy, state: 'answered', rev: 2 }, cleanup]);
    await settled(el);
    await sendKeys({ press: 'n' });
    await waitUntil(() => decisions(store).length === 2);
    assert.deepEqual(decisions(store), ['n:1 accept', 'n:2 decline']);
  });

  test('the focused card takes the key', async () => {
    const { el, store } = await render((s) => s.state.approvals.set([deploy, cleanup]));
    cardNamed(el, 'rm -rf build').focus();
    await sendKeys({ press: 'n' });
    await waitUntil(() => decisions(store).length === 1);
    assert.deepEqual(decisions(store), ['n:2 decline']);
  });

  test('when the focused card leaves, focus moves on to the next waiting one', async () => {
    const { el, store } = await render((s) => s.state.approvals.set([deploy, cleanup]));
    cardNamed(el, 'make deploy').focus();
    await sendKeys({ press: 'y' });
    await waitUntil(() => decisions(store).length === 1);
    // Codex resolved it: the store drops it from the selected thread's requests.
    store.state.approvals.set([cleanup]);
    await waitUntil(() => deepActiveElement() === cardOf(el, 'rm -rf build'), 'the next card has focus');
    assert.isUndefined(cardOf(el, 'make deploy'));
  });

  test('Y and N typed into the Message box stay text', async () => {
    const { el, store } = await render((s) => s.state.approvals.set([deploy]));
    const box = getByRole<HTMLTextAreaElement>(el, 'textbox', { name: 'Message' });
    box.focus();
    await sendKeys({ type: 'yn' });
    assert.equal(box.value, 'yn');
    assert.deepEqual(decisions(store), []);
  });

  test('a request that arrives takes focus, unless the user is typing; Alt+A reaches it then', async () => {
    const { el, store } = await render();
    store.state.approvals.set([deploy]);
    await waitUntil(() => deepActiveElement() === cardOf(el, 'make deploy'), 'the new card has focus');
    const box = getByRole<HTMLTextAreaElement>(el, 'textbox', { name: 'Message' });
    box.focus();
    store.state.approvals.set([deploy, cleanup]);
    await settled(el);
    cardNamed(el, 'rm -rf build');
    assert.equal(deepActiveElement(), box, 'typing keeps the focus');
    await sendKeys({ press: 'Alt+KeyA' });
    await waitUntil(() => deepActiveElement() === cardOf(el, 'make deploy'), 'Alt+A moves to the first waiting card');
  });

  test('announces arriving requests and ended turns in live regions', async () => {
    const { el, store } = await render((s) => {
      s.state.threads.set([thread({ id: 'a', name: 'Alpha', activeTurnId: 't1' }), thread({ id: 'b', name: 'Beta' })]);
      s.state.turns.set([turn({ threadId: 'a', turnId: 't1', status: 'inProgress' })]);
    });
    const alerts = getByRole(el, 'status', { name: 'Approval alerts' });
    const turns = getByRole(el, 'status', { name: 'Turn updates' });
    assert.equal(alerts.getAttribute('aria-live'), 'assertive');
    store.state.approvals.set([deploy]);
    await waitUntil(() => visibleText(alerts) === 'Approval needed: make deploy');
    store.state.approvals.set([deploy, { ...cleanup, threadId: 'b' }]);
    await waitUntil(() => visibleText(alerts) === 'Approval needed in Beta: rm -rf build');
    store.state.turns.set([turn({ threadId: 'a', turnId: 't1', status: 'failed' })]);
    await waitUntil(() => visibleText(turns) === 'Turn failed');
  });

  test('the app badge counts waiting requests across threads', async () => {
    const { store, notifier } = await render((s) => s.state.approvals.set([deploy]));
    await waitUntil(() => notifier.lastBadge === 1);
    store.state.approvals.set([deploy, { ...cleanup, threadId: 'b' }]);
    await waitUntil(() => notifier.lastBadge === 2);
    store.state.approvals.set([{ ...deploy, state: 'answered' }, { ...cleanup, threadId: 'b', state: 'resolved' }]);
    await waitUntil(() => notifier.lastBadge === 0);
    assert.deepEqual(notifier.badges, [1, 2, 0], 'set only when the count changes');
  });

  test('while the page is hidden, notifies (if turned on); a click selects the thread', async () => {
    const { el, store, notifier } = await render(() => undefined, true);
    notifier.granted = 'granted';
    notifier.pageHidden = true;
    store.state.approvals.set([{ ...cleanup, threadId: 'b' }]);
    await waitUntil(() => notifier.shown.length === 1);
    const [first] = notifier.shown;
    assert.deepEqual(first?.spec, { title: 'Approval needed', body: 'Beta: rm -rf build', tag: 'okcode-request-n:2', threadId: 'b' });
    first?.click();
    assert.deepEqual(store.callsOf('selectThread').at(-1), { method: 'selectThread', threadId: 'b' });
    notifier.pageHidden = false;
    store.state.approvals.set([{ ...cleanup, threadId: 'b' }, deploy]);
    await settled(el);
    await waitUntil(() => visibleText(getByRole(el, 'status', { name: 'Approval alerts' })).includes('make deploy'));
    assert.lengthOf(notifier.shown, 1, 'no notification while the page is visible');
  });

  test('no notification when the setting is off', async () => {
    const { el, store, notifier } = await render();
    notifier.granted = 'granted';
    notifier.pageHidden = true;
    store.state.approvals.set([deploy]);
    await waitUntil(() => visibleText(getByRole(el, 'status', { name: 'Approval alerts' })).includes('make deploy'));
    assert.lengthOf(notifier.shown, 0);
  });
});
