/**
 * The app-wide keyboard shortcuts, listened for on the document while `<okc-app>` is on the page.
 * `shortcuts.ts` decides what a key means; the host carries it out.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { inDialog, typingIn } from './key-context.ts';
import { shortcutOf, type ShortcutAction } from './shortcuts.ts';

/** What the host does with a shortcut; true when it acted (the key's default is then prevented). */
export interface ShortcutHandler {
  onShortcut(action: ShortcutAction, event: KeyboardEvent): boolean;
}

export class AppKeys implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & ShortcutHandler) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onKey);
  }

  private readonly onKey = (e: KeyboardEvent): void => {
    if (e.defaultPrevented || e.repeat) return;
    const action = shortcutOf({
      key: e.key,
      code: e.code,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      shiftKey: e.shiftKey,
      isComposing: e.isComposing,
      typing: typingIn(e),
      modal: inDialog(e),
    });
    if (action !== null && this.host.onShortcut(action, e)) e.preventDefault();
  };
}
