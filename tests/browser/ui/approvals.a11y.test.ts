import { assert, fixture, html } from '@open-wc/testing';
import '../../../web/src/ui/app-shell.ts';
import type { AppShell } from '../../../web/src/ui/app-shell.ts';
import { accessibleName, allElements, queryAllByRole } from '../support/aria-query.ts';
import { everyRequestStore } from '../support/a11y-states.ts';
import { expectNoSeriousAxeViolations } from '../support/axe.ts';
import { settled } from '../support/settle.ts';
import { useView, VIEWS } from '../support/views.ts';

suite('axe: pending requests of every kind', () => {
  for (const view of VIEWS) {
    test(`command, file change, questions, permissions, MCP form, tool call, URL, and an answered one (${view.name})`, async () => {
      await useView(view);
      const el = await fixture<AppShell>(html`<okc-app .store=${everyRequestStore()}></okc-app>`);
      await settled(el);
      queryAllByRole(el, 'button', { name: 'More options' })[0]?.click();
      await settled(el);
      const cards = allElements(el).filter((e) => e.localName === 'okc-approval-card');
      const titles = cards.flatMap((c) => queryAllByRole(c, 'article').map(accessibleName));
      const kinds = ['Approve command?', 'Apply file changes?', 'Codex has questions', 'Grant permissions?', 'demo asks', 'Allow tool call?'];
      assert.sameMembers([...new Set(titles)], kinds, 'a card for each kind of request');
      assert.equal(titles.length, 8, 'one card per request');
      assert.equal(queryAllByRole(el, 'button', { name: 'Approve for session' }).length, 1, '"More options" is open');
      await expectNoSeriousAxeViolations(el, `every request, ${view.name}`);
    });
  }
});
