/**
 * SharedWorker entry: one engine per origin, shared by every tab and the installed app window.
 * Also runs as a dedicated Worker per tab where SharedWorker is missing (see leader.ts).
 */
import { expose } from 'comlink';
import { CHANGES_CHANNEL, type ChannelMessage } from '../../../protocol/engine-api.ts';
import { openOkcDB } from '../db/open.ts';
import { Engine } from './engine.ts';
import { electedEngine } from './leader.ts';
import { Projector } from './projector.ts';

declare const self: SharedWorkerGlobalScope | DedicatedWorkerGlobalScope;

/** Only the holder of this Web Lock runs an engine, so only one engine ever writes IndexedDB. */
export const ENGINE_LOCK = 'okcode.engine';

export async function startEngine(): Promise<Engine> {
  const channel = new BroadcastChannel(CHANGES_CHANNEL);
  const db = await openOkcDB(undefined, {
    onBlocking: () => channel.postMessage({ type: 'reload-required' }),
  });
  const projector = new Projector(db, (message: ChannelMessage) => channel.postMessage(message));
  await projector.hydrate();
  const engine = new Engine(projector, async (target) => {
    await db.put('meta', target, 'target');
  });
  const saved = await db.get('meta', 'target');
  if (saved && 'token' in saved) void engine.connect(saved);
  return engine;
}

/**
 * why: after an app update an old worker can outlive the new one's first tab; the lock makes the
 * second engine wait until the first is gone. Ports that connect meanwhile queue their calls
 * (a MessagePort holds messages until a listener starts it).
 */
function whenLeader(run: () => Promise<void>): void {
  void navigator.locks.request(ENGINE_LOCK, async () => {
    await run();
    return new Promise<never>(() => undefined); // hold the lock for the worker's lifetime
  });
}

if ('onconnect' in self) {
  const waiting: MessagePort[] = [];
  let engine: Engine | null = null;
  self.onconnect = (e: MessageEvent) => {
    const port = e.ports[0];
    if (!port) return;
    if (engine) expose(engine, port);
    else waiting.push(port);
  };
  whenLeader(async () => {
    engine = await startEngine();
    for (const port of waiting.splice(0)) expose(engine, port);
  });
} else {
  // No SharedWorker: one dedicated worker per tab; they elect a leader (leader.ts).
  expose(electedEngine(ENGINE_LOCK, startEngine), self);
}
