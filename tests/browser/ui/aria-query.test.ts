import { assert, fixture, html } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import { accessibleName, getByRole, queryAllByRole, roleOf } from '../support/aria-query.ts';

class ShadowThing extends LitElement {
  override render() {
    return litHtml`<button aria-label="Close">×</button><label for="q">Query</label><input id="q" />
      <section aria-labelledby="h"><h2 id="h">Results</h2></section><span aria-hidden="true"><button>Hidden</button></span>`;
  }
}
customElements.define('okc-test-shadow-thing', ShadowThing);

suite('aria-query (test support)', () => {
  test('finds controls by role and name through shadow roots', async () => {
    const el = await fixture(html`<div><okc-test-shadow-thing></okc-test-shadow-thing><a href="#x">Light <b>link</b></a></div>`);
    getByRole(el, 'button', { name: 'Close' });
    getByRole(el, 'textbox', { name: 'Query' });
    getByRole(el, 'region', { name: 'Results' });
    getByRole(el, 'link', { name: 'Light link' });
    assert.lengthOf(queryAllByRole(el, 'button', { name: 'Hidden' }), 0, 'aria-hidden content is not found');
    assert.lengthOf(queryAllByRole(el, 'button', { name: 'Hidden', includeHidden: true }), 1);
  });

  test('throws, listing what is there, when nothing or several match', async () => {
    const el = await fixture(html`<div><button>One</button><button>One</button><p>text</p></div>`);
    assert.throws(() => getByRole(el, 'button', { name: 'Two' }), /found 0.*button "One"/);
    assert.throws(() => getByRole(el, 'button', { name: 'One' }), /found 2/);
  });

  test('computes implicit roles and names', async () => {
    const el = await fixture(html`<div><nav aria-label="Main nav"></nav><img alt="" /><textarea title="Notes"></textarea></div>`);
    const [nav, img, textarea] = [...el.children];
    assert.equal(roleOf(nav as Element), 'navigation');
    assert.equal(accessibleName(nav as Element), 'Main nav');
    assert.equal(roleOf(img as Element), 'presentation');
    assert.equal(accessibleName(textarea as Element), 'Notes');
  });
});
