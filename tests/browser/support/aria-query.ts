/**
 * Finding elements the way assistive technology does, by ARIA role and accessible name, across open
 * shadow roots. A small subset of the ARIA / HTML-AAM rules, enough for our elements; the
 * accessibility test cross-checks the names against Chromium's own accessibility tree.
 */

export type NameMatcher = string | RegExp;

export interface RoleQuery {
  /** Exact accessible name (after whitespace is collapsed), or a pattern it must match. */
  name?: NameMatcher;
  /** Also return elements hidden from the accessibility tree. */
  includeHidden?: boolean;
}

/** Every element under `root`, in document order, descending into open shadow roots. */
export function allElements(root: Node): Element[] {
  const out: Element[] = [];
  const visit = (node: Node): void => {
    for (const child of node.childNodes) {
      if (!(child instanceof Element)) continue;
      out.push(child);
      if (child.shadowRoot !== null) visit(child.shadowRoot);
      visit(child);
    }
  };
  if (root instanceof Element && root.shadowRoot !== null) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** The element's role: its `role` attribute, else its implicit role; null for generic elements. */
export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit !== undefined && explicit !== '') return explicit;
  const tag = el.localName;
  if (/^h[1-6]$/.test(tag)) return 'heading';
  switch (tag) {
    case 'button':
      return 'button';
    case 'a':
      return el.hasAttribute('href') ? 'link' : null;
    case 'textarea':
      return 'textbox';
    case 'select':
      return el.hasAttribute('multiple') || Number(el.getAttribute('size') ?? '1') > 1 ? 'listbox' : 'combobox';
    case 'dialog':
      return 'dialog';
    case 'input': {
      const role = inputRole(el.getAttribute('type') ?? 'text');
      // HTML-AAM: a text-like input with a suggestions list (datalist) is a combobox.
      return el.hasAttribute('list') && (role === 'textbox' || role === 'searchbox') ? 'combobox' : role;
    }
    case 'nav':
      return 'navigation';
    case 'main':
      return 'main';
    case 'aside':
      return 'complementary';
    case 'header':
      return hasSectioningAncestor(el) ? null : 'banner';
    case 'footer':
      return hasSectioningAncestor(el) ? null : 'contentinfo';
    case 'section':
      return authorName(el) === '' ? null : 'region';
    case 'form':
      return authorName(el) === '' ? null : 'form';
    case 'article':
      return 'article';
    case 'ul':
    case 'ol':
      return 'list';
    case 'li':
      return 'listitem';
    case 'img':
      return el.getAttribute('alt') === '' ? 'presentation' : 'img';
    case 'p':
      return 'paragraph';
    default:
      return null;
  }
}

/** The accessible name: aria-labelledby, aria-label, a native label, content (for some roles), title. */
export function accessibleName(el: Element): string {
  const authored = authorName(el);
  if (authored !== '') return authored;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement || el instanceof HTMLSelectElement) {
    const fromLabels = collapse([...(el.labels ?? [])].map((l) => textOf(l)).join(' '));
    if (fromLabels !== '') return fromLabels;
  }
  if (el instanceof HTMLImageElement) return collapse(el.alt);
  const role = roleOf(el);
  if (role !== null && NAME_FROM_CONTENT.has(role)) {
    const content = collapse(textOf(el));
    if (content !== '') return content;
  }
  return collapse(el.getAttribute('title') ?? '');
}

/** The name the author gave with aria-labelledby or aria-label, or ''. */
function authorName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy !== null) {
    const root = el.getRootNode();
    const refs = labelledBy
      .split(/\s+/)
      .map((id) => (root instanceof Document || root instanceof ShadowRoot ? root.getElementById(id) : null))
      .filter((r): r is HTMLElement => r !== null);
    const name = collapse(refs.map((r) => textOf(r, { hidden: true, labels: true })).join(' '));
    if (name !== '') return name;
  }
  return collapse(el.getAttribute('aria-label') ?? '');
}

/** What a sighted user reads in `el`: its text through shadow roots, minus hidden parts, collapsed. */
export function visibleText(el: Element): string {
  return collapse(textOf(el, { hidden: false, labels: false }));
}

