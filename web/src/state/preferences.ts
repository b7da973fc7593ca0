/**
 * The user's settings for this browser (not per thread, not synced to codex), kept in localStorage so
 * they survive reloads and apply in every tab: a change in one tab reaches the others through the
 * `storage` event.
 */
import { computed, signal, type Signal } from './signals.ts';

const NOTIFY_KEY = 'okcode.notifications';

export interface Preferences {
  /** System notifications when an approval waits or a turn ends while the page is hidden. Off until turned on. */
  readonly notifications: Signal.Computed<boolean>;
  setNotifications(on: boolean): void;
}

/** Preferences read from and written to `storage`. */
export function createPreferences(storage: Storage = localStorage): Preferences {
  const read = (): boolean => storage.getItem(NOTIFY_KEY) === 'on';
  const notifications = signal(read());
  if (storage === localStorage) {
    addEventListener('storage', (e) => {
      if (e.key === NOTIFY_KEY || e.key === null) notifications.set(read());
    });
  }
  return {
    notifications: computed(() => notifications.get()),
    setNotifications(on: boolean) {
      storage.setItem(NOTIFY_KEY, on ? 'on' : 'off');
      notifications.set(on);
    },
  };
}
