/** Shared by the hostile-markdown tests: the canary payloads set, and the checks that nothing survived. */
import { assert, nextFrame } from '@open-wc/testing';
import { allElements } from '../support/aria-query.ts';

declare global {
  interface Window {
    /** The canary every payload tries to set. */
    __okcPwned?: boolean;
  }
}

/** What every payload tries to run. */
export const PWN = 'window.top.__okcPwned=true';

const FORBIDDEN_TAGS = [
  'script', 'iframe', 'frame', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'input', 'button',
  'svg', 'math', 'template', 'video', 'audio', 'source',
];
/** A URL with a scheme must be http(s), mailto, or (on an image) a data: image. */
function isSafeUrl(value: string, attr: string, tag: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) return true;
  if (['http', 'https', 'mailto'].includes(scheme)) return true;
  return tag === 'img' && attr === 'src' && /^data:image\//i.test(value);
}

/** Gives a surviving handler every chance to run: images fail, events fire, frames load. */
export async function provoke(el: Element): Promise<void> {
  for (const node of allElements(el)) {
    for (const type of ['mouseover', 'focus', 'toggle', 'load', 'error', 'animationstart']) {
      node.dispatchEvent(new Event(type));
    }
    if (!(node instanceof HTMLAnchorElement)) (node as HTMLElement).click?.();
  }
  await nextFrame();
  await new Promise((resolve) => setTimeout(resolve, 50));
  await nextFrame();
}

/**
 * The Copy code button okc-markdown adds to code blocks (code-blocks.ts). Agent markup cannot pass for
 * it: the sanitizer drops every button and every aria-* attribute.
 */
function isOwnCopyButton(node: Element): boolean {
  return (
    node.localName === 'button' &&
    node.getAttribute('aria-label') === 'Copy code' &&
    node.getAttributeNames().every((a) => ['type', 'class', 'aria-label'].includes(a)) &&
    node.parentElement?.classList.contains('code-tools') === true
  );
}

/** Nothing forbidden survived under `el`: no such element, no handler or styling attribute, no unsafe URL. */
export function assertInert(el: Element, label: string): void {
  for (const node of allElements(el)) {
    const where = `${label}: <${node.localName}>`;
    if (!isOwnCopyButton(node)) assert.notInclude(FORBIDDEN_TAGS, node.localName, `${where} survived`);
    for (const attr of node.getAttributeNames()) {
      assert.notMatch(attr, /^on/i, `${where} kept ${attr}`);
      assert.notInclude(['style', 'srcset', 'xlink:href', 'srcdoc', 'formaction', 'action'], attr, `${where} kept ${attr}`);
    }
    for (const attr of ['href', 'src', 'action', 'data']) {
      const value = node.getAttribute(attr);
      if (value !== null) assert.isTrue(isSafeUrl(value, attr, node.localName), `${where} ${attr}="${value}"`);
    }
  }
}