/** Whether `el` is left out of the accessibility tree (display:none, visibility:hidden, aria-hidden). */
export function isHiddenFromAT(el: Element): boolean {
  for (let e: Element | null = el; e !== null; e = parentOrHost(e)) {
    if (e.getAttribute('aria-hidden') === 'true') return true;
  }
  return !el.checkVisibility({ visibilityProperty: true });
}

/** Every element under `root` with `role` (and the name, when given). */
export function queryAllByRole(root: Node, role: string, query: RoleQuery = {}): HTMLElement[] {
  return allElements(root).filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement &&
      roleOf(el) === role &&
      (query.includeHidden === true || !isHiddenFromAT(el)) &&
      (query.name === undefined || nameMatches(accessibleName(el), query.name)),
  );
}

/** The one element under `root` with `role` (and name); throws, listing what is there, otherwise. */
export function getByRole<T extends HTMLElement = HTMLElement>(root: Node, role: string, query: RoleQuery = {}): T {
  const found = queryAllByRole(root, role, query);
  if (found.length === 1 && found[0] !== undefined) return found[0] as T;
  const wanted = `${role}${query.name === undefined ? '' : ` named ${String(query.name)}`}`;
  const present = allElements(root)
    .filter((el) => roleOf(el) !== null && !isHiddenFromAT(el))
    .map((el) => `${roleOf(el) ?? ''} "${accessibleName(el)}"`);
  throw new Error(`expected one ${wanted}, found ${found.length}. Present: ${present.join(', ') || 'nothing'}`);
}

const NAME_FROM_CONTENT = new Set([
  'button', 'link', 'heading', 'checkbox', 'radio', 'switch', 'tab', 'option', 'menuitem', 'treeitem',
  'cell', 'columnheader', 'rowheader', 'tooltip',
]);

const SECTIONING = new Set(['article', 'aside', 'main', 'nav', 'section']);

function inputRole(type: string): string | null {
  switch (type) {
    case 'button':
    case 'submit':
    case 'reset':
    case 'image':
      return 'button';
    case 'checkbox':
      return 'checkbox';
    case 'radio':
      return 'radio';
    case 'search':
      return 'searchbox';
    case 'hidden':
      return null;
    default:
      return 'textbox';
  }
}

function hasSectioningAncestor(el: Element): boolean {
  for (let e = parentOrHost(el); e !== null; e = parentOrHost(e)) {
    if (SECTIONING.has(e.localName)) return true;
  }
  return false;
}

function parentOrHost(el: Element): Element | null {
  const parent = el.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

interface TextMode {
  /** Count hidden content too (for aria-labelledby targets, as the spec says). */
  hidden: boolean;
  /** Use a descendant's aria-label in place of its content (name computation), or not (what is seen). */
  labels: boolean;
}

/** The text of `el`'s content in the flat tree (shadow roots and slots followed). */
function textOf(el: Element, mode: TextMode = { hidden: false, labels: true }): string {
  const children =
    el instanceof HTMLSlotElement ? el.assignedNodes({ flatten: true }) : [...(el.shadowRoot ?? el).childNodes];
  return children.map((child) => childText(child, mode)).join('');
}

function childText(node: Node, mode: TextMode): string {
  if (node instanceof Text) return node.data;
  if (!(node instanceof Element)) return '';
  if (!mode.hidden && (node.getAttribute('aria-hidden') === 'true' || !node.checkVisibility())) return '';
  const label = mode.labels ? collapse(node.getAttribute('aria-label') ?? '') : '';
  const inner =
    label !== ''
      ? label
      : node instanceof HTMLImageElement
        ? node.alt
        : node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement
          ? node.value
          : textOf(node, mode);
  return isInline(node) ? inner : ` ${inner} `;
}

function isInline(el: Element): boolean {
  return getComputedStyle(el).display.startsWith('inline');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function nameMatches(name: string, matcher: NameMatcher): boolean {
  return typeof matcher === 'string' ? name === collapse(matcher) : matcher.test(name);
}
