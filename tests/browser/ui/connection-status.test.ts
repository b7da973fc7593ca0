import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/connection-status.ts';
import type { ConnectionStatus } from '../../../web/src/ui/connection-status.ts';
import type { ConnectionRecord } from '../../../protocol/projections.ts';
import { getByRole, visibleText } from '../support/aria-query.ts';
import { connection } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

interface Case {
  name: string;
  record: ConnectionRecord;
  says: string;
}

const cases: [Case, ...Case[]] = [
  { name: 'ready, codex version unknown', record: connection('ready'), says: 'Connected' },
  {
    name: 'ready, with the codex version',
    record: connection('ready', { codexVersion: '0.169.0', detail: 'ignored' }),
    says: 'Connected · codex 0.169.0',
  },
  { name: 'connecting', record: connection('connecting'), says: 'Connecting to the bridge…' },
  {
    name: 'connecting, with detail',
    record: connection('connecting', { detail: 'Attempt 3, next in 4 s.' }),
    says: 'Connecting to the bridge… Attempt 3, next in 4 s.',
  },
  {
    name: 'unconfigured',
    record: connection('unconfigured'),
    says: 'Not connected. Run npx okcode-bridge in your project and open the URL it prints.',
  },
  {
    name: 'unauthorized',
    record: connection('unauthorized'),
    says: "The bridge refused this page's token. Open the URL okcode-bridge printed (it contains a fresh token).",
  },
  {
    name: 'codexDown: the detail is the message',
    record: connection('codexDown', { detail: 'Codex exited (code 1); restarting in 2 s.' }),
    says: 'Codex exited (code 1); restarting in 2 s.',
  },
  { name: 'codexDown without detail', record: connection('codexDown'), says: 'Codex is not running.' },
  {
    name: 'disconnected',
    record: connection('disconnected'),
    says: 'Bridge not reachable. Start it with npx okcode-bridge (or npm start in the OK Code repo).',
  },
  {
    name: 'disconnected, with detail',
    record: connection('disconnected', { detail: 'ws://127.0.0.1:3773 refused the connection.' }),
    says:
      'Bridge not reachable. Start it with npx okcode-bridge (or npm start in the OK Code repo). ' +
      'ws://127.0.0.1:3773 refused the connection.',
  },
];

async function render(store: FakeStore): Promise<ConnectionStatus> {
  const el = await fixture<ConnectionStatus>(html`<okc-connection-status .store=${store}></okc-connection-status>`);
  await settled(el);
  return el;
}

suite('okc-connection-status', () => {
  for (const c of cases) {
    test(`says the state in words: ${c.name}`, async () => {
      const store = new FakeStore();
      store.state.connection.set(c.record);
      const el = await render(store);
      assert.equal(visibleText(getByRole(el, 'status')), c.says);
    });
  }

  test('shows commands to run as code', async () => {
    const store = new FakeStore();
    store.state.connection.set(connection('unconfigured'));
    const el = await render(store);
    assert.equal(el.shadowRoot?.querySelector('[role="status"] code')?.textContent, 'npx okcode-bridge');
  });

  test('follows the connection as it changes', async () => {
    const store = new FakeStore();
    store.state.connection.set(connection('connecting'));
    const el = await render(store);
    assert.equal(visibleText(getByRole(el, 'status')), 'Connecting to the bridge…');
    store.state.connection.set(connection('ready'));
    await settled(el);
    assert.equal(visibleText(getByRole(el, 'status')), 'Connected');
  });
});
