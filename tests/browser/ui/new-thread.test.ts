import { assert, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/new-thread.ts';
import type { NewThread } from '../../../web/src/ui/new-thread.ts';
import { getByRole } from '../support/aria-query.ts';
import { connection, thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

const TYPED_KEY = 'okcode.typedDirectories';

async function render(store: FakeStore): Promise<NewThread> {
  const el = await fixture<NewThread>(html`<okc-new-thread .store=${store}></okc-new-thread>`);
  await settled(el);
  return el;
}

function storeAt(cwd: string): FakeStore {
  const store = new FakeStore();
  store.state.connection.set(connection('ready', { cwd }));
  return store;
}

/** Opens the disclosure; returns the Working directory combobox. */
async function open(el: NewThread): Promise<HTMLInputElement> {
  getByRole(el, 'button', { name: 'New thread in a directory' }).click();
  await settled(el);
  return getByRole<HTMLInputElement>(el, 'combobox', { name: 'Working directory' });
}

function offered(el: NewThread): string[] {
  return [...(el.shadowRoot?.querySelectorAll('datalist option') ?? [])].map((o) => o.getAttribute('value') ?? '');
}

suite('okc-new-thread', () => {
  setup(() => localStorage.removeItem(TYPED_KEY));
  teardown(() => localStorage.removeItem(TYPED_KEY));

  test('New thread starts at once in the bridge directory; the directory form stays collapsed', async () => {
    const store = storeAt('/srv/bridge');
    const el = await render(store);
    const toggle = getByRole(el, 'button', { name: 'New thread in a directory' });
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
    assert.isNull(el.shadowRoot?.querySelector('form:not([hidden])'));
    getByRole(el, 'button', { name: 'New thread' }).click();
    assert.deepEqual(store.calls, [{ method: 'newThread' }]);
  });

  test('the disclosure offers a Working directory filled with the bridge directory, focused', async () => {
    const el = await render(storeAt('/srv/bridge'));
    const input = await open(el);
    assert.equal(getByRole(el, 'button', { name: 'New thread in a directory' }).getAttribute('aria-expanded'), 'true');
    assert.equal(input.value, '/srv/bridge');
    assert.strictEqual(el.shadowRoot?.activeElement, input);
    getByRole(el, 'form', { name: 'New thread in a directory' });
  });

  test('offers recent directories: thread cwds and typed ones, newest first, each once', async () => {
    localStorage.setItem(TYPED_KEY, JSON.stringify([{ dir: '/typed/new', at: 1_700_000_500_000 }, { dir: '/typed/old', at: 1 }]));
    const store = storeAt('/srv/bridge');
    store.state.threads.set([
      thread({ id: 'a', cwd: '/work/a', updatedAt: 1_700_000_900 }),
      thread({ id: 'b', cwd: '/work/b', updatedAt: 1_700_000_100 }),
      thread({ id: 'c', cwd: '/work/a', updatedAt: 1_700_000_050 }),
      thread({ id: 'd', cwd: '', updatedAt: 1_700_000_990 }),
    ]);
    const el = await render(store);
    await open(el);
    assert.deepEqual(offered(el), ['/work/a', '/typed/new', '/work/b', '/typed/old']);
  });

  test('starts a thread in the typed directory, closes, and offers it next time', async () => {
    const store = storeAt('/srv/bridge');
    const el = await render(store);
    const input = await open(el);
    input.select();
    await sendKeys({ type: '/home/dev/other' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    assert.deepEqual(store.callsOf('newThread'), [{ method: 'newThread', cwd: '/home/dev/other' }]);
    assert.isNotNull(el.shadowRoot?.querySelector('form[hidden]'), 'the form closed');
    await open(el);
    assert.deepEqual(offered(el), ['/home/dev/other']);
  });

  test('refuses a relative path with an error on the field', async () => {
    const store = storeAt('/srv/bridge');
    const el = await render(store);
    const input = await open(el);
    input.value = 'projects/x';
    getByRole(el, 'button', { name: 'Start thread' }).click();
    await settled(el);
    assert.deepEqual(store.callsOf('newThread'), []);
    assert.equal(input.getAttribute('aria-invalid'), 'true');
    assert.match(getByRole(el, 'alert').textContent ?? '', /absolute path/);
  });

  test('shows why codex refused, and keeps the form open', async () => {
    const store = storeAt('/srv/bridge');
    store.results.newThreadOk = false;
    store.state.lastError.set('Could not start a thread: no such directory');
    const el = await render(store);
    const input = await open(el);
    input.value = '/nope';
    getByRole(el, 'button', { name: 'Start thread' }).click();
    await settled(el);
    assert.equal(getByRole(el, 'alert').textContent, 'Could not start a thread: no such directory');
    assert.isNull(el.shadowRoot?.querySelector('form[hidden]'));
    assert.equal(localStorage.getItem(TYPED_KEY), null, 'a refused directory is not remembered');
  });

  test('Escape closes the form and returns focus to its button', async () => {
    const el = await render(storeAt('/srv/bridge'));
    await open(el);
    await sendKeys({ press: 'Escape' });
    await settled(el);
    const toggle = getByRole(el, 'button', { name: 'New thread in a directory' });
    assert.equal(toggle.getAttribute('aria-expanded'), 'false');
    assert.strictEqual(el.shadowRoot?.activeElement, toggle);
  });

  test('Start thread is disabled until the connection is ready', async () => {
    const store = storeAt('/srv/bridge');
    store.state.connection.set(connection('connecting'));
    const el = await render(store);
    await open(el);
    assert.isTrue(getByRole<HTMLButtonElement>(el, 'button', { name: 'Start thread' }).disabled);
  });
});
