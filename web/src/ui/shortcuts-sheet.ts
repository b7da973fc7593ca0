import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { sharedStyles } from './shared-styles.ts';
import { SHORTCUT_GROUPS } from './shortcut-lines.ts';

/**
 * `<okc-shortcuts-sheet>`: every keyboard shortcut of the app (the table in `shortcut-lines.ts`), one
 * section per part of the app, named by its heading, each a table of keys and what they do. Shown in the header's dialog (`?`, or the palette).
 */
@customElement('okc-shortcuts-sheet')
export class ShortcutsSheet extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      h3 {
        font-size: 1rem;
        margin: 0.9rem 0 0.2rem;
      }
      th,
      td {
        text-align: start;
        padding: 0.2rem 0.5rem 0.2rem 0;
        vertical-align: top;
      }
      th {
        font-weight: normal;
        white-space: nowrap;
        width: 9rem;
      }
      kbd {
        font-family: var(--okc-mono, ui-monospace, monospace);
        font-size: 0.85em;
        padding: 0 0.3em;
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 3px;
      }
    `,
  ];

  override render() {
    return SHORTCUT_GROUPS.map(
      (g, i) => html`<section aria-labelledby="group-${i}">
        <h3 id="group-${i}">${g.title}</h3>
        <table>
          ${g.lines.map((l) => html`<tr><th scope="row"><kbd>${l.keys}</kbd></th><td>${l.what}</td></tr>`)}
        </table>
      </section>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-shortcuts-sheet': ShortcutsSheet;
  }
}
