/**
 * The colour tokens, set once on `okc-app`'s host and inherited through every shadow root.
 * Light by default, dark under `prefers-color-scheme: dark`.
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    color-scheme: light dark;
    --okc-font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --okc-mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    --okc-bg: #ffffff;
    --okc-fg: #1b1f24;
    --okc-muted: #57606a;
    --okc-surface: #f6f8fa;
    --okc-surface-2: #eaeef2;
    --okc-border: #d0d7de;
    --okc-button-bg: #f6f8fa;
    --okc-button-fg: #1b1f24;
    --okc-accent: #0969da;
    --okc-link: #0969da;
    --okc-accent-fg: #ffffff;
    --okc-focus: #0969da;
    --okc-selected: #ddf4ff;
    --okc-warn-bg: #fff8c5;
    --okc-warn-border: #d4a72c;
    --okc-danger: #cf222e;
    --okc-danger-bg: #ffebe9;
    --okc-ok: #1a7f37;
    --okc-code-bg: #f6f8fa;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --okc-bg: #0d1117;
      --okc-fg: #e6edf3;
      --okc-muted: #9198a1;
      --okc-surface: #161b22;
      --okc-surface-2: #21262d;
      --okc-border: #3d444d;
      --okc-button-bg: #21262d;
      --okc-button-fg: #e6edf3;
      --okc-accent: #1f6feb;
      --okc-link: #4493f8;
      --okc-accent-fg: #ffffff;
      --okc-focus: #4493f8;
      --okc-selected: #1f2a3a;
      --okc-warn-bg: #2e2611;
      --okc-warn-border: #9e6a03;
      --okc-danger: #ff7b72;
      --okc-danger-bg: #3c1618;
      --okc-ok: #3fb950;
      --okc-code-bg: #161b22;
    }
  }
`;
