/**
 * Registers the service worker (the offline app shell). When a new version is waiting, it is announced
 * to the page (`update-prompt.ts`), whose banner asks: **Reload** switches, **Later** keeps this one.
 */
import { Workbox } from 'workbox-window';
import { announceUpdate } from './update-prompt.ts';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { type: 'module' });
  wb.addEventListener('waiting', () => {
    // why: a new version takes over only when the user agrees, so a running turn's page is not swapped.
    announceUpdate(() => {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
