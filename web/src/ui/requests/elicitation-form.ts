import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ElicitationContent, ElicitationField } from '../../../../protocol/projections.ts';
import { sharedStyles } from '../shared-styles.ts';
import { answerEvent } from './answer-event.ts';
import { decisionStyles } from './decisions.ts';
import { formStyles } from './form-styles.ts';
import { contentOf, initialValues, type FormValue } from './elicitation-values.ts';

const INPUT_TYPE: Readonly<Record<string, string>> = { email: 'email', uri: 'url', date: 'date', 'date-time': 'datetime-local' };

/**
 * `<okc-elicitation-form>`: an MCP server's form (a flat `requestedSchema`), one labelled control per
 * field: text, number, checkbox, radio buttons (one of) or checkboxes (several of). **Accept** checks
 * required fields and fires `okc-request-answer` with the content; **Decline** and **Cancel** fire the
 * matching action.
 *
 * @fires okc-request-answer {CustomEvent<RequestAnswer>} --bubbles --composed
 */
@customElement('okc-elicitation-form')
export class ElicitationForm extends LitElement {
  static override styles = [sharedStyles, decisionStyles, formStyles];

  @property({ attribute: false }) fields: readonly ElicitationField[] = [];
  @property({ type: Boolean }) busy = false;

  @state() private values: Record<string, FormValue> | null = null;
  @state() private problem: string | null = null;

  override render() {
    const values = (this.values ??= initialValues(this.fields));
    return html`<form @submit=${this.submit} novalidate>
      <fieldset ?disabled=${this.busy}>${this.fields.map((f) => this.renderField(f, values[f.name]))}</fieldset>
      ${this.problem === null ? nothing : html`<p class="problem" role="alert">${this.problem}</p>`}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.busy}>Accept</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(answerEvent({ kind: 'mcpElicitation', action: 'decline' }))}>Decline</button>
        <button type="button" ?disabled=${this.busy} @click=${() => this.dispatchEvent(answerEvent({ kind: 'mcpElicitation', action: 'cancel' }))}>Cancel</button>
      </div>
    </form>`;
  }

  private set(name: string, value: FormValue): void {
    this.values = { ...(this.values ?? {}), [name]: value };
  }

  private renderField(f: ElicitationField, value: FormValue | undefined) {
    const label = `${f.title}${f.required ? ' (required)' : ''}`;
    const hint = f.description === null ? nothing : html`<span class="hint">${f.description}</span>`;
    switch (f.type) {
      case 'boolean':
        return html`<label class="option"><input type="checkbox" aria-label=${label} .checked=${value === true}
          @change=${(e: Event) => this.set(f.name, e.target instanceof HTMLInputElement && e.target.checked)} /> <span>${label}</span></label>${hint}`;
      case 'enum':
        return html`<fieldset><legend>${label}</legend>${hint}
          ${f.options.map((o) => {
            const picked = Array.isArray(value) && value.includes(o.value);
            const toggle = (on: boolean): string[] => (f.multiple ? [...(Array.isArray(value) ? value : []).filter((v) => v !== o.value), ...(on ? [o.value] : [])] : [o.value]);
            return html`<label class="option"><input type=${f.multiple ? 'checkbox' : 'radio'} name=${f.name} aria-label=${o.label} .checked=${picked}
              @change=${(e: Event) => this.set(f.name, toggle(e.target instanceof HTMLInputElement && e.target.checked))} /> <span>${o.label}</span></label>`;
          })}</fieldset>`;
      case 'number':
      case 'integer':
        return html`<div class="field"><label class="field"><span>${label}</span>
          <input type="number" aria-label=${label} step=${f.type === 'integer' ? '1' : 'any'} min=${f.minimum ?? nothing} max=${f.maximum ?? nothing}
            .value=${typeof value === 'string' ? value : ''} @input=${(e: Event) => this.onText(f.name, e)} /></label>${hint}</div>`;
      case 'string':
        return html`<div class="field"><label class="field"><span>${label}</span>
          <input type=${INPUT_TYPE[f.format ?? ''] ?? 'text'} aria-label=${label} .value=${typeof value === 'string' ? value : ''} @input=${(e: Event) => this.onText(f.name, e)} /></label>${hint}</div>`;
    }
  }

  private onText(name: string, e: Event): void {
    if (e.target instanceof HTMLInputElement) this.set(name, e.target.value);
  }

  private submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    const result = contentOf(this.fields, this.values ?? initialValues(this.fields));
    if (typeof result === 'string') {
      this.problem = result;
      return;
    }
    this.problem = null;
    const content: ElicitationContent = result;
    this.dispatchEvent(answerEvent({ kind: 'mcpElicitation', action: 'accept', content }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-elicitation-form': ElicitationForm;
  }
}
