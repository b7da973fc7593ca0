import { assert } from '@open-wc/testing';
import { Marked } from 'marked';
import { MarkdownSplitter, type MarkdownBlock } from '../../../web/src/ui/markdown-blocks.ts';

const marked = new Marked({ gfm: true, async: false });
const html = (blocks: readonly MarkdownBlock[]): string => blocks.map((b) => marked.parser([...b.tokens])).join('');
const whole = (text: string): string => marked.parse(text.replace(/\r\n?/g, '\n'), { async: false });

interface Case {
  name: string;
  text: string;
}

/** Documents whose blocks interact while they grow: lists, tables, fences, setext headings, raw HTML. */
const cases: [Case, ...Case[]] = [
  { name: 'paragraphs and emphasis', text: 'One **bold** start.\n\nTwo with `code`.\n\nThree.' },
  { name: 'a loose list continued after blank lines', text: '1. a\n2. b\n\n   more of b\n\n3. c\n\nafter' },
  { name: 'a table that grows row by row', text: 'Intro\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n\nend' },
  { name: 'a fence with blank lines inside', text: '```ts\nconst x = 1;\n\nconst y = 2;\n```\n\nafter' },
  { name: 'a paragraph that becomes a setext heading', text: 'Title\nline two\n===\n\nbody\n---\n' },
  { name: 'indented code with a blank line', text: 'para\n\n    code 1\n\n    code 2\n\ntext' },
  { name: 'quotes and nested lists', text: '> q\n> - a\n> - b\n\n- x\n  - y\n\n  back\n* z' },
  { name: 'raw HTML around markdown', text: '<details>\n<summary>s</summary>\n\ninside **bold**\n\n</details>\n\nafter' },
  { name: 'reference links defined later', text: 'See [the docs] and [more][m].\n\n[the docs]: https://x.test\n[m]: https://y.test' },
  { name: 'CRLF line ends', text: 'a\r\nb\r\n\r\n- c\r\n- d\r\n' },
];

suite('MarkdownSplitter', () => {
  for (const c of cases) {
    test(`renders every prefix of ${c.name} as the whole text would`, () => {
      for (const step of [1, 3, 7]) {
        const splitter = new MarkdownSplitter(marked.defaults);
        for (let end = step; end < c.text.length + step; end += step) {
          const text = c.text.slice(0, end);
          assert.equal(html(splitter.split(text)), whole(text), `step ${step}, ${JSON.stringify(text)}`);
        }
      }
    });
  }

  test('keeps the finished blocks, as the same objects, when text is appended', () => {
    const splitter = new MarkdownSplitter(marked.defaults);
    const before = splitter.split('First.\n\nSecond.\n\nThird is');
    const after = splitter.split('First.\n\nSecond.\n\nThird is growing.');
    assert.lengthOf(after, 3);
    assert.strictEqual(after[0], before[0]);
    assert.notEqual(after[2]?.key, before[2]?.key);
  });

  test('returns the same blocks for the same text', () => {
    const splitter = new MarkdownSplitter(marked.defaults);
    const a = splitter.split('- one\n- two');
    assert.strictEqual(splitter.split('- one\n- two'), a);
  });

  test('gives blank lines no block of their own', () => {
    const blocks = new MarkdownSplitter(marked.defaults).split('a\n\n\n\nb\n\n');
    assert.lengthOf(blocks, 2);
  });

  test('keeps a raw HTML element and what it wraps in one block', () => {
    const blocks = new MarkdownSplitter(marked.defaults).split('<details>\n\ninside\n\n</details>\n\nafter');
    assert.deepEqual(
      blocks.map((b) => b.tokens.map((t) => t.type).filter((t) => t !== 'space')),
      [['html', 'paragraph', 'html'], ['paragraph']],
    );
  });

  test('splits HTML that a blank line interrupts into blocks of their own', () => {
    const blocks = new MarkdownSplitter(marked.defaults).split('<img src=x onerror="\n\nalert(1)">');
    assert.lengthOf(blocks, 2, 'each part is rendered and sanitized alone');
  });

  test('changes every key when a link definition appears', () => {
    const splitter = new MarkdownSplitter(marked.defaults);
    const before = splitter.split('See [docs].\n\nmore');
    const after = splitter.split('See [docs].\n\nmore\n\n[docs]: https://x.test');
    assert.notEqual(after[0]?.key, before[0]?.key, 'the reference renders as a link now');
    assert.include(html(after), 'href="https://x.test"');
  });
});
