import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { UserInputQuestionView } from '../../../../protocol/projections.ts';
import { sharedStyles } from '../shared-styles.ts';
import { decisionStyles } from './decisions.ts';
import { answerEvent } from './answer-event.ts';
import { formStyles } from './form-styles.ts';

/** The value of the "Other" choice (it cannot clash with an option: options are labels, this is not text). */
const OTHER = '\u0000other';

/**
 * `<okc-user-input-form>`: codex's questions (`item/tool/requestUserInput`), each a fieldset named by
 * its header: its options as radio buttons, plus a text field when the user may answer in their own
 * words (`isOther`, or a question without options), a password field when the answer is secret.
 * **Submit answers** fires `okc-request-answer` with `{kind:'userInput', answers}` once every question
 * has an answer.
 *
 * @fires okc-request-answer {CustomEvent<RequestAnswer>} --bubbles --composed
 */
@customElement('okc-user-input-form')
export class UserInputForm extends LitElement {
  static override styles = [sharedStyles, decisionStyles, formStyles];

  @property({ attribute: false }) questions: readonly UserInputQuestionView[] = [];
  /** Disables the form (an answer is in flight). */
  @property({ type: Boolean }) busy = false;

  /** The chosen option label (or OTHER) per question id. */
  @state() private chosen: Record<string, string> = {};
  /** Typed text per question id. */
  @state() private typed: Record<string, string> = {};
  @state() private problem: string | null = null;

  override render() {
    return html`<form @submit=${this.submit} novalidate>
      ${this.questions.map((q) => this.renderQuestion(q))}
      ${this.problem === null ? nothing : html`<p class="problem" role="alert">${this.problem}</p>`}
      <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>Submit answers</button></div>
    </form>`;
  }

  private renderQuestion(q: UserInputQuestionView) {
    const freeText = q.options.length === 0;
    const typing = freeText || this.chosen[q.id] === OTHER;
    return html`<fieldset ?disabled=${this.busy}>
      <legend>${q.header || q.question}</legend>
      ${q.header ? html`<p>${q.question}</p>` : nothing}
      ${q.options.map((o) => this.renderOption(q, o.label, o.description))}
      ${q.isOther && !freeText ? this.renderOption(q, OTHER, '') : nothing}
      ${typing ? this.renderText(q, freeText) : nothing}
    </fieldset>`;
  }

  private renderOption(q: UserInputQuestionView, value: string, description: string) {
    return html`<label class="option">
      <input type="radio" name=${q.id} aria-label=${value === OTHER ? 'Other' : value} .value=${value} .checked=${this.chosen[q.id] === value}
        @change=${() => (this.chosen = { ...this.chosen, [q.id]: value })} />
      <span>${value === OTHER ? 'Other' : value}</span>
      ${description === '' ? nothing : html`<span class="description">${description}</span>`}
    </label>`;
  }

  private renderText(q: UserInputQuestionView, freeText: boolean) {
    const label = freeText ? 'Your answer' : 'Other answer';
    return html`<div class="field">
      <input type=${q.isSecret ? 'password' : 'text'} aria-label="${label}: ${q.header || q.question}" autocomplete="off"
        .value=${this.typed[q.id] ?? ''} @input=${(e: Event) => this.onType(q.id, e)} />
    </div>`;
  }

  private onType(id: string, e: Event): void {
    const input = e.target;
    if (input instanceof HTMLInputElement) this.typed = { ...this.typed, [id]: input.value };
  }

  private answerOf(q: UserInputQuestionView): string | null {
    const choice = q.options.length === 0 ? OTHER : this.chosen[q.id];
    if (choice === undefined) return null;
    if (choice !== OTHER) return choice;
    const text = (this.typed[q.id] ?? '').trim();
    return text === '' ? null : text;
  }

  private submit(e: Event): void {
    e.preventDefault();
    if (this.busy) return;
    const answers: Record<string, string[]> = {};
    for (const q of this.questions) {
      const a = this.answerOf(q);
      if (a === null) {
        this.problem = `Answer “${q.header || q.question}” first.`;
        return;
      }
      answers[q.id] = [a];
    }
    this.problem = null;
    this.dispatchEvent(answerEvent({ kind: 'userInput', answers }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-user-input-form': UserInputForm;
  }
}
