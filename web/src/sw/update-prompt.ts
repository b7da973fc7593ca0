/**
 * The "new version ready" state, between the service-worker registration (which learns of it) and the
 * banner element (which asks the user). Plain module state plus an event, no DOM: the banner may mount
 * after the news arrived, so `pendingUpdate()` remembers it.
 */
export const UPDATE_READY_EVENT = 'okc-update-ready';

let apply: (() => void) | null = null;
const events = new EventTarget();

/** Called by the registration when a new version waits; `reload` switches to it. */
export function announceUpdate(reload: () => void): void {
  apply = reload;
  events.dispatchEvent(new Event(UPDATE_READY_EVENT));
}

/** The switch to the waiting version, or null when none waits. */
export function pendingUpdate(): (() => void) | null {
  return apply;
}

/** Calls `listener` whenever a new version is announced; returns the unsubscribe. */
export function onUpdateReady(listener: () => void): () => void {
  events.addEventListener(UPDATE_READY_EVENT, listener);
  return () => events.removeEventListener(UPDATE_READY_EVENT, listener);
}
