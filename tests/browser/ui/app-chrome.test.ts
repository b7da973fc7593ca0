import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../web/src/ui/header-tools.ts';
import '../../../web/src/ui/update-banner.ts';
import type { HeaderTools } from '../../../web/src/ui/header-tools.ts';
import type { UpdateBanner } from '../../../web/src/ui/update-banner.ts';
import { announceUpdate } from '../../../web/src/sw/update-prompt.ts';
import { formatTokens } from '../../../web/src/ui/usage-meter.ts';
import type { OutboxRecord } from '../../../protocol/local-records.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { connection, thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

const counts = { total: 0, input: 0, cachedInput: 0, output: 0, reasoningOutput: 0 };

function outbox(id: string): OutboxRecord {
  return { id, threadId: 'x', text: 't', createdAt: 1, afterTurn: false, overrides: null, images: [], state: 'queued', error: null, rev: 1 };
}

async function tools(store: FakeStore): Promise<HeaderTools> {
  const el = await fixture<HeaderTools>(html`<okc-header-tools .store=${store}></okc-header-tools>`);
  await settled(el);
  return el;
}

suite('app chrome', () => {
  test('formats token counts for people', () => {
    assert.deepEqual([950, 12_345, 1_234, 2_500_000].map(formatTokens), ['950', '12k', '1.2k', '2.5M']);
  });

  test('shows the context meter, token total and rate limits', async () => {
    const store = new FakeStore();
    store.state.threads.set([
      thread({ id: 't', tokenUsage: { total: { ...counts, total: 45_000 }, last: { ...counts, total: 64_000 }, contextWindow: 128_000 } }),
    ]);
    store.state.selectedThreadId.set('t');
    store.state.server.set({
      id: 'codex',
      authMode: null,
      planType: null,
      lastLogin: null,
      rateLimits: { primary: { usedPercent: 42, windowMinutes: 300, resetsAt: null }, secondary: null, hasCredits: null, planType: null },
      notices: [],
      rev: 1,
    });
    const el = await tools(store);
    const text = visibleText(el);
    assert.include(text, '50%');
    assert.include(text, '45k tokens used');
    assert.include(text, 'Limit (5h) 42% used');
    const meter = el.shadowRoot?.querySelector('okc-usage-meter')?.shadowRoot?.querySelector('meter');
    assert.equal(meter?.labels[0]?.textContent, 'Context');
  });

  test('counts unsent messages across threads', async () => {
    const store = new FakeStore();
    const el = await tools(store);
    assert.notInclude(visibleText(el), 'unsent');
    store.state.outbox.set([outbox('a'), outbox('b')]);
    await settled(el);
    assert.include(visibleText(el), '2 unsent');
  });

  test('Diagnostics opens a dialog with versions and counts', async () => {
    const store = new FakeStore();
    store.state.connection.set(connection('ready', { bridgeVersion: '0.1.0', codexVersion: '0.169.0' }));
    store.api.diagnostics = async () => ({
      unknown: { 'thread/unknownThing': 3 },
      ignored: {},
      malformed: [{ method: 'item/started', problem: 'no item' }],
      refusedRequests: {},
      bridgeErrors: [],
      malformedFrames: 1,
      storageError: null,
      damagedRecords: { items: 2 },
    });
    const el = await tools(store);
    getByRole(el, 'button', { name: 'Diagnostics' }).click();
    await waitUntil(() => queryAllByRole(el, 'dialog', { name: 'Diagnostics' }).length === 1, 'the dialog opens');
    await waitUntil(() => visibleText(el).includes('thread/unknownThing: 3'));
    const text = visibleText(el);
    assert.include(text, 'Bridge: 0.1.0 · Codex: 0.169.0');
    assert.include(text, 'item/started: no item');
    assert.include(text, 'Malformed frames: 1');
    assert.include(text, 'items: 2', 'damaged records skipped at start-up, by store');
    getByRole(el, 'button', { name: 'Close' }).click();
    await waitUntil(() => queryAllByRole(el, 'dialog').length === 0, 'the dialog closes');
  });

  test('Account: API key sign-in, ChatGPT login link with Cancel', async () => {
    const store = new FakeStore();
    const did: string[] = [];
    let signedIn = false;
    store.api.readAccount = async () => ({
      ok: true,
      value: { type: signedIn ? 'apiKey' : null, email: null, planType: null, requiresOpenaiAuth: true },
    });
    store.api.loginWithApiKey = async (k) => (did.push(`key:${k}`), (signedIn = true), { ok: true, value: null });
    store.api.startChatGptLogin = async () => ({ ok: true, value: { loginId: 'L1', authUrl: 'https://auth.example/x' } });
    store.api.cancelLogin = async (id) => (did.push(`cancel:${id}`), { ok: true, value: null });
    const el = await tools(store);
    getByRole(el, 'button', { name: 'Account' }).click();
    await waitUntil(() => visibleText(el).includes('Codex is not signed in.'));
    const key = getByRole<HTMLInputElement>(el, 'textbox', { name: 'API key' });
    assert.equal(key.type, 'password');
    key.value = 'sk-test';
    getByRole(el, 'button', { name: 'Sign in with API key' }).click();
    await waitUntil(() => visibleText(el).includes('Signed in with an API key'));
    assert.equal(key.value, '', 'the key does not stay in the field');
    getByRole(el, 'button', { name: 'Sign in with ChatGPT' }).click();
    await waitUntil(() => queryAllByRole(el, 'link').length === 1);
    const link = getByRole<HTMLAnchorElement>(el, 'link', { name: 'the ChatGPT sign-in page' });
    assert.equal(link.href, 'https://auth.example/x');
    assert.equal(link.rel, 'noopener noreferrer');
    assert.include(visibleText(el), '127.0.0.1:1455');
    getByRole(el, 'button', { name: 'Cancel' }).click();
    await waitUntil(() => did.length === 2);
    assert.deepEqual(did, ['key:sk-test', 'cancel:L1']);
  });

  test('the update banner offers Reload and Later', async () => {
    const el = await fixture<UpdateBanner>(html`<okc-update-banner></okc-update-banner>`);
    assert.lengthOf(queryAllByRole(el, 'button'), 0);
    let reloaded = 0;
    announceUpdate(() => reloaded++);
    await settled(el);
    assert.include(visibleText(el), 'A new version of OK Code is ready.');
    getByRole(el, 'button', { name: 'Reload' }).click();
    assert.equal(reloaded, 1);
    getByRole(el, 'button', { name: 'Later' }).click();
    await settled(el);
    assert.lengthOf(queryAllByRole(el, 'button'), 0);
  });
});
