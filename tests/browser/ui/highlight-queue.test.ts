import { assert, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../web/src/ui/markdown.ts';
import type { Markdown } from '../../../web/src/ui/markdown.ts';
import { loadedHighlighter } from '../../../web/src/ui/code-blocks.ts';
import { settled } from '../support/settle.ts';
import { SLOW } from '../support/views.ts';

/** Code elements of every rendered message in `root`. */
function codes(root: Element): HTMLElement[] {
  return [...root.querySelectorAll('okc-markdown')].flatMap((m) => [...(m.shadowRoot?.querySelectorAll<HTMLElement>('pre > code') ?? [])]);
}

// why a file of its own: each test file gets a fresh page, so the highlighter's chunk is not loaded yet here.
suite('code highlighting before the highlighter has loaded', () => {
  test('blocks rendered while the chunk loads are all highlighted later, their text unchanged', async () => {
    assert.isNull(loadedHighlighter(), 'the chunk is not loaded before the first code block');
    const messages = Array.from({ length: 12 }, (_, i) => `Message ${i}\n\n\`\`\`ts\nconst n${i}: number = ${i};\n\`\`\`\n\n\`\`\`py\nprint(${i})\n\`\`\``);
    const root = await fixture<HTMLElement>(html`<div>${messages.map((m) => html`<okc-markdown .text=${m}></okc-markdown>`)}</div>`);
    await Promise.all([...root.querySelectorAll<Markdown>('okc-markdown')].map((m) => settled(m)));
    const all = codes(root);
    assert.lengthOf(all, 24);
    await waitUntil(() => all.every((c) => c.classList.contains('hljs')), 'every block is highlighted', SLOW);
    assert.deepEqual(
      all.map((c) => c.textContent),
      Array.from({ length: 12 }, (_, i) => [`const n${i}: number = ${i};\n`, `print(${i})\n`]).flat(),
    );
    assert.isTrue(all.every((c) => c.querySelector('span[class^="hljs-"]') !== null), 'each block has token spans');
  });
});
