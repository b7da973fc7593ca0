import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AppStore } from '../state/app-store.ts';
import { dialogStyles } from './dialog-styles.ts';
import { filterCommands, paletteCommands, type AppActions, type PaletteCommand } from './palette-commands.ts';
import { sharedStyles } from './shared-styles.ts';

/**
 * `<okc-command-palette>`: a modal dialog named "Command palette" holding the ARIA combobox pattern:
 * a **Command** combobox whose typing filters the **Commands** listbox; ↑/↓ move the highlighted
 * option (`aria-activedescendant`, focus stays in the box), Enter or a click runs it, Escape closes.
 * The commands are taken from the store each time it opens (`palette-commands.ts`). Loaded on first
 * use only (`<okc-app>` imports it when Ctrl/Cmd+K is first pressed).
 */
@customElement('okc-command-palette')
export class CommandPalette extends LitElement {
  static override styles = [
    sharedStyles,
    dialogStyles,
    css`
      dialog {
        margin-top: 12dvh;
        padding: 0.6rem;
      }
      input {
        box-sizing: border-box;
        width: 100%;
        font: inherit;
        color: inherit;
        background: var(--okc-surface, Field);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 6px;
        padding: 0.45rem 0.6rem;
      }
      ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
        max-height: 55dvh;
        overflow-y: auto;
      }
      li {
        display: flex;
        gap: 0.75rem;
        justify-content: space-between;
        padding: 0.35rem 0.6rem;
        border-radius: 6px;
        cursor: pointer;
      }
      li[aria-selected='true'] {
        background: var(--okc-selected, Highlight);
        outline: 1px solid var(--okc-border, GrayText);
      }
      .hint {
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        max-width: 50%;
      }
      p {
        margin: 0.5rem 0.6rem 0.2rem;
      }
    `,
  ];

  @property({ attribute: false }) store?: AppStore;
  @property({ attribute: false }) actions?: AppActions;

  @state() private commands: PaletteCommand[] = [];
  @state() private query = '';
  @state() private active = 0;
  @query('dialog') private dialog!: HTMLDialogElement | null;
  @query('input') private input!: HTMLInputElement | null;

  /** Opens the palette with the commands that apply now, the box empty and focused. */
  async show(): Promise<void> {
    if (this.store === undefined || this.actions === undefined) return;
    this.commands = paletteCommands(this.store, this.actions);
    this.query = '';
    this.active = 0;
    await this.updateComplete;
    if (this.dialog?.open === false) this.dialog.showModal();
    this.input?.focus();
  }

  override render() {
    const shown = filterCommands(this.commands, this.query);
    const active = shown[Math.min(this.active, shown.length - 1)];
    return html`<dialog aria-label="Command palette" @close=${() => (this.commands = [])}>
      <input
        role="combobox"
        aria-label="Command"
        aria-expanded="true"
        aria-controls="commands"
        aria-autocomplete="list"
        aria-activedescendant=${active === undefined ? nothing : `cmd-${active.id}`}
        autocomplete="off"
        spellcheck="false"
        placeholder="Type a command or a thread name"
        .value=${this.query}
        @input=${this.onInput}
        @keydown=${(e: KeyboardEvent) => this.onKey(e, shown)}
      />
      <ul id="commands" role="listbox" aria-label="Commands">
        ${shown.map(
          (c) => html`<li id="cmd-${c.id}" role="option" aria-selected=${c === active ? 'true' : 'false'} @click=${() => this.run(c)}>
            <span>${c.label}</span>${c.hint === '' ? nothing : html`<span class="hint muted">${c.hint}</span>`}
          </li>`,
        )}
      </ul>
      ${shown.length === 0 ? html`<p class="muted">No command matches.</p>` : nothing}
    </dialog>`;
  }

  override updated(): void {
    this.renderRoot.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }

  private readonly onInput = (e: Event): void => {
    this.query = e.target instanceof HTMLInputElement ? e.target.value : '';
    this.active = 0;
  };

  private onKey(e: KeyboardEvent, shown: readonly PaletteCommand[]): void {
    if (e.isComposing) return;
    const last = shown.length - 1;
    const current = Math.min(this.active, last);
    if (e.key === 'ArrowDown') this.active = current >= last ? 0 : current + 1;
    else if (e.key === 'ArrowUp') this.active = current <= 0 ? last : current - 1;
    else if (e.key === 'Enter') {
      const c = shown[current];
      if (c !== undefined) this.run(c);
    } else return;
    e.preventDefault();
  }

  private run(c: PaletteCommand): void {
    // why close first: the dialog hands focus back to where it was, then the command may move it.
    this.dialog?.close();
    c.run();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-command-palette': CommandPalette;
  }
}
