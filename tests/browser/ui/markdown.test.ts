import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/markdown.ts';
import type { Markdown } from '../../../web/src/ui/markdown.ts';
import { loadHighlighter } from '../../../web/src/ui/code-blocks.ts';
import { getByRole, queryAllByRole, visibleText } from '../support/aria-query.ts';
import { settled } from '../support/settle.ts';

async function render(text: string): Promise<Markdown> {
  const el = await fixture<Markdown>(html`<okc-markdown .text=${text}></okc-markdown>`);
  await settled(el);
  return el;
}

function root(el: Markdown): ShadowRoot {
  assert.isNotNull(el.shadowRoot);
  return el.shadowRoot as ShadowRoot;
}

suite('okc-markdown', () => {
  // why: code blocks are highlighted once this chunk is in; loaded up front, every rendering is final.
  suiteSetup(async () => {
    await loadHighlighter();
  });

  test('renders lists, emphasis and tables', async () => {
    const el = await render('Intro with **bold**.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    const items = queryAllByRole(el, 'listitem').map((li) => visibleText(li));
    assert.deepEqual(items, ['one', 'two']);
    assert.equal(root(el).querySelector('strong')?.textContent, 'bold');
    assert.deepEqual([...root(el).querySelectorAll('td')].map((td) => td.textContent), ['1', '2']);
  });

  test('renders code blocks in a monospace font, with the language kept for highlighting', async () => {
    const el = await render('```ts\nconst x = <b>1</b>;\n```');
    const code = root(el).querySelector('pre code');
    assert.isNotNull(code);
    assert.equal(code?.textContent, 'const x = <b>1</b>;\n');
    assert.isNull(root(el).querySelector('pre b'), 'HTML inside a code block stays text');
    assert.match(getComputedStyle(code as Element).fontFamily, /mono|menlo|consolas/i);
    assert.include([...(code?.classList ?? [])], 'language-ts');
  });

  test('every link opens a new browsing context with rel="noopener noreferrer"', async () => {
    const el = await render('See [the docs](https://example.com/docs) and <a href="https://x.test" target="_self">raw</a>.');
    for (const name of ['the docs', 'raw']) {
      const link = getByRole(el, 'link', { name });
      assert.equal(link.getAttribute('target'), '_blank', name);
      assert.equal(link.getAttribute('rel'), 'noopener noreferrer', name);
    }
    assert.equal(getByRole(el, 'link', { name: 'the docs' }).getAttribute('href'), 'https://example.com/docs');
  });

  test('shows task list items as marks, without form controls', async () => {
    const el = await render('- [x] done\n- [ ] todo');
    assert.isNull(root(el).querySelector('input'));
    assert.deepEqual(
      queryAllByRole(el, 'listitem').map((li) => visibleText(li)),
      ['☑ done', '☐ todo'],
    );
  });

  test('turns remote images into links and keeps inline data images', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const el = await render(`![a chart](https://tracker.example/pixel.png?secret=1) ![dot](${png})`);
    const imgs = [...root(el).querySelectorAll('img')];
    assert.deepEqual(imgs.map((i) => i.getAttribute('src')), [png]);
    const link = getByRole(el, 'link', { name: 'Image: a chart' });
    assert.equal(link.getAttribute('href'), 'https://tracker.example/pixel.png?secret=1');
    assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
  });

  test('does not instantiate custom elements named in the text', async () => {
    const el = await render('<okc-composer></okc-composer><okc-markdown></okc-markdown> text');
    assert.isNull(root(el).querySelector('okc-composer, okc-markdown'));
    assert.include(visibleText(el), 'text');
  });

  test('re-rendering unchanged text keeps the same DOM', async () => {
    const el = await render('- one');
    const before = root(el).querySelector('li');
    el.requestUpdate();
    await settled(el);
    assert.strictEqual(root(el).querySelector('li'), before);
    el.text = '- two';
    await settled(el);
    assert.notStrictEqual(root(el).querySelector('li'), before);
    assert.equal(root(el).querySelector('li')?.textContent, 'two');
  });

  test('two elements with the same text get separate DOM', async () => {
    const a = await render('same **text**');
    const b = await render('same **text**');
    assert.notStrictEqual(root(a).querySelector('strong'), root(b).querySelector('strong'));
    assert.equal(root(a).querySelector('strong')?.textContent, 'text');
    assert.equal(root(b).querySelector('strong')?.textContent, 'text');
  });

  test('a growing message renders only its changed blocks; the others keep their DOM', async () => {
    const el = await fixture<Markdown>(html`<okc-markdown live .text=${'# Title\n\nFirst **para**.\n\nSecond'}></okc-markdown>`);
    await settled(el);
    const [heading, first] = [root(el).querySelector('h1'), root(el).querySelector('strong')];
    el.text = '# Title\n\nFirst **para**.\n\nSecond para grows.\n\n- and a list';
    await settled(el);
    assert.strictEqual(root(el).querySelector('h1'), heading, 'the heading is the same node');
    assert.strictEqual(root(el).querySelector('strong'), first, 'so is the finished paragraph');
    assert.deepEqual(
      [...(root(el).querySelector('.md')?.children ?? [])].map((c) => c.localName),
      ['h1', 'p', 'p', 'ul'],
    );
  });

  test('streamed text ends in the same DOM as the whole text rendered at once', async () => {
    const text = 'Intro *a*.\n\n1. one\n2. two\n\n   more\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```js\nx();\n```\n\nend';
    const streamed = await fixture<Markdown>(html`<okc-markdown live></okc-markdown>`);
    for (let end = 4; end < text.length + 4; end += 4) {
      streamed.text = text.slice(0, end);
      await settled(streamed);
    }
    streamed.live = false;
    await settled(streamed);
    const once = await render(text);
    const markup = (el: Markdown): string => root(el).querySelector('.md')?.innerHTML.replace(/<!--[^>]*-->/g, '') ?? '';
    assert.equal(markup(streamed), markup(once));
  });
});
