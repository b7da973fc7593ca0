/**
 * Page entry: connects the tab to the engine, hands it the bridge target from the ready URL's
 * fragment (`#token=…`), and mounts the app.
 */
import './ui/app-shell.ts';
import { BRIDGE_WS_PATH } from '../../protocol/bridge-frames.ts';
import type { BridgeTarget } from '../../protocol/engine-api.ts';
import { connectEngine } from './state/engine-client.ts';
import { createStore } from './state/store.ts';
import { registerServiceWorker } from './sw/register.ts';

/**
 * Reads `#token=…` (and an optional `bridge=ws://…` for a PWA served from elsewhere), then removes the
 * fragment so the token does not stay in the address bar or the history.
 */
function takeTargetFromFragment(): BridgeTarget | null {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (!token) return null;
  history.replaceState(null, '', location.pathname + location.search);
  const url = params.get('bridge') ?? `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${BRIDGE_WS_PATH}`;
  return { url, token };
}

async function main(): Promise<void> {
  const engine = connectEngine();
  const target = takeTargetFromFragment();
  const app = document.querySelector('okc-app');
  const showWaiting = (message: string | null): void => {
    if (app) app.startupNotice = message;
  };
  const store = await createStore({ engine, onWaiting: showWaiting });
  if (target) void engine.connect(target);
  if (app) app.store = store;
  registerServiceWorker();
}

void main();
