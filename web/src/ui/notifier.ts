/**
 * The browser features that reach the user outside the tab: the app icon badge (Badging API) and
 * system notifications (Notification API), both feature-detected. Elements take a `Notifier` so tests
 * hand in a fake one; `browserNotifier()` is the real thing.
 */
import type { NotificationSpec } from './attention.ts';
import { watchPresence } from './tab-presence.ts';

export interface Notifier {
  /** Whether this browser has system notifications at all. */
  readonly supported: boolean;
  permission(): NotificationPermission;
  /** Asks the user for permission; call only from a user gesture (a click). */
  requestPermission(): Promise<NotificationPermission>;
  /** Shows `spec`; `onClick` runs when the user clicks it. */
  show(spec: NotificationSpec, onClick: () => void): void;
  /** Sets the app icon badge to `count`, or clears it at 0 (a no-op where unsupported). */
  badge(count: number): void;
  /** Whether the page is hidden (another tab, minimised window) and no other tab of the app is visible. */
  hidden(): boolean;
}

/** The real browser. */
export function browserNotifier(): Notifier {
  const supported = typeof Notification === 'function';
  const presence = watchPresence();
  return {
    supported,
    permission: () => (supported ? Notification.permission : 'denied'),
    requestPermission: async () => (supported ? Notification.requestPermission() : 'denied'),
    show(spec, onClick) {
      if (!supported || Notification.permission !== 'granted') return;
      const n = new Notification(spec.title, { body: spec.body, tag: spec.tag, icon: 'icons/icon-192.png' });
      n.onclick = () => {
        window.focus();
        onClick();
        n.close();
      };
    },
    badge(count) {
      // why the checks: the Badging API exists only in Chromium-based browsers (and installed apps).
      if (count > 0 && 'setAppBadge' in navigator) void navigator.setAppBadge(count).catch(() => undefined);
      else if (count === 0 && 'clearAppBadge' in navigator) void navigator.clearAppBadge().catch(() => undefined);
    },
    hidden: () => presence.allHidden(),
  };
}
