/** Styles of the app's modal dialogs (header panels, command palette). */
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    color: inherit;
    background: var(--okc-bg, Canvas);
    border: 1px solid var(--okc-border, GrayText);
    border-radius: 10px;
    width: min(40rem, 92vw);
    max-height: 85dvh;
    padding: 1rem 1.2rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  .head {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  h2 {
    margin: 0;
    font-size: 1.1rem;
  }
`;
