/** Every keyboard shortcut of the app, in words, for the shortcuts sheet. */

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

/**
 * The sheet: app-wide keys first (those `shortcutOf` in shortcuts.ts handles), then the ones that
 * belong to a part of the page. Keep it in step with `shortcutOf` and the elements' key handlers.
 */
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
      { keys: '@', what: 'Mention a file; ↑ ↓ pick, Enter or Tab inserts, Escape closes the list' },
    ],
  },
  {
    title: 'Threads and palette',
    lines: [
      { keys: '↑ ↓ Home End', what: 'Move between threads in the list' },
      { keys: '↑ ↓', what: 'Move between commands in the palette' },
      { keys: 'Enter', what: 'Run the highlighted command; save a rename' },
      { keys: 'Escape', what: 'Cancel a rename, or close the new thread’s directory form' },
    ],
  },
];
