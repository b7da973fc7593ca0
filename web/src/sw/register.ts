/**
 * Registers the service worker (the offline app shell) and asks before switching to a new version.
 */
import { Workbox } from 'workbox-window';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { type: 'module' });
  wb.addEventListener('waiting', () => {
    // why: a new version takes over only when the user agrees, so a running turn's page is not swapped.
    if (confirm('A new version of OK Code is ready. Reload now?')) {
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    }
  });
  void wb.register();
}
