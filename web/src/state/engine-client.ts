/**
 * Connects a tab to the engine: the SharedWorker shared by every tab of the origin, or, where
 * SharedWorker is missing, a dedicated worker of this tab's own.
 */
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../../protocol/engine-api.ts';

export type EngineClient = Remote<EngineApi>;

/** `dedicated` forces the per-tab worker path (what browsers without SharedWorker get), for tests. */
export function connectEngine(opts: { dedicated?: boolean } = {}): EngineClient {
  if (typeof SharedWorker !== 'undefined' && !opts.dedicated) {
    const worker = new SharedWorker(new URL('../engine/main.ts', import.meta.url), { type: 'module', name: 'okcode-engine' });
    return wrap<EngineApi>(worker.port);
  }
  return wrap<EngineApi>(new Worker(new URL('../engine/main.ts', import.meta.url), { type: 'module', name: 'okcode-engine' }));
}
