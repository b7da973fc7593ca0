/** Styles shared by the request forms (questions, MCP elicitations). */
import { css } from 'lit';

/** Fieldsets, options and text fields of the request forms. */
export const formStyles = css`
  :host {
    display: block;
  }
  fieldset {
    border: 1px solid var(--okc-border, GrayText);
    border-radius: 6px;
    margin: 0 0 0.6rem;
    padding: 0.4rem 0.7rem 0.6rem;
  }
  legend {
    font-weight: 600;
    padding: 0 0.3rem;
  }
  .option {
    display: flex;
    gap: 0.4rem;
    align-items: baseline;
    margin: 0.25rem 0;
  }
  .option .description {
    color: var(--okc-muted, GrayText);
    font-size: 0.9em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    margin: 0.4rem 0;
  }
  input[type='text'],
  input[type='password'],
  input[type='number'],
  input[type='email'],
  input[type='url'],
  input[type='date'],
  input[type='datetime-local'] {
    font: inherit;
    padding: 0.3rem 0.4rem;
    border: 1px solid var(--okc-border, GrayText);
    border-radius: 4px;
    background: var(--okc-bg, Field);
    color: inherit;
  }
  .hint {
    color: var(--okc-muted, GrayText);
    font-size: 0.85em;
  }
  .problem {
    color: var(--okc-danger, red);
    margin: 0.3rem 0 0;
  }
`;
