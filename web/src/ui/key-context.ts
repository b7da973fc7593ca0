/** Where a key press happened, as far as app-wide shortcuts care: typing into a field, or in a modal. */

const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'datetime-local', 'month', 'time', 'week']);

/** Whether `el` takes typed characters (so a letter key must reach it, not trigger a shortcut). */
export function isTextField(el: Element): boolean {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Whether the event's real target (inside shadow roots too) is a text field. */
export function typingIn(event: Event): boolean {
  const target = event.composedPath()[0];
  return target instanceof Element && isTextField(target);
}

/**
 * Whether the key press happened inside an open dialog. why the event path, not a document scan: a
 * modal dialog keeps focus inside itself, so its keys come from within, and a scan of every shadow
 * root on every key press would cost the composer's typing.
 */
export function inDialog(event: Event): boolean {
  return event.composedPath().some((n) => n instanceof HTMLDialogElement && n.open);
}

/** The focused element, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
