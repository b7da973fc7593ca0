/** The composer's styles (kept apart so composer.ts stays about behaviour). */
import { css } from 'lit';

export const composerStyles = css`
  :host {
    display: block;
  }
  form {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.35rem 0.6rem;
    align-items: end;
    position: relative;
  }
  label[for='message'] {
    grid-column: 1 / -1;
    font-size: 0.85em;
    font-weight: 600;
  }
  textarea {
    font: inherit;
    color: inherit;
    background: var(--okc-bg, Field);
    border: 1px solid var(--okc-border, GrayText);
    border-radius: 8px;
    padding: 0.5rem 0.6rem;
    resize: vertical;
    min-height: 3lh;
    max-height: 40vh;
    field-sizing: content;
  }
  textarea.dragging {
    outline: 2px dashed var(--okc-focus, Highlight);
  }
  textarea:disabled {
    opacity: 0.6;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    justify-content: end;
  }
  button.stop {
    color: var(--okc-danger, red);
    border-color: var(--okc-danger, red);
  }
  okc-turn-settings,
  .note,
  .images {
    grid-column: 1 / -1;
  }
  .note {
    margin: 0;
    font-size: 0.85em;
  }
  .images {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .images li {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .images img {
    width: 3rem;
    height: 3rem;
    object-fit: cover;
    border-radius: 6px;
    border: 1px solid var(--okc-border, GrayText);
  }
  .mentions {
    position: absolute;
    bottom: 100%;
    left: 0;
    right: 0;
    margin: 0 0 0.25rem;
    padding: 0.25rem;
    list-style: none;
    background: var(--okc-surface, Canvas);
    border: 1px solid var(--okc-border, GrayText);
    border-radius: 8px;
    max-height: 14rem;
    overflow-y: auto;
    z-index: 2;
  }
  .mentions li {
    padding: 0.2rem 0.45rem;
    border-radius: 4px;
    cursor: pointer;
    font-family: var(--okc-mono, ui-monospace, monospace);
    font-size: 0.9em;
  }
  .mentions li[aria-selected='true'] {
    background: var(--okc-selected, Highlight);
  }
`;
