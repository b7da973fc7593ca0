import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/composer.ts';
import type { Composer } from '../../../web/src/ui/composer.ts';
import type { OutboxRecord } from '../../../protocol/local-records.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { connection, thread } from '../support/builders.ts';
import { FakeStore } from '../support/fake-store.ts';
import { settled } from '../support/settle.ts';

function store(over: { activeTurnId?: string | null } = {}): FakeStore {
  const s = new FakeStore();
  s.state.threads.set([thread({ id: 't1', cwd: '/w', activeTurnId: over.activeTurnId ?? null }), thread({ id: 't2' })]);
  s.state.selectedThreadId.set('t1');
  return s;
}

async function render(s: FakeStore): Promise<Composer> {
  const el = await fixture<Composer>(html`<okc-composer .store=${s}></okc-composer>`);
  await settled(el);
  return el;
}

const textbox = (el: Element) => getByRole<HTMLTextAreaElement>(el, 'textbox', { name: 'Message' });

async function type(el: Element, text: string): Promise<void> {
  textbox(el).focus();
  await sendKeys({ type: text });
}

function outbox(over: Partial<OutboxRecord> & Pick<OutboxRecord, 'id'>): OutboxRecord {
  return { threadId: 't1', text: 'hi', createdAt: 1, afterTurn: false, overrides: null, images: [], state: 'queued', error: null, rev: 1, ...over };
}

