/**
 * Code blocks of rendered agent markdown: a **Copy code** button with a polite "Copied" status, and
 * syntax highlighting from a lazily loaded chunk (highlight-code.ts). Works on the sanitized fragment
 * (render-markdown.ts): the controls added here are ours, built with DOM calls, never from agent text.
 */
import { css } from 'lit';

type Highlighter = typeof import('./highlight-code.ts');

let highlighter: Highlighter | null = null;
let loading: Promise<Highlighter> | null = null;

/** The highlighter if its chunk is already loaded, else null (call `loadHighlighter` to load it). */
export function loadedHighlighter(): Highlighter | null {
  return highlighter;
}

/** Loads the highlighting chunk once; later calls share the same promise. */
export function loadHighlighter(): Promise<Highlighter> {
  loading ??= import('./highlight-code.ts').then((m) => (highlighter = m));
  return loading;
}

/**
 * Wraps every `<pre><code>` of `fragment` in a `.code-block` with a toolbar (language, Copy code
 * button, status). Returns the `<code>` elements, for highlighting.
 */
export function decorateCodeBlocks(fragment: DocumentFragment): HTMLElement[] {
  const codes: HTMLElement[] = [];
  for (const pre of fragment.querySelectorAll('pre')) {
    const code = pre.querySelector(':scope > code');
    if (!(code instanceof HTMLElement)) continue;
    codes.push(code);
    const doc = pre.ownerDocument;
    const block = doc.createElement('div');
    block.className = 'code-block';
    const tools = doc.createElement('div');
    tools.className = 'code-tools';
    const lang = doc.createElement('span');
    lang.className = 'lang';
    // Agent-chosen text, set as text.
    lang.textContent = [...code.classList].find((c) => c.startsWith('language-'))?.slice('language-'.length) ?? '';
    const status = doc.createElement('span');
    status.className = 'copied';
    status.setAttribute('role', 'status');
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'copy';
    button.setAttribute('aria-label', 'Copy code');
    button.textContent = 'Copy';
    tools.append(lang, status, button);
    // why: a long line makes the block scroll sideways, and keyboard users can only scroll what takes focus.
    pre.tabIndex = 0;
    pre.replaceWith(block);
    block.append(tools, pre);
  }
  return codes;
}

const STATUS_MS = 2000;
const timers = new WeakMap<Element, ReturnType<typeof setTimeout>>();

/**
 * Handles a click anywhere in rendered markdown: a Copy code button copies its block's code with the
 * Clipboard API and says "Copied" (or why not) in the block's status for a moment. Returns the
 * promise of that work, or null when the click was not on a Copy button.
 */
export function onCodeBlockClick(event: Event): Promise<void> | null {
  const button = event.target instanceof Element ? event.target.closest('button.copy') : null;
  const block = button?.closest('.code-block');
  const status = block?.querySelector('.copied');
  if (!block || !status) return null;
  const text = block.querySelector('pre > code')?.textContent ?? '';
  const say = (words: string): void => {
    status.textContent = words;
    clearTimeout(timers.get(status));
    timers.set(status, setTimeout(() => (status.textContent = ''), STATUS_MS));
  };
  return navigator.clipboard.writeText(text).then(
    () => say('Copied'),
    () => say('Could not copy: the browser refused clipboard access'),
  );
}

/** Styles for decorated code blocks and highlight.js token classes (GitHub-like, light and dark). */
export const codeBlockStyles = css`
  .code-block {
    margin: 1em 0;
  }
  /* why a header row, not an overlay: an overlay would cover the end of the code's first line. */
  .code-tools {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.8em;
    padding: 0.15rem 0.3rem 0.15rem 0.75rem;
    background: var(--okc-surface-2, Canvas);
    border: 1px solid var(--okc-border, GrayText);
    border-bottom: none;
    border-radius: 6px 6px 0 0;
  }
  .code-tools .lang {
    margin-inline-end: auto;
  }
  .code-tools .lang,
  .code-tools .copied {
    color: var(--okc-muted, GrayText);
  }
  .code-tools .copy {
    padding: 0.05rem 0.5rem;
  }
  .code-block pre {
    margin: 0;
    border-radius: 0 0 6px 6px;
  }
  .hljs-keyword, .hljs-doctag, .hljs-meta .hljs-keyword, .hljs-template-tag, .hljs-type, .hljs-variable.language_ {
    color: light-dark(#cf222e, #ff7b72);
  }
  .hljs-title, .hljs-title.class_, .hljs-title.function_ {
    color: light-dark(#6639ba, #d2a8ff);
  }
  .hljs-attr, .hljs-attribute, .hljs-literal, .hljs-meta, .hljs-number, .hljs-operator, .hljs-variable, .hljs-selector-attr, .hljs-selector-class, .hljs-selector-id {
    color: light-dark(#0550ae, #79c0ff);
  }
  .hljs-regexp, .hljs-string, .hljs-meta .hljs-string {
    color: light-dark(#0a3069, #a5d6ff);
  }
  .hljs-built_in, .hljs-symbol {
    color: light-dark(#953800, #ffa657);
  }
  .hljs-comment, .hljs-code, .hljs-formula {
    color: light-dark(#57606a, #8b949e);
  }
  .hljs-name, .hljs-quote, .hljs-selector-tag, .hljs-selector-pseudo {
    color: light-dark(#116329, #7ee787);
  }
  .hljs-section {
    color: light-dark(#0550ae, #1f6feb);
    font-weight: bold;
  }
  .hljs-addition {
    color: light-dark(#116329, #aff5b4);
    background-color: light-dark(#dafbe1, #033a16);
  }
  .hljs-deletion {
    color: light-dark(#82071e, #ffdcd7);
    background-color: light-dark(#ffebe9, #67060c);
  }
`;
