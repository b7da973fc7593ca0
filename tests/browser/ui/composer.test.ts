import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/composer.ts';
import type { Composer } from '../../../web/src/ui/composer.ts';
import { getByRole, visibleText } from '../support/aria-query.ts';
import { connection } from '../support/builders.ts';
import { Deferred, FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

/** A store with thread `t1` selected and the connection ready. */
function readyStore(): FakeStore {
  const store = new FakeStore();
  store.state.selectedThreadId.set('t1');
  return store;
}

async function render(store: FakeStore) {
  const el = await fixture<Composer>(html`<okc-composer .store=${store}></okc-composer>`);
  await settled(el);
  return {
    el,
    textbox: getByRole<HTMLTextAreaElement>(el, 'textbox', { name: 'Message' }),
    send: getByRole<HTMLButtonElement>(el, 'button', { name: 'Send' }),
  };
}

/** Types into the textbox as a user would (real key events from the browser). */
async function type(textbox: HTMLTextAreaElement, text: string): Promise<void> {
  textbox.focus();
  await sendKeys({ type: text });
}

suite('okc-composer', () => {
  test('Enter sends the text and the textbox clears once sent', async () => {
    const store = readyStore();
    const { textbox } = await render(store);
    await type(textbox, 'hello codex');
    await sendKeys({ press: 'Enter' });
    assert.deepEqual(store.callsOf('send'), [{ method: 'send', text: 'hello codex', when: 'now' }]);
    await waitUntil(() => textbox.value === '', 'the textbox clears');
  });

  test('Shift+Enter inserts a newline and does not send', async () => {
    const store = readyStore();
    const { textbox } = await render(store);
    await type(textbox, 'line one');
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'line two' });
    assert.equal(textbox.value, 'line one\nline two');
    assert.deepEqual(store.callsOf('send'), []);
    await sendKeys({ press: 'Enter' });
    assert.deepEqual(store.callsOf('send'), [{ method: 'send', text: 'line one\nline two', when: 'now' }]);
  });

  test('the Send button sends', async () => {
    const store = readyStore();
    const { textbox, send } = await render(store);
    await type(textbox, 'via button');
    send.click();
    assert.deepEqual(store.callsOf('send'), [{ method: 'send', text: 'via button', when: 'now' }]);
    await waitUntil(() => textbox.value === '', 'the textbox clears');
  });

  test('does not send empty or whitespace-only text', async () => {
    const store = readyStore();
    const { textbox, send } = await render(store);
    textbox.focus();
    await sendKeys({ press: 'Enter' });
    await type(textbox, '   ');
    await sendKeys({ press: 'Enter' });
    send.click();
    assert.deepEqual(store.callsOf('send'), []);
  });

  test('keeps the text when sending fails', async () => {
    const store = readyStore();
    store.results.send = false;
    const { el, textbox, send } = await render(store);
    await type(textbox, 'keep me');
    await sendKeys({ press: 'Enter' });
    assert.lengthOf(store.callsOf('send'), 1);
    await waitUntil(() => !send.disabled, 'Send is enabled again');
    await settled(el);
    assert.equal(textbox.value, 'keep me');
  });

  test('is read-only with Send disabled while a send is in flight', async () => {
    const store = readyStore();
    const pending = new Deferred<boolean>();
    store.results.send = pending;
    const { el, textbox, send } = await render(store);
    await type(textbox, 'slow');
    await sendKeys({ press: 'Enter' });
    await settled(el);
    assert.isTrue(send.disabled);
    assert.isTrue(textbox.readOnly);
    await sendKeys({ press: 'Enter' });
    assert.lengthOf(store.callsOf('send'), 1, 'no second send while the first is in flight');
    pending.resolve(true);
    await waitUntil(() => textbox.value === '' && !send.disabled && !textbox.readOnly, 'the composer is free again');
  });

  test('is disabled, saying why, when no thread is selected', async () => {
    const store = new FakeStore();
    const { el, textbox, send } = await render(store);
    assert.isTrue(textbox.disabled);
    assert.isTrue(send.disabled);
    assert.include(visibleText(el), 'Select a thread, or start a new one, to send a message.');
  });

  test('sends with the bridge down, saying the message waits in the outbox', async () => {
    const store = readyStore();
    store.state.connection.set(connection('disconnected'));
    const { el, textbox, send } = await render(store);
    assert.isFalse(send.disabled);
    assert.include(visibleText(el), 'messages wait in the outbox');
    await type(textbox, 'offline');
    await sendKeys({ press: 'Enter' });
    assert.deepEqual(store.callsOf('send'), [{ method: 'send', text: 'offline', when: 'now' }]);
  });

  test('the reason is the textbox description', async () => {
    const store = new FakeStore();
    const { el, textbox } = await render(store);
    const described = textbox.getAttribute('aria-describedby') ?? '';
    const note = el.shadowRoot?.getElementById(described);
    assert.include(note?.textContent ?? '', 'Select a thread');
  });
});
