/**
 * The widths and themes every view is checked in: desktop and phone, light and dark. The heights are
 * tall on purpose: the transcript is virtualized, and only rows inside the viewport are in the DOM
 * (and so seen by axe).
 */
import { emulateMedia, setViewport } from '@web/test-runner-commands';

export interface View {
  name: string;
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

export const VIEWS: readonly View[] = [
  { name: 'desktop, light', width: 1280, height: 3600, colorScheme: 'light' },
  { name: 'desktop, dark', width: 1280, height: 3600, colorScheme: 'dark' },
  { name: 'phone, light', width: 390, height: 4800, colorScheme: 'light' },
  { name: 'phone, dark', width: 390, height: 4800, colorScheme: 'dark' },
];

/** Sizes the page and sets `prefers-color-scheme` for `view`. */
export async function useView(view: View): Promise<void> {
  await setViewport({ width: view.width, height: view.height });
  await emulateMedia({ colorScheme: view.colorScheme });
}

/** `waitUntil` options for what loads lazily (panels, the highlighter): CI shares 2 cores with everything else. */
export const SLOW = { timeout: 10_000 } as const;
