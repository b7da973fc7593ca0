/**
 * The command palette's commands, built from what the store holds right now, and the filter that
 * narrows them as the user types. Pure apart from the `run` callbacks it wires up.
 */
import type { AppStore } from '../state/app-store.ts';
import type { PanelName } from './header-tools.ts';
import { threadName } from './labels.ts';
import { KEYS } from './shortcuts.ts';

/** What the palette can ask of the rest of the app (`<okc-app>` provides it). */
export interface AppActions {
  openPanel(panel: PanelName): void;
  focusMessage(): void;
  goToApproval(): void;
  toggleArchived(): void;
  /** Turns notifications on (asking the browser, this being a user gesture) or off. */
  setNotifications(on: boolean): void;
  notificationsOn(): boolean;
}

/** One entry of the palette. */
export interface PaletteCommand {
  /** Stable within one opening of the palette (the option's id). */
  id: string;
  label: string;
  /** Shown after the label, e.g. the project of a thread, or its shortcut. */
  hint: string;
  run: () => void;
}

/** The commands that make sense now: app commands first, then one per thread. */
export function paletteCommands(store: AppStore, actions: AppActions): PaletteCommand[] {
  const out: PaletteCommand[] = [];
  const add = (id: string, label: string, run: () => void, hint = ''): void => void out.push({ id, label, hint, run });
  if (store.connection.get().state === 'ready') add('new', 'New thread', () => void store.newThread());
  if (store.selectedThreadId.get() !== null) add('focus', 'Focus message box', actions.focusMessage);
  if ((store.selectedThread.get()?.activeTurnId ?? null) !== null) add('stop', 'Stop the running turn', () => void store.interrupt());
  if (store.selectedApprovals.get().some((a) => a.state === 'pending')) add('approval', 'Go to the waiting approval', actions.goToApproval, KEYS.goToApproval);
  add('diagnostics', 'Open Diagnostics', () => actions.openPanel('diagnostics'));
  add('account', 'Open Account', () => actions.openPanel('account'));
  add('settings', 'Open Settings', () => actions.openPanel('settings'));
  const on = actions.notificationsOn();
  add('notify', on ? 'Turn notifications off' : 'Turn notifications on', () => actions.setNotifications(!on));
  add('shortcuts', 'Show keyboard shortcuts', () => actions.openPanel('shortcuts'), '?');
  add('archived', 'Show or hide archived threads', actions.toggleArchived);
  const selected = store.selectedThreadId.get();
  for (const t of store.threads.get()) {
    if (t.deleted || t.id === selected) continue;
    add(`thread-${t.id}`, `Go to thread: ${threadName(t)}`, () => store.selectThread(t.id), t.archived ? 'archived' : t.cwd);
  }
  return out;
}

/** The commands whose label (or hint) contains every word of `query`, in their order. */
export function filterCommands(commands: readonly PaletteCommand[], query: string): PaletteCommand[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...commands];
  return commands.filter((c) => {
    const text = `${c.label} ${c.hint}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
