/**
 * Whether any tab of the app is visible, told between tabs over a BroadcastChannel, so a hidden tab
 * does not raise a system notification while the user is looking at OK Code in another tab or window.
 */

const CHANNEL = 'okcode-presence';

type PresenceMessage = { type: 'visible'; tab: string; visible: boolean } | { type: 'ask' };

export interface TabPresence {
  /** True when this tab is hidden and no other tab said it is visible. */
  allHidden(): boolean;
  close(): void;
}

/** Starts telling other tabs this tab's visibility and listening to theirs. */
export function watchPresence(isHidden: () => boolean = () => document.visibilityState === 'hidden'): TabPresence {
  const tab = crypto.randomUUID();
  const visibleTabs = new Set<string>();
  const channel = new BroadcastChannel(CHANNEL);
  const tell = (): void => channel.postMessage({ type: 'visible', tab, visible: !isHidden() } satisfies PresenceMessage);
  channel.onmessage = (e: MessageEvent<PresenceMessage>) => {
    if (e.data.type === 'ask') tell();
    else if (e.data.visible) visibleTabs.add(e.data.tab);
    else visibleTabs.delete(e.data.tab);
  };
  const gone = (): void => channel.postMessage({ type: 'visible', tab, visible: false } satisfies PresenceMessage);
  document.addEventListener('visibilitychange', tell);
  // why pagehide: a closing tab must not be counted as visible forever.
  addEventListener('pagehide', gone);
  channel.postMessage({ type: 'ask' } satisfies PresenceMessage);
  tell();
  return {
    allHidden: () => isHidden() && visibleTabs.size === 0,
    close() {
      gone();
      document.removeEventListener('visibilitychange', tell);
      removeEventListener('pagehide', gone);
      channel.close();
    },
  };
}
