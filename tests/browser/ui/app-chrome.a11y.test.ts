import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { announceUpdate } from '../../../web/src/sw/update-prompt.ts';
import { getByRole, queryAllByRole } from '../support/aria-query.ts';
import { thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

function store(): FakeStore {
  const s = new FakeStore();
  s.state.threads.set([thread({ id: 'a', name: 'Alpha' })]);
  s.state.selectedThreadId.set('a');
  s.api.diagnostics = async () => ({
    unknown: { 'x/y': 1 },
    ignored: {},
    malformed: [],
    refusedRequests: {},
    bridgeErrors: [{ code: 'E', message: 'boom' }],
    malformedFrames: 0,
    storageError: null,
  });
  s.api.readAccount = async () => ({ ok: true, value: { type: null, email: null, planType: null, requiresOpenaiAuth: true } });
  return s;
}

suite('app chrome accessibility (axe, in the themed app)', () => {
  teardown(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    for (const panel of ['Diagnostics', 'Account']) {
      test(`the ${panel} dialog passes axe (${scheme})`, async () => {
        await emulateMedia({ colorScheme: scheme });
        const el = await fixture<AppShell>(html`<okc-app .store=${store()}></okc-app>`);
        await settled(el);
        getByRole(el, 'button', { name: panel }).click();
        await waitUntil(() => queryAllByRole(el, 'dialog', { name: panel }).length === 1, 'the dialog opens');
        await new Promise((r) => setTimeout(r, 50));
        await settled(el);
        await expect(getByRole(el, 'dialog', { name: panel })).to.be.accessible();
      });
    }
  }

  test('the update banner passes axe', async () => {
    announceUpdate(() => undefined);
    const el = await fixture<AppShell>(html`<okc-app .store=${store()}></okc-app>`);
    await settled(el);
    getByRole(el, 'button', { name: 'Reload' });
    await expect(el.shadowRoot?.querySelector('okc-update-banner')).to.be.accessible();
  });
});
