import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/markdown.ts';
import type { Markdown } from '../../../web/src/ui/markdown.ts';
import { settled } from '../support/settle.ts';
import { xssCorpus } from '../../support/xss-corpus.ts';
import { report } from '../support/test-report.ts';
import { assertInert, provoke, PWN } from './hostile-markdown.ts';

/** Hostile agent output: each tries to run `PWN`, frame something, or restyle the page. */
const cases = xssCorpus(PWN);

async function render(markdown: string): Promise<Markdown> {
  const el = await fixture<Markdown>(html`<okc-markdown .text=${markdown}></okc-markdown>`);
  await settled(el);
  return el;
}

suite('okc-markdown against hostile input', () => {
  setup(() => {
    window.__okcPwned = false;
  });

  teardown(() => {
    assert.isFalse(window.__okcPwned, 'the canary stays false');
  });

  for (const c of cases) {
    test(`neutralizes ${c.name}`, async () => {
      const el = await render(c.markdown);
      await provoke(el);
      await report('payloads', { tried: 1, failures: window.__okcPwned === true ? 1 : 0 });
      assertInert(el, c.name);
      assert.isFalse(window.__okcPwned, 'the canary stays false');
    });
  }

  test('neutralizes the whole corpus rendered at once', async () => {
    const el = await render(cases.map((c) => c.markdown).join('\n\n'));
    await provoke(el);
    assertInert(el, 'corpus');
    assert.isFalse(window.__okcPwned);
  });

  test('the canary works: an unsanitized handler would trip it', async () => {
    const img = document.createElement('img');
    img.setAttribute('onerror', PWN);
    // Registered after the inline handler, so it runs after it.
    const tripped = new Promise<void>((resolve) => img.addEventListener('error', () => resolve()));
    img.src = 'data:image/png;base64,AAAA';
    document.body.append(img);
    await tripped;
    img.remove();
    assert.isTrue(window.__okcPwned);
    window.__okcPwned = false;
  });
});
