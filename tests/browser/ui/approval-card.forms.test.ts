import { assert, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/approval-card.ts';
import type { ApprovalCard } from '../../../web/src/ui/approval-card.ts';
import type { ApprovalRecord } from '../../../protocol/projections.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { FakeStore } from '../support/fake-store.ts';
import { boolField, elicitationRequest, enumField, numberField, question, textField, userInputRequest } from '../support/request-builders.ts';
import { settled } from '../support/settle.ts';

async function render(record: ApprovalRecord): Promise<{ el: ApprovalCard; store: FakeStore }> {
  const store = new FakeStore();
  const el = await fixture<ApprovalCard>(html`<okc-approval-card .store=${store} .approval=${record}></okc-approval-card>`);
  await settled(el);
  return { el, store };
}

async function type(input: HTMLElement, text: string): Promise<void> {
  input.focus();
  await sendKeys({ type: text });
}

const color = question({
  id: 'color',
  header: 'Color',
  question: 'Pick a color?',
  isOther: true,
  options: [{ label: 'Red (Recommended)', description: 'warm' }, { label: 'Blue', description: 'cool' }],
});

suite('okc-approval-card: questions', () => {
  test('options are radio buttons in a group named by the question; Submit answers sends the label', async () => {
    const { el, store } = await render(userInputRequest([color]));
    const card = getByRole(el, 'article', { name: 'Codex has a question' });
    assert.include(visibleText(card), 'Pick a color?');
    assert.include(visibleText(card), 'cool');
    assert.deepEqual(queryAllByRole(card, 'radio').map((r) => r.getAttribute('aria-label')), ['Red (Recommended)', 'Blue', 'Other']);
    getByRole(card, 'radio', { name: 'Blue' }).click();
    await settled(el);
    getByRole(card, 'button', { name: 'Submit answers' }).click();
    assert.deepEqual(store.calls, [{ method: 'answerApproval', requestKey: 'n:3', decision: { kind: 'userInput', answers: { color: ['Blue'] } } }]);
  });

  test('Other opens a text field whose words are the answer', async () => {
    const { el, store } = await render(userInputRequest([color]));
    getByRole(el, 'radio', { name: 'Other' }).click();
    await settled(el);
    await type(getByRole(el, 'textbox', { name: 'Other answer: Color' }), 'Teal');
    getByRole(el, 'button', { name: 'Submit answers' }).click();
    assert.deepEqual(store.callsOf('answerApproval')[0]?.decision, { kind: 'userInput', answers: { color: ['Teal'] } });
  });

  test('a secret question without options is a password field', async () => {
    const { el, store } = await render(userInputRequest([question({ id: 'token', header: 'Token', question: 'Paste your token', isSecret: true })]));
    const field = getByRole<HTMLInputElement>(el, 'textbox', { name: 'Your answer: Token' });
    assert.equal(field.type, 'password');
    await type(field, 's3cret');
    getByRole(el, 'button', { name: 'Submit answers' }).click();
    assert.deepEqual(store.callsOf('answerApproval')[0]?.decision, { kind: 'userInput', answers: { token: ['s3cret'] } });
  });

  test('every question needs an answer before anything is sent', async () => {
    const size = question({ id: 'size', header: 'Size', question: 'How big?', options: [{ label: 'S', description: '' }, { label: 'L', description: '' }] });
    const { el, store } = await render(userInputRequest([color, size]));
    getByRole(el, 'article', { name: 'Codex has questions' });
    getByRole(el, 'radio', { name: 'Blue' }).click();
    getByRole(el, 'button', { name: 'Submit answers' }).click();
    await settled(el);
    assert.lengthOf(store.calls, 0);
    assert.include(visibleText(getByRole(el, 'alert')), 'Size');
    getByRole(el, 'radio', { name: 'L' }).click();
    getByRole(el, 'button', { name: 'Submit answers' }).click();
    assert.deepEqual(store.callsOf('answerApproval')[0]?.decision, { kind: 'userInput', answers: { color: ['Blue'], size: ['L'] } });
  });

  test('once answered it says so', async () => {
    const { el } = await render({ ...userInputRequest([color]), state: 'answered', decision: { kind: 'userInput', answers: { color: ['Blue'] } } });
    assert.equal(visibleText(getByRole(el, 'status')), 'Answered');
    assert.lengthOf(queryAllByRole(el, 'radio'), 0);
  });
});

suite('okc-approval-card: MCP elicitations', () => {
  const form = elicitationRequest({
    mode: 'form',
    fields: [
      textField('name', { title: 'Name', required: true, description: 'How to greet you' }),
      boolField('excited', { title: 'Excited greeting' }),
      numberField('count', { title: 'Count', minimum: 1, maximum: 5 }),
      enumField('size', ['s', 'l'], { title: 'Size', defaultValue: ['l'] }),
      enumField('tags', ['a', 'b'], { title: 'Tags', multiple: true }),
    ],
  });

  test('a flat form is labelled fields; Accept sends their values', async () => {
    const { el, store } = await render(form);
    getByRole(el, 'article', { name: 'demo asks' });
    await type(getByRole(el, 'textbox', { name: 'Name (required)' }), 'Ada');
    getByRole(el, 'checkbox', { name: 'Excited greeting' }).click();
    await type(getByRole(el, 'textbox', { name: 'Count' }), '3');
    getByRole(el, 'checkbox', { name: 'B' }).click();
    await settled(el);
    getByRole(el, 'button', { name: 'Accept' }).click();
    assert.deepEqual(store.callsOf('answerApproval')[0]?.decision, {
      kind: 'mcpElicitation',
      action: 'accept',
      content: { name: 'Ada', excited: true, count: 3, size: 'l', tags: ['b'] },
    });
  });

  test('a required field must be filled in', async () => {
    const { el, store } = await render(form);
    getByRole(el, 'button', { name: 'Accept' }).click();
    await settled(el);
    assert.lengthOf(store.calls, 0);
    assert.equal(visibleText(getByRole(el, 'alert')), 'Fill in Name.');
  });

  for (const [button, action] of [['Decline', 'decline'], ['Cancel', 'cancel']] as const) {
    test(`${button} sends ${action}`, async () => {
      const { el, store } = await render(form);
      getByRole(el, 'button', { name: button }).click();
      assert.deepEqual(store.callsOf('answerApproval')[0]?.decision, { kind: 'mcpElicitation', action });
    });
  }

  test('an MCP tool-call approval asks "Allow tool call?" with Approve, Decline, Cancel', async () => {
    const { el, store } = await render(elicitationRequest({ mode: 'toolApproval', toolName: 'ask_name', toolParams: '{\n  "q": 1\n}' }, { message: 'Allow the demo MCP server to run tool "ask_name"?' }));
    const card = getByRole(el, 'article', { name: 'Allow tool call?' });
    assert.include(visibleText(card), 'Server demo, tool ask_name');
    assert.deepEqual(queryAllByRole(card, 'button').map((b) => visibleText(b)), ['Approve', 'Decline', 'Cancel']);
    getByRole(card, 'button', { name: 'Approve' }).click();
    assert.deepEqual(store.callsOf('answerApproval')[0]?.decision, { kind: 'mcpElicitation', action: 'accept', content: {} });
  });

  test('a URL request shows a safe link the user may open', async () => {
    const { el } = await render(elicitationRequest({ mode: 'url', url: 'https://example.com/login' }, { message: 'Sign in' }));
    const link = getByRole<HTMLAnchorElement>(el, 'link', { name: 'https://example.com/login' });
    assert.equal(link.rel, 'noopener noreferrer');
    const { el: bad } = await render(elicitationRequest({ mode: 'url', url: 'javascript:alert(1)' }));
    assert.lengthOf(queryAllByRole(bad, 'link'), 0);
    assert.include(visibleText(bad), 'javascript:alert(1)');
  });

  test('a form too rich to show can only be declined or cancelled', async () => {
    const { el } = await render(elicitationRequest({ mode: 'unsupported', schema: '{}' }));
    assert.deepEqual(queryAllByRole(el, 'button').map((b) => visibleText(b)), ['Decline', 'Cancel']);
  });
});
