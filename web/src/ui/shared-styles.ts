/**
 * Styles shared by the elements: buttons, focus rings, monospace text. Colours come from the
 * `--okc-*` custom properties that `okc-app` defines (see theme.ts); each has a system-colour fallback
 * so an element also reads well on its own (tests, embedding).
 */
import { css } from 'lit';

/** Off screen, still read by screen readers (for words that a mark or a colour says on screen). */
export const visuallyHidden = css`
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

export const sharedStyles = css`
  :host {
    color: var(--okc-fg, CanvasText);
    font: var(--okc-font, 15px/1.45 system-ui, sans-serif);
  }
  button {
    font: inherit;
    color: var(--okc-button-fg, ButtonText);
    background: var(--okc-button-bg, ButtonFace);
    border: 1px solid var(--okc-border, GrayText);
    border-radius: 6px;
    padding: 0.35rem 0.8rem;
    cursor: pointer;
  }
  button.primary {
    color: var(--okc-accent-fg, HighlightText);
    background: var(--okc-accent, Highlight);
    border-color: transparent;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--okc-focus, Highlight);
    outline-offset: 2px;
  }
  code,
  pre,
  .mono {
    font-family: var(--okc-mono, ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace);
    font-size: 0.9em;
  }
  .muted {
    color: var(--okc-muted, GrayText);
  }
  .visually-hidden {
    ${visuallyHidden}
  }
`;
