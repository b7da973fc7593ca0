import { ignoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import { assert, expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { accessibleName, queryAllByRole } from '../support/aria-query.ts';
import { chromiumAxTree } from '../support/ax-tree.ts';
import { approval, item, thread, turn } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { transcriptSettled } from './transcript-settle.ts';

/** Everything on screen at once: threads in every status, each item kind, an approval, an error. */
function busyStore(): FakeStore {
  const store = new FakeStore();
  const T = 'a';
  store.state.threads.set([
    thread({ id: T, name: 'Alpha', status: 'waitingOnApproval' }),
    thread({ id: 'b', preview: 'Refactor the relay', status: 'working' }),
    thread({ id: 'c', cwd: '/srv/app', status: 'systemError' }),
    thread({ id: 'd', cwd: '' }),
  ]);
  store.state.selectedThreadId.set(T);
  store.state.items.set([
    item({ kind: 'userMessage', text: 'Run the tests' }, { itemId: 'u', threadId: T }),
    item({ kind: 'agentMessage', text: 'Sure. See [docs](https://example.com).\n\n```sh\nnpm test\n```' }, { itemId: 'a', threadId: T }),
    item(
      {
        kind: 'commandExecution',
        command: 'npm test',
        cwd: '/home/dev/okcode',
        output: Array.from({ length: 80 }, (_, i) => `ok ${i}`).join('\n'),
        exitCode: 1,
        durationMs: 1234,
        status: 'completed',
      },
      { itemId: 'c', threadId: T },
    ),
    item({ kind: 'other', type: 'reasoning', summary: 'Looked at the tests' }, { itemId: 'o', threadId: T }),
    item({ kind: 'agentMessage', text: 'Still typing' }, { itemId: 's', threadId: T, streaming: true, turnId: 't2' }),
  ]);
  store.state.turns.set([turn({ threadId: T, turnId: 't1', status: 'failed', error: 'Rate limited.' })]);
  store.state.approvals.set([approval({ requestKey: 'n:1', threadId: T, reason: 'Needs network.' })]);
  store.state.lastError.set('Could not send the message.');
  return store;
}

async function render(): Promise<AppShell> {
  const el = await fixture<AppShell>(html`<okc-app .store=${busyStore()}></okc-app>`);
  await transcriptSettled(el);
  return el;
}

suite('okc-app accessibility', () => {
  // why: the virtualizer resizes what it observes while measuring, and Chromium reports that as an
  // error, also after a test has ended; each test file has its own page, so this stays installed.
  suiteSetup(() => void ignoreWindowResizeObserverLoopErrors({ suppressErrorLogging: true }));
  teardown(async () => {
    await emulateMedia({ colorScheme: 'light' });
  });

  test('every button and textbox has an accessible name (our query)', async () => {
    const el = await render();
    const controls = [...queryAllByRole(el, 'button'), ...queryAllByRole(el, 'textbox')];
    assert.isAtLeast(controls.length, 9, 'New thread, 4 threads, Approve, Decline, Send, Message');
    for (const control of controls) {
      assert.notEqual(accessibleName(control), '', control.outerHTML);
    }
  });

  test("every button and textbox has a name in Chromium's accessibility tree", async () => {
    await render();
    const nodes = (await chromiumAxTree()).filter((n) => !n.ignored);
    const controls = nodes.filter((n) => n.role === 'button' || n.role === 'textbox');
    const names = controls.map((n) => n.name);
    for (const expected of ['New thread', 'Alpha Needs approval', 'Approve', 'Decline', 'Send', 'Message']) {
      assert.include(names, expected);
    }
    assert.deepEqual(
      controls.filter((n) => n.name.trim() === ''),
      [],
      'unnamed controls',
    );
    const landmarks = nodes.map((n) => `${n.role}:${n.name}`);
    for (const expected of ['banner:', 'navigation:Threads', 'main:', 'log:Transcript', 'alert:', 'article:Approve command?']) {
      assert.include(landmarks, expected);
    }
  });

  test('passes axe in the light theme', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await render();
    await expect(el).to.be.accessible();
  });

  test('passes axe in the dark theme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const el = await render();
    await expect(el).to.be.accessible();
  });
});
