/** Turning system notifications on or off: the browser's permission is asked only when turning on. */
import type { Preferences } from '../state/preferences.ts';
import type { Notifier } from './notifier.ts';

/**
 * Sets the notifications preference; turning on asks the browser first (so call it from a user
 * gesture). Resolves with the problem in words when they cannot be turned on, else null.
 */
export async function setNotifications(on: boolean, prefs: Preferences, notifier: Notifier): Promise<string | null> {
  if (!on) {
    prefs.setNotifications(false);
    return null;
  }
  if (!notifier.supported) return 'This browser cannot show system notifications.';
  let permission = notifier.permission();
  if (permission === 'default') permission = await notifier.requestPermission();
  if (permission !== 'granted') return 'The browser blocks notifications for this page. Allow them in its site settings, then turn them on here.';
  prefs.setNotifications(true);
  return null;
}