suite('okc-composer: turns, outbox, drafts, settings', () => {
  test('idle: only Send; running: Steer, Queue and Stop', async () => {
    const s = store();
    const el = await render(s);
    getByRole(el, 'button', { name: 'Send' });
    assert.lengthOf(queryAllByRole(el, 'button', { name: /^(Steer|Queue|Stop)$/ }), 0);
    s.state.threads.set([thread({ id: 't1', activeTurnId: 'turn1' })]);
    await settled(el);
    assert.lengthOf(queryAllByRole(el, 'button', { name: 'Send' }), 0);
    for (const name of ['Steer', 'Queue', 'Stop']) getByRole(el, 'button', { name });
  });

  test('Steer sends now, Queue sends after the turn, Stop interrupts', async () => {
    const s = store({ activeTurnId: 'turn1' });
    const el = await render(s);
    await type(el, 'steer me');
    getByRole(el, 'button', { name: 'Steer' }).click();
    await waitUntil(() => textbox(el).value === '');
    await type(el, 'later');
    getByRole(el, 'button', { name: 'Queue' }).click();
    await waitUntil(() => textbox(el).value === '');
    getByRole(el, 'button', { name: 'Stop' }).click();
    assert.deepEqual(
      s.calls.filter((c) => c.method !== 'saveDraft'),
      [
        { method: 'send', text: 'steer me', when: 'now' },
        { method: 'send', text: 'later', when: 'afterTurn' },
        { method: 'interrupt' },
      ],
    );
  });

  test('sends the supervised settings by default', async () => {
    const s = store();
    const el = await render(s);
    await type(el, 'x');
    await sendKeys({ press: 'Enter' });
    assert.deepEqual(s.sendOptions, [{ overrides: { approvalPolicy: 'untrusted', sandbox: 'workspace-write' } }]);
  });

  test('the pickers offer the models codex lists and their choice goes with the message', async () => {
    const s = store();
    s.api.listModels = async () => ({
      ok: true,
      value: [
        { id: 'gpt-a', displayName: 'GPT A', isDefault: true, reasoningEfforts: ['low', 'high'], defaultReasoningEffort: 'low' },
        { id: 'gpt-b', displayName: 'GPT B', isDefault: false, reasoningEfforts: ['medium'], defaultReasoningEffort: 'medium' },
      ],
    });
    const el = await render(s);
    await waitUntil(() => getByRole<HTMLSelectElement>(el, 'combobox', { name: /^Model/ }).options.length === 3);
    const choose = async (name: string, value: string) => {
      const select = getByRole<HTMLSelectElement>(el, 'combobox', { name: new RegExp(`^${name}`) });
      select.value = value;
      select.dispatchEvent(new Event('change'));
      await settled(el);
    };
    await choose('Model', 'gpt-b');
    await choose('Reasoning effort', 'medium');
    await choose('Approval policy', 'on-request');
    await choose('Sandbox', 'read-only');
    await type(el, 'go');
    await sendKeys({ press: 'Enter' });
    assert.deepEqual(s.sendOptions, [{ overrides: { approvalPolicy: 'on-request', sandbox: 'read-only', model: 'gpt-b', effort: 'medium' } }]);
  });

  test('shows the outbox in words with Retry and Discard', async () => {
    const s = store();
    s.state.connection.set(connection('disconnected'));
    s.state.outbox.set([outbox({ id: 'o1', text: 'waiting one' }), outbox({ id: 'o2', text: 'bad one', state: 'failed', error: 'too long' })]);
    const el = await render(s);
    const text = visibleText(el);
    assert.include(text, 'Waiting for the bridge');
    assert.include(text, 'Refused: too long');
    const [retry] = queryAllByRole(el, 'button', { name: 'Retry' });
    const discards = queryAllByRole(el, 'button', { name: 'Discard' });
    assert.lengthOf(discards, 2);
    // Alike names, told apart by their description: the message each one is for.
    const description = (b: HTMLElement) => (b.getRootNode() as ShadowRoot).getElementById(b.getAttribute('aria-describedby') ?? '')?.textContent;
    assert.deepEqual(discards.map(description), ['waiting one', 'bad one']);
    assert.equal(retry && description(retry), 'waiting one');
    retry?.click();
    discards[1]?.click();
    assert.deepEqual(s.calls, [
      { method: 'retryOutbox', outboxId: 'o1' },
      { method: 'discardOutbox', outboxId: 'o2' },
    ]);
    s.state.connection.set(connection('ready'));
    s.state.outbox.set([outbox({ id: 'o1', text: 'waiting one', state: 'sending' })]);
    await settled(el);
    assert.include(visibleText(el), 'Sending…');
  });

  test('loads the draft of the selected thread and saves edits', async () => {
    const s = store();
    s.state.drafts.set(new Map([['t1', 'draft one'], ['t2', 'draft two']]));
    const el = await render(s);
    assert.equal(textbox(el).value, 'draft one');
    s.selectThread('t2');
    await settled(el);
    assert.equal(textbox(el).value, 'draft two');
    await type(el, '!');
    assert.deepEqual(s.callsOf('saveDraft').at(-1), { method: 'saveDraft', text: 'draft two!' });
  });

  test('@ offers matching files in a listbox and Enter inserts the path', async () => {
    const s = store();
    const asked: Array<[string, string]> = [];
    s.api.searchFiles = async (q, cwd) => {
      asked.push([q, cwd]);
      return { ok: true, value: [{ path: 'src/main.ts', fileName: 'main.ts' }, { path: 'src/mail.ts', fileName: 'mail.ts' }] };
    };
    const el = await render(s);
    await type(el, 'look at @ma');
    await waitUntil(() => queryAllByRole(el, 'listbox', { name: 'Matching files' }).length === 1, 'the listbox opens');
    assert.deepEqual(asked.at(-1), ['ma', '/w']);
    const options = queryAllByRole(el, 'option');
    assert.deepEqual(options.map((o) => o.getAttribute('aria-selected')), ['true', 'false']);
    assert.equal(textbox(el).getAttribute('aria-activedescendant'), options[0]?.id);
    await sendKeys({ press: 'ArrowDown' });
    await settled(el);
    assert.equal(textbox(el).getAttribute('aria-activedescendant'), options[1]?.id);
    await sendKeys({ press: 'Enter' });
    await settled(el);
    assert.equal(textbox(el).value, 'look at @src/mail.ts ');
    assert.lengthOf(queryAllByRole(el, 'listbox'), 0);
    assert.lengthOf(s.callsOf('send'), 0, 'choosing a file does not send');
  });

  test('a pasted image is attached, shown, and sent as a data: URL', async () => {
    const s = store();
    const el = await render(s);
    const png = atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==');
    const file = new File([Uint8Array.from(png, (c) => c.charCodeAt(0))], 'dot.png', { type: 'image/png' });
    const data = new DataTransfer();
    data.items.add(file);
    textbox(el).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await waitUntil(() => queryAllByRole(el, 'img', { name: 'Attached image 1' }).length === 1, 'the thumbnail shows');
    await type(el, 'see picture');
    await sendKeys({ press: 'Enter' });
    const images = s.sendOptions[0]?.images ?? [];
    assert.lengthOf(images, 1);
    assert.match(images[0] ?? '', /^data:image\/png;base64,/);
    await waitUntil(() => queryAllByRole(el, 'img').length === 0, 'attachments clear once sent');
  });
});
