/**
 * Every keyboard shortcut of the app, in one table: the shortcuts sheet lists it, buttons take their
 * `aria-keyshortcuts` from it, and `shortcutOf` maps a key press to the app-wide action it means.
 * Pure: no DOM reads beyond the plain fields of the key event handed in.
 */

/** An app-wide action a key press can trigger (handled by `<okc-app>`). */
export type ShortcutAction = 'palette' | 'shortcuts' | 'approve' | 'decline' | 'goToApproval';

/** One line of the shortcuts sheet. */
export interface ShortcutLine {
  /** The keys as people read them (`Ctrl+K`). */
  keys: string;
  what: string;
}

/** A group of lines under a heading. */
export interface ShortcutGroup {
  title: string;
  lines: ShortcutLine[];
}

/** `aria-keyshortcuts` values (the ARIA syntax), shared by the buttons and the sheet. */
export const KEYS = {
  palette: 'Control+K Meta+K',
  shortcuts: 'Shift+?',
  approve: 'Y',
  decline: 'N',
  goToApproval: 'Alt+A',
} as const;

/** The sheet: app-wide keys first, then the ones that belong to a part of the page. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    lines: [
      { keys: 'Ctrl+K or ⌘K', what: 'Open the command palette' },
      { keys: 'Alt+A', what: 'Go to the waiting approval' },
      { keys: '?', what: 'Show keyboard shortcuts (when not typing)' },
      { keys: 'Escape', what: 'Close a dialog or the palette' },
    ],
  },
  {
    title: 'Approvals (when not typing)',
    lines: [
      { keys: 'Y', what: 'Approve the focused approval, else the first waiting one' },
      { keys: 'N', what: 'Decline it' },
    ],
  },
  {
    title: 'Message box',
    lines: [
      { keys: 'Enter', what: 'Send (steer while a turn runs)' },
      { keys: 'Shift+Enter', what: 'New line' },
      { keys: '@', what: 'Mention a file; arrows pick, Enter or Tab inserts' },
    ],
  },
  {
    title: 'Threads and palette',
    lines: [
      { keys: '↑ ↓ Home End', what: 'Move between threads in the list' },
      { keys: '↑ ↓', what: 'Move between commands in the palette' },
      { keys: 'Enter', what: 'Run the highlighted command; save a rename' },
      { keys: 'Escape', what: 'Cancel a rename' },
    ],
  },
];

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
