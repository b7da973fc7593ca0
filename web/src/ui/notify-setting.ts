/** Turning system notifications on or off: the browser's permission is asked only when turning on. */
import type { Preferences } from '../state/preferences.ts';
import type { Notifier } from './notifier.ts';

/** Why notifications cannot be on in this browser right now, in words; null when they can. */
export function notificationBlocker(notifier: Notifier): string | null {
  if (!notifier.supported) return 'This browser cannot show system notifications.';
  if (notifier.permission() === 'denied') return 'Your browser blocks notifications for this page. Allow them in its site settings, then turn them on here.';
  return null;
}

/**
 * Sets the notifications preference; turning on asks the browser first (so call it from a user
 * gesture). Resolves with the problem in words when they cannot be turned on, else null.
 */
export async function setNotifications(on: boolean, prefs: Preferences, notifier: Notifier): Promise<string | null> {
  if (!on) {
    prefs.setNotifications(false);
    return null;
  }
  if (notifier.supported && notifier.permission() === 'default') await notifier.requestPermission();
  const blocker = notifier.permission() === 'granted' ? null : (notificationBlocker(notifier) ?? 'Notifications were not allowed.');
  if (blocker === null) prefs.setNotifications(true);
  return blocker;
}
