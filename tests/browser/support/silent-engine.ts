/**
 * An engine for tab-store tests that are about IndexedDB, not the bridge: every call stays pending,
 * except the methods a test passes in `answers` (to record what the store asked, say).
 */
import type { EngineApi } from '../../../protocol/engine-api.ts';
import type { EngineClient } from '../../../web/src/state/engine-client.ts';

export function silentEngine(answers: Partial<EngineApi> = {}): EngineClient {
  const never = (): Promise<never> => new Promise(() => undefined);
  // why the casts: a Proxy answers every other EngineApi method the same way; comlink's Remote has the
  // same call shape.
  return new Proxy({}, { get: (_, key) => (answers as Record<PropertyKey, unknown>)[key] ?? never }) as unknown as EngineClient;
}

/** How long storage tests wait for the store to catch up, polling often (IndexedDB is quick). */
export const STORE_WAIT = { timeout: 5000, interval: 10 } as const;
