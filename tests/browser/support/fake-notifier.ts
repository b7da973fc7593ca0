/** A Notifier that records what it was asked to do, with a permission and visibility a test sets. */
import type { NotificationSpec } from '../../../web/src/ui/attention.ts';
import type { Notifier } from '../../../web/src/ui/notifier.ts';

export class FakeNotifier implements Notifier {
  supported = true;
  granted: NotificationPermission = 'default';
  /** What `requestPermission` turns `default` into (the user's answer to the browser's prompt). */
  answer: NotificationPermission = 'granted';
  pageHidden = false;
  readonly shown: { spec: NotificationSpec; click: () => void }[] = [];
  readonly badges: number[] = [];
  requests = 0;

  permission(): NotificationPermission {
    return this.granted;
  }

  async requestPermission(): Promise<NotificationPermission> {
    this.requests++;
    if (this.granted === 'default') this.granted = this.answer;
    return this.granted;
  }

  show(spec: NotificationSpec, click: () => void): void {
    this.shown.push({ spec, click });
  }

  badge(count: number): void {
    this.badges.push(count);
  }

  hidden(): boolean {
    return this.pageHidden;
  }

  /** The badge as it stands (0 when never set). */
  get lastBadge(): number {
    return this.badges.at(-1) ?? 0;
  }
}

/** A Storage kept in memory, for `createPreferences(memoryStorage())`: tests leave localStorage alone. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, v),
  };
}
