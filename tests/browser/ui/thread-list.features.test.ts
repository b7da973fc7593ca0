import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/thread-list.ts';
import type { ThreadList } from '../../../web/src/ui/thread-list.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

async function render(store: FakeStore): Promise<ThreadList> {
  const el = await fixture<ThreadList>(html`<okc-thread-list .store=${store}></okc-thread-list>`);
  await settled(el);
  return el;
}

const names = (el: Element) =>
  queryAllByRole(getByRole(el, 'navigation', { name: 'Threads' }), 'button')
    .filter((b) => b.hasAttribute('aria-current'))
    .map(visibleText);

/** The Rename/Archive/Unarchive button of the row showing `thread`. */
function rowButton(el: Element, thread: string, name: string): HTMLElement {
  const row = queryAllByRole(el, 'listitem').find((li) => visibleText(li).startsWith(thread));
  if (row === undefined) throw new Error(`no row for ${thread}`);
  return getByRole(row, 'button', { name });
}

function threeThreads(): FakeStore {
  const store = new FakeStore();
  store.state.threads.set([
    thread({ id: 'a', name: 'Fix login', cwd: '/p/web' }),
    thread({ id: 'b', name: 'Bridge docs', cwd: '/p/bridge' }),
    thread({ id: 'c', name: 'Login tests', cwd: '/p/web' }),
    thread({ id: 'd', name: 'Old stuff', cwd: '/p/web', archived: true }),
  ]);
  return store;
}

suite('okc-thread-list: groups, search, rename, archive, load more', () => {
  test('groups threads by project, most recent project first, archived ones hidden', async () => {
    const el = await render(threeThreads());
    const headings = queryAllByRole(el, 'heading').map(visibleText);
    assert.deepEqual(headings, ['web', 'bridge']);
    assert.deepEqual(names(el), ['Fix login', 'Login tests', 'Bridge docs']);
    getByRole(el, 'checkbox', { name: 'Show archived' }).click();
    await settled(el);
    assert.deepEqual(names(el), ['Old stuff']);
  });

  test('the search box filters titles and lists full-text matches', async () => {
    const store = threeThreads();
    const asked: string[] = [];
    store.api.search = async (q) => {
      asked.push(q);
      return [{ threadId: 'b', itemId: 'i1', snippet: 'the login flow is described here' }];
    };
    const el = await render(store);
    getByRole(el, 'searchbox', { name: 'Search threads' }).focus();
    await sendKeys({ type: 'login' });
    await settled(el);
    assert.deepEqual(names(el), ['Fix login', 'Login tests']);
    await waitUntil(() => queryAllByRole(el, 'region', { name: 'Matches in messages' }).length === 1, 'full-text hits show');
    assert.deepEqual(asked, ['login']);
    const region = getByRole(el, 'region', { name: 'Matches in messages' });
    getByRole(region, 'button', { name: /Bridge docs/ }).click();
    assert.deepEqual(store.callsOf('selectThread'), [{ method: 'selectThread', threadId: 'b' }]);
  });

  test('renames inline: Enter saves, Escape cancels', async () => {
    const store = threeThreads();
    const el = await render(store);
    rowButton(el, 'Fix login', 'Rename').click();
    await settled(el);
    const box = getByRole<HTMLInputElement>(el, 'textbox', { name: 'New name for Fix login' });
    assert.equal(box.getRootNode() instanceof ShadowRoot && document.activeElement !== null, true);
    box.select();
    await sendKeys({ type: 'Fix the login' });
    await sendKeys({ press: 'Enter' });
    await settled(el);
    assert.deepEqual(store.callsOf('renameThread'), [{ method: 'renameThread', threadId: 'a', name: 'Fix the login' }]);
    rowButton(el, 'Bridge docs', 'Rename').click();
    await settled(el);
    await sendKeys({ press: 'Escape' });
    await settled(el);
    assert.lengthOf(queryAllByRole(el, 'textbox', { name: /New name/ }), 0);
    assert.lengthOf(store.callsOf('renameThread'), 1);
  });

  test('archives, and unarchives from the archived view', async () => {
    const store = threeThreads();
    const unarchived: string[] = [];
    store.api.unarchiveThread = async (id) => {
      unarchived.push(id);
      return { ok: true, value: null };
    };
    const el = await render(store);
    rowButton(el, 'Bridge docs', 'Archive').click();
    assert.deepEqual(store.callsOf('archiveThread'), [{ method: 'archiveThread', threadId: 'b' }]);
    getByRole(el, 'checkbox', { name: 'Show archived' }).click();
    await settled(el);
    rowButton(el, 'Old stuff', 'Unarchive').click();
    assert.deepEqual(unarchived, ['d']);
  });

  test('Load more pages in older threads until codex has no more', async () => {
    const store = threeThreads();
    let calls = 0;
    store.api.loadMoreThreads = async () => ({ ok: true, value: { more: ++calls < 2 } });
    const el = await render(store);
    const more = () => queryAllByRole(el, 'button', { name: 'Load more' });
    more()[0]?.click();
    await waitUntil(() => calls === 1 && !(more()[0] as HTMLButtonElement | undefined)?.disabled);
    more()[0]?.click();
    await waitUntil(() => more().length === 0, 'the button goes once there is no more');
    assert.equal(calls, 2);
  });

  test('says why Load more failed', async () => {
    const store = threeThreads();
    const el = await render(store);
    getByRole(el, 'button', { name: 'Load more' }).click();
    await waitUntil(() => visibleText(el).includes('Could not load more threads'));
  });
});
