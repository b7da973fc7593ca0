/**
 * Syntax highlighting for code blocks in agent markdown. Loaded lazily (code-blocks.ts imports it
 * with `import()`), so highlight.js and its grammars are a chunk of their own, not in the initial bundle.
 *
 * Agent text stays text: highlight.js escapes the code and wraps tokens in `<span class="hljs-…">`;
 * that HTML goes through a DOMPurify instance that keeps nothing but `<span class>` and text, and the
 * result is used only if its text is exactly the code that went in. Anything else leaves the block as
 * the plain text the markdown sanitizer already produced.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import go from 'highlight.js/lib/languages/go';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import DOMPurify from 'dompurify';

// Registered one by one (not highlight.js's "common" bundle of 36): the languages agents write most.
// Each grammar also registers its aliases (ts, js, py, sh, html, yml, …).
for (const [name, language] of Object.entries({ bash, css, diff, go, javascript, json, python, rust, shell, sql, typescript, xml, yaml })) {
  hljs.registerLanguage(name, language);
}

// why a private instance: its span-only config must not change the markdown sanitizer's.
const purifier = DOMPurify(window);
purifier.setConfig({ ALLOWED_TAGS: ['span'], ALLOWED_ATTR: ['class'], ALLOW_DATA_ATTR: false, RETURN_DOM_FRAGMENT: true });

const CACHE_LIMIT = 200;
/** Longer code stays plain: highlighting it would hold the main thread for too long in one go. */
export const MAX_HIGHLIGHT_CHARS = 50_000;
/** Highlighted fragments by language and code, oldest first: a block scrolled back into view is free. */
const cache = new Map<string, DocumentFragment>();

/** The language named by a `language-…` class (marked's way), if highlight.js knows it. */
export function languageOf(code: Element): string | null {
  for (const c of code.classList) {
    if (c.startsWith('language-')) {
      const name = c.slice('language-'.length);
      return hljs.getLanguage(name) === undefined ? null : name;
    }
  }
  return null;
}

/**
 * Highlights one `<code>` element in place (its children become text and `<span class="hljs-…">`).
 * Returns false, leaving it untouched, when its language is unknown, it is longer than
 * {@link MAX_HIGHLIGHT_CHARS}, or the result is not pure spans around the same text.
 */
export function highlightCode(code: HTMLElement): boolean {
  const language = languageOf(code);
  if (language === null) return false;
  const text = code.textContent ?? '';
  if (text.length > MAX_HIGHLIGHT_CHARS) return false;
  const key = `${language}\u0000${text}`;
  let fragment = cache.get(key);
  if (fragment === undefined) {
    const { value } = hljs.highlight(text, { language, ignoreIllegals: true });
    const clean = purifier.sanitize(value, { RETURN_DOM_FRAGMENT: true });
    if (clean.textContent !== text || clean.querySelector(':not(span)') !== null) return false;
    fragment = clean;
    cache.set(key, fragment);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
  } else {
    cache.delete(key);
    cache.set(key, fragment);
  }
  code.replaceChildren(code.ownerDocument.importNode(fragment, true));
  code.classList.add('hljs');
  return true;
}
