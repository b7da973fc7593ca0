import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/markdown.ts';
import type { Markdown } from '../../../web/src/ui/markdown.ts';
import { settled } from '../support/settle.ts';
import { report } from '../support/test-report.ts';
import { assertInert, provoke, PWN } from './hostile-markdown.ts';

interface Case {
  name: string;
  markdown: string;
}

/**
 * Payloads cut by blank lines, so that marked splits them into separate blocks (each block is rendered
 * and sanitized on its own), and streamed in small deltas, so that every prefix is rendered once.
 */
const cases: [Case, ...Case[]] = [
  { name: 'handler attribute split by a blank line', markdown: `<img src=x onerror="\n\n${PWN}">` },
  { name: 'javascript: URL split by a blank line', markdown: `<a href="javascript:\n\n${PWN}">x</a>` },
  { name: 'markdown link split by a blank line', markdown: `[x](java\n\nscript:${PWN})` },
  { name: 'ontoggle split from its element', markdown: `<details open ontoggle="\n\n${PWN}">\n\n</details>` },
  { name: 'attribute value closed in the next block', markdown: `<div title="\n\n"><img src=x onerror=${PWN}>` },
  { name: 'script tag split across blocks', markdown: `<scr\n\nipt>${PWN}</script>` },
  { name: 'script inside an svg spanning blocks', markdown: `<svg>\n\n<script>${PWN}</script>\n\n</svg>` },
  { name: 'srcdoc spanning blocks', markdown: `<iframe srcdoc="\n\n<script>${PWN}</script>">` },
  { name: 'style element spanning blocks', markdown: '<style>\n\n* { display: none !important }\n\n</style>' },
  { name: 'template spanning blocks', markdown: `<template>\n\n<img src=x onerror=${PWN}>\n\n</template>` },
  {
    name: 'mathml confusion spanning blocks',
    markdown: `<math><mtext>\n\n<table><mglyph><style><img src=x onerror="${PWN}">\n\n</style></mglyph></table></mtext></math>`,
  },
  { name: 'code fence whose end arrives later', markdown: `\`\`\`\n<img src=x onerror=${PWN}>\n\`\`\`\n\n<img src=x onerror=${PWN}>` },
  { name: 'html block opened in one delta, attributes in the next', markdown: `<div\n onmouseover="${PWN}">hover</div>\n\ntext` },
];

/** Streams `markdown` into one element, `step` characters per update, checking every rendering. */
async function stream(markdown: string, step: number, label: string): Promise<Markdown> {
  const el = await fixture<Markdown>(html`<okc-markdown live></okc-markdown>`);
  for (let end = step; end < markdown.length + step; end += step) {
    el.text = markdown.slice(0, end);
    await settled(el);
    assertInert(el, `${label} at ${end}`);
  }
  el.live = false;
  await settled(el);
  return el;
}

suite('okc-markdown against hostile input streamed in pieces', () => {
  setup(() => {
    window.__okcPwned = false;
  });

  teardown(() => {
    assert.isFalse(window.__okcPwned, 'the canary stays false');
  });

  for (const c of cases) {
    test(`neutralizes ${c.name}`, async () => {
      for (const step of [1, 5]) {
        const el = await stream(c.markdown, step, `${c.name} (step ${step})`);
        await provoke(el);
        await report('payloads', { tried: 1, failures: window.__okcPwned === true ? 1 : 0 });
        assertInert(el, c.name);
        assert.isFalse(window.__okcPwned, 'the canary stays false');
      }
    });
  }

  test('neutralizes the whole corpus streamed as one message', async () => {
    const el = await stream(cases.map((c) => c.markdown).join('\n\n'), 9, 'corpus');
    await provoke(el);
    assertInert(el, 'corpus');
    assert.isFalse(window.__okcPwned);
  });
});
