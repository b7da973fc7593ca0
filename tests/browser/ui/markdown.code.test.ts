import { assert, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../web/src/ui/markdown.ts';
import type { Markdown } from '../../../web/src/ui/markdown.ts';
import { loadHighlighter } from '../../../web/src/ui/code-blocks.ts';
import { getByRole, queryAllByRole } from '../support/aria-query.ts';
import { settled } from '../support/settle.ts';
import { assertInert, provoke, PWN } from './hostile-markdown.ts';

async function render(text: string, live = false): Promise<Markdown> {
  const el = await fixture<Markdown>(html`<okc-markdown ?live=${live} .text=${text}></okc-markdown>`);
  await settled(el);
  return el;
}

function codes(el: Markdown): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>('pre > code') ?? [])];
}

/** Classes of the highlight spans inside `code`, and whether anything but spans is in there. */
function tokens(code: Element): string[] {
  assert.isNull(code.querySelector(':not(span)'), 'only spans inside highlighted code');
  return [...code.querySelectorAll('span')].map((s) => s.className);
}

/** Replaces navigator.clipboard.writeText for one test; returns what was written and a restore. */
function fakeClipboard(fail = false): { written: string[]; restore: () => void } {
  const written: string[] = [];
  const clipboard = navigator.clipboard;
  Object.defineProperty(clipboard, 'writeText', {
    configurable: true,
    value: (text: string) => (fail ? Promise.reject(new DOMException('denied', 'NotAllowedError')) : (written.push(text), Promise.resolve())),
  });
  return { written, restore: () => delete (clipboard as { writeText?: unknown }).writeText };
}

suite('okc-markdown code blocks', () => {
  suiteSetup(async () => {
    await loadHighlighter();
  });

  test('highlights a known language with spans around the same text', async () => {
    const source = 'const answer: number = 42; // the answer\nfunction f() { return "s"; }\n';
    const el = await render(`\`\`\`ts\n${source}\`\`\``);
    const [code] = codes(el);
    assert.isDefined(code);
    assert.equal(code?.textContent, source);
    const classes = tokens(code as Element);
    assert.include(classes, 'hljs-keyword');
    assert.include(classes, 'hljs-comment');
    assert.include(classes, 'hljs-string');
  });

  test('leaves code in an unknown language (or none) as plain text', async () => {
    const el = await render('```klingon\nqaStaH nuq\n```\n\n```\nplain <b>x</b>\n```');
    for (const code of codes(el)) assert.lengthOf(code.children, 0, code.textContent ?? '');
    assert.deepEqual(codes(el).map((c) => c.textContent), ['qaStaH nuq\n', 'plain <b>x</b>\n']);
  });

  test('leaves very long code plain', async () => {
    const { MAX_HIGHLIGHT_CHARS } = await loadHighlighter();
    const long = 'let x = 1;\n'.repeat(Math.ceil(MAX_HIGHLIGHT_CHARS / 11) + 1);
    const el = await render(`\`\`\`js\n${long}\`\`\`\n\n\`\`\`js\nlet y = 2;\n\`\`\``);
    const [big, small] = codes(el);
    assert.lengthOf(big?.children ?? [], 0);
    assert.equal(big?.textContent, long);
    assert.isAbove(small?.children.length ?? 0, 0);
  });

  test('keeps hostile markup inside a highlighted block as text, and nothing runs', async () => {
    window.__okcPwned = false;
    const payload = `<img src=x onerror="${PWN}">\n<script>${PWN}</script>\n<a href="javascript:${PWN}">x</a>\n`;
    const el = await render(`\`\`\`html\n${payload}\`\`\`\n\n\`\`\`"><img src=x onerror=${PWN}>\nx\n\`\`\``);
    const [code] = codes(el);
    assert.equal(code?.textContent, payload);
    assert.include(tokens(code as Element), 'hljs-tag', 'the html was highlighted');
    await provoke(el);
    assertInert(el, 'hostile code');
    assert.isFalse(window.__okcPwned);
  });

  test('a Copy code button per block copies its code and says Copied', async () => {
    const clip = fakeClipboard();
    try {
      const el = await render('```py\nprint("one")\n```\n\ntext\n\n```\ntwo\n```');
      const buttons = queryAllByRole(el, 'button', { name: 'Copy code' });
      assert.lengthOf(buttons, 2);
      buttons[1]?.click();
      await new Promise((r) => setTimeout(r, 0));
      assert.deepEqual(clip.written, ['two\n']);
      const statuses = queryAllByRole(el, 'status').map((s) => s.textContent);
      assert.deepEqual(statuses, ['', 'Copied']);
    } finally {
      clip.restore();
    }
  });

  test('Copy code works from the keyboard', async () => {
    const clip = fakeClipboard();
    try {
      const el = await render('```bash\nnpm test\n```');
      getByRole(el, 'button', { name: 'Copy code' }).focus();
      await sendKeys({ press: 'Enter' });
      await new Promise((r) => setTimeout(r, 0));
      assert.deepEqual(clip.written, ['npm test\n']);
      assert.equal(getByRole(el, 'status').textContent, 'Copied');
    } finally {
      clip.restore();
    }
  });

  test('says so when the browser refuses the clipboard', async () => {
    const clip = fakeClipboard(true);
    try {
      const el = await render('```\nx\n```');
      getByRole(el, 'button', { name: 'Copy code' }).click();
      await new Promise((r) => setTimeout(r, 0));
      assert.match(getByRole(el, 'status').textContent ?? '', /^Could not copy/);
    } finally {
      clip.restore();
    }
  });

  test('while streaming, highlights finished blocks once and the growing last block when it settles', async () => {
    const first = '```js\nlet a = 1;\n```\n\n';
    const el = await render(`${first}\`\`\`js\nlet b`, true);
    const [done, growing] = codes(el);
    assert.isAbove(done?.children.length ?? 0, 0, 'the finished block is highlighted');
    assert.lengthOf(growing?.children ?? [], 0, 'the growing block is not, yet');
    const span = done?.querySelector('span');
    el.text = `${first}\`\`\`js\nlet b = 2;\n\`\`\`\n\nmore`;
    await settled(el);
    assert.strictEqual(codes(el)[0]?.querySelector('span'), span, 'the finished block was not highlighted again');
    assert.isAbove(codes(el)[1]?.children.length ?? 0, 0, 'no longer last: highlighted');
    el.text += '\n\n```js\nlet c = 3;\n```';
    await settled(el);
    assert.lengthOf(codes(el)[2]?.children ?? [], 0);
    el.live = false;
    await settled(el);
    assert.isAbove(codes(el)[2]?.children.length ?? 0, 0, 'highlighted once the message is complete');
  });
});
