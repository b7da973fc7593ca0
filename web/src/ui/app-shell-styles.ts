/** Layout of `<okc-app>`: header, sidebar and main area in a grid; stacked below 40rem. */
import { css } from 'lit';

export const appShellStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(14rem, 18rem) 1fr;
    grid-template-rows: auto auto 1fr;
    grid-template-areas: 'update update' 'header header' 'sidebar main';
    height: 100dvh;
    background: var(--okc-bg);
  }
  okc-update-banner {
    grid-area: update;
  }
  header {
    grid-area: header;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 1rem;
    padding: 0.5rem 1rem;
    border-bottom: 1px solid var(--okc-border);
  }
  h1 {
    font-size: 1.1rem;
    margin: 0;
  }
  okc-connection-status {
    flex: 1;
    min-width: 12rem;
  }
  .sidebar {
    grid-area: sidebar;
    display: flex;
    flex-direction: column;
    min-height: 0;
    padding: 0.75rem;
    background: var(--okc-surface);
    border-inline-end: 1px solid var(--okc-border);
  }
  okc-thread-list {
    flex: 1;
  }
  main {
    grid-area: main;
    display: flex;
    flex-direction: column;
    min-height: 0;
    min-width: 0;
  }
  okc-thread-view {
    flex: 1;
  }
  .empty {
    flex: 1;
    display: grid;
    place-content: center;
    padding: 1rem;
    text-align: center;
  }
  .approvals,
  okc-composer,
  .alert:not(:empty) {
    padding: 0 1rem 0.75rem;
    max-width: 56rem;
    width: 100%;
    margin-inline: auto;
    box-sizing: border-box;
  }
  .approvals {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .alert p {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--okc-danger);
    background: var(--okc-danger-bg);
    border-radius: 8px;
  }
  @media (max-width: 40rem) {
    :host {
      /* why minmax(0, …): a plain 1fr grows to its widest content (selects, code) and overflows a phone. */
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto auto auto 1fr;
      grid-template-areas: 'update' 'header' 'sidebar' 'main';
    }
    .sidebar {
      max-height: 30dvh;
      border-inline-end: none;
      border-bottom: 1px solid var(--okc-border);
    }
  }
`;
