/**
 * The app-wide keyboard shortcuts: `shortcutOf` maps a key press to the action it means, and buttons
 * take their `aria-keyshortcuts` from `KEYS`. The sheet that lists every shortcut in words is
 * `shortcut-lines.ts` (loaded with the sheet). Pure: no DOM reads beyond the key event's plain fields.
 */

/** An app-wide action a key press can trigger (handled by `<okc-app>`). */
export type ShortcutAction = 'palette' | 'shortcuts' | 'approve' | 'decline' | 'goToApproval';

/** `aria-keyshortcuts` values (the ARIA syntax), for the buttons that have a shortcut. */
export const KEYS = {
  palette: 'Control+K Meta+K',
  goToApproval: 'Alt+A',
} as const;

/** The parts of a key event `shortcutOf` looks at. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing: boolean;
  /** Focus is in a text field (input, textarea, select, contenteditable): letters are typing. */
  typing: boolean;
  /** A modal dialog is open: only its own keys apply. */
  modal: boolean;
}

/** The app-wide action `k` means here, or null (let it through). */
export function shortcutOf(k: KeyPress): ShortcutAction | null {
  if (k.isComposing) return null;
  if ((k.ctrlKey || k.metaKey) && !k.altKey && !k.shiftKey && k.key.toLowerCase() === 'k') return 'palette';
  if (k.modal) return null;
  // why code, not key: Option+A types "å" on a Mac keyboard.
  if (k.altKey && !k.ctrlKey && !k.metaKey && k.code === 'KeyA') return 'goToApproval';
  if (k.typing || k.ctrlKey || k.metaKey || k.altKey) return null;
  if (k.key === '?') return 'shortcuts';
  if (k.shiftKey) return null;
  const key = k.key.toLowerCase();
  if (key === 'y') return 'approve';
  if (key === 'n') return 'decline';
  return null;
}
