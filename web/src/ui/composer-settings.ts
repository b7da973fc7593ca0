import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ModelOption, TurnOverrides } from '../../../protocol/engine-api.ts';
import type { AppStore } from '../state/app-store.ts';
import { SignalWatcher } from '../state/signals.ts';
import { sharedStyles } from './shared-styles.ts';

type ApprovalPolicy = NonNullable<TurnOverrides['approvalPolicy']>;
type Sandbox = NonNullable<TurnOverrides['sandbox']>;

const APPROVALS: ReadonlyArray<[ApprovalPolicy, string]> = [
  ['untrusted', 'Ask before running commands'],
  ['on-request', 'Ask when the agent wants to'],
  ['never', 'Never ask'],
];
const SANDBOXES: ReadonlyArray<[Sandbox, string]> = [
  ['read-only', 'Read only'],
  ['workspace-write', 'Write in the workspace'],
  ['danger-full-access', 'Full access (no sandbox)'],
];

/**
 * `<okc-turn-settings>`: labelled **Model**, **Reasoning effort**, **Approval policy** and **Sandbox**
 * selects. Models come from `store.api.listModels()` (asked once the connection is ready); until then
 * the model and effort stay at codex's defaults. The supervised mode is the default: approval policy
 * `untrusted`, sandbox `workspace-write`. The composer reads `overrides` when it sends.
 */
@customElement('okc-turn-settings')
export class TurnSettings extends SignalWatcher(LitElement) {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem 0.75rem;
        font-size: 0.85em;
      }
      label {
        max-width: 100%;
        display: flex;
        align-items: center;
        gap: 0.3rem;
      }
      select {
        font: inherit;
        color: inherit;
        background: var(--okc-bg, Field);
        border: 1px solid var(--okc-border, GrayText);
        border-radius: 6px;
        padding: 0.1rem 0.25rem;
        max-width: min(14rem, 100%);
      }
    `,
  ];

  /** The tab's store (set by the parent). */
  @property({ attribute: false }) store?: AppStore;

  @state() private models: ModelOption[] = [];
  @state() private model = '';
  @state() private effort = '';
  @state() private approvalPolicy: ApprovalPolicy = 'untrusted';
  @state() private sandbox: Sandbox = 'workspace-write';
  private askedModels = false;

  /** The settings to send with the next message. */
  get overrides(): TurnOverrides {
    const out: TurnOverrides = { approvalPolicy: this.approvalPolicy, sandbox: this.sandbox };
    if (this.model !== '') out.model = this.model;
    if (this.effort !== '') out.effort = this.effort;
    return out;
  }

  override willUpdate(): void {
    if (!this.askedModels && this.store?.connection.get().state === 'ready') {
      this.askedModels = true;
      void this.loadModels(this.store);
    }
  }

  private async loadModels(store: AppStore): Promise<void> {
    const r = await store.api.listModels();
    if (r.ok) this.models = r.value;
    else this.askedModels = false;
  }

  override render() {
    if (this.store === undefined) return nothing;
    const current = this.models.find((m) => m.id === this.model) ?? this.models.find((m) => m.isDefault);
    const efforts = current?.reasoningEfforts ?? [];
    return html`
      <label
        >Model
        <select @change=${(e: Event) => ((this.model = value(e)), (this.effort = ''))}>
          <option value="" ?selected=${this.model === ''}>Default${defaultName(this.models)}</option>
          ${this.models.map((m) => html`<option value=${m.id} ?selected=${m.id === this.model}>${m.displayName}</option>`)}
        </select>
      </label>
      <label
        >Reasoning effort
        <select @change=${(e: Event) => (this.effort = value(e))}>
          <option value="" ?selected=${this.effort === ''}>Default${current ? ` (${current.defaultReasoningEffort})` : ''}</option>
          ${efforts.map((x) => html`<option value=${x} ?selected=${x === this.effort}>${x}</option>`)}
        </select>
      </label>
      <label
        >Approval policy
        <select @change=${(e: Event) => (this.approvalPolicy = pick(APPROVALS, value(e), this.approvalPolicy))}>
          ${APPROVALS.map(([v, l]) => html`<option value=${v} ?selected=${v === this.approvalPolicy}>${l}</option>`)}
        </select>
      </label>
      <label
        >Sandbox
        <select @change=${(e: Event) => (this.sandbox = pick(SANDBOXES, value(e), this.sandbox))}>
          ${SANDBOXES.map(([v, l]) => html`<option value=${v} ?selected=${v === this.sandbox}>${l}</option>`)}
        </select>
      </label>
    `;
  }
}

function value(e: Event): string {
  return e.target instanceof HTMLSelectElement ? e.target.value : '';
}

function defaultName(models: readonly ModelOption[]): string {
  const d = models.find((m) => m.isDefault);
  return d ? ` (${d.displayName})` : '';
}

/** The option of `options` whose value is `v`, else `fallback` (a select only offers ours). */
function pick<T extends string>(options: ReadonlyArray<[T, string]>, v: string, fallback: T): T {
  return options.find(([o]) => o === v)?.[0] ?? fallback;
}

declare global {
  interface HTMLElementTagNameMap {
    'okc-turn-settings': TurnSettings;
  }
}
