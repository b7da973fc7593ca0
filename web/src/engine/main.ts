/**
 * SharedWorker entry: one engine per origin, shared by every tab and the installed app window.
 * Also runs as a dedicated Worker where SharedWorker is missing (then each tab has its own engine).
 */
import { expose } from 'comlink';
import { CHANGES_CHANNEL, type ChangeNotice, type EngineApi } from '../../../protocol/engine-api.ts';
import { openOkcDB } from '../db/open.ts';
import { Engine } from './engine.ts';
import { Projector } from './projector.ts';

declare const self: SharedWorkerGlobalScope | DedicatedWorkerGlobalScope;

const ENGINE_LOCK = 'okcode.engine';

async function start(): Promise<EngineApi> {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  const db = await openOkcDB();
  const projector = new Projector(db, (notice: ChangeNotice) => channel.postMessage(notice));
  await projector.hydrate();
  const engine = new Engine(projector, async (target) => {
    await db.put('meta', target, 'target');
  });
  const saved = await db.get('meta', 'target');
  if (saved && 'token' in saved) void engine.connect(saved);
  return engine;
}

/**
 * why: after an app update an old worker can outlive the new one's first tab; the Web Lock makes the
 * second engine wait until the first is gone, so only one engine ever writes IndexedDB.
 */
const engine: Promise<EngineApi> = new Promise((resolve, reject) => {
  void navigator.locks.request(ENGINE_LOCK, () => {
    start().then(resolve, reject);
    return new Promise<never>(() => undefined); // hold the lock for the worker's lifetime
  });
});

/** Every call waits for the engine to be up, so tabs can call it right away. */
const api: EngineApi = {
  connect: async (t) => (await engine).connect(t),
  connection: async () => (await engine).connection(),
  startThread: async (p) => (await engine).startThread(p),
  sendMessage: async (p) => (await engine).sendMessage(p),
  answerApproval: async (p) => (await engine).answerApproval(p),
};

if ('onconnect' in self) {
  self.onconnect = (e: MessageEvent) => {
    const port = e.ports[0];
    if (port) expose(api, port);
  };
} else {
  expose(api, self);
}
