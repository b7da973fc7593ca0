/** The thread list's styles. */
import { css } from 'lit';

export const threadListStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
    min-height: 0;
  }
  okc-new-thread {
    align-self: stretch;
  }
  input[type='search'] {
    font: inherit;
    color: inherit;
    background: var(--okc-bg, Field);
    border: 1px solid var(--okc-border, GrayText);
    border-radius: 6px;
    padding: 0.3rem 0.5rem;
    width: 100%;
    box-sizing: border-box;
  }
  .filters {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.85em;
  }
  nav {
    min-height: 0;
    overflow-y: auto;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  h2 {
    margin: 0.25rem 0 0.15rem;
    font-size: 0.75em;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--okc-muted, GrayText);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  /* why: with a thousand threads, laying out and painting the rows out of view was about half of the
     main thread's work before the list first painted (tests/bench/FINDINGS.md §5); rows out of view
     keep their last size. The clip margin leaves room for the focus ring (paint is contained). */
  li {
    content-visibility: auto;
    contain-intrinsic-size: auto 2.25rem;
    overflow-clip-margin: 4px;
  }
  .empty {
    margin: 0;
    font-size: 0.9em;
  }
  .hit {
    width: 100%;
    text-align: start;
    background: transparent;
  }
  .snippet {
    display: block;
    font-size: 0.85em;
  }
`;
