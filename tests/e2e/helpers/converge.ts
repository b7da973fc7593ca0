/**
 * Waiting until the PWA and codex agree: what the page stored in IndexedDB equals codex's own
 * thread/read, and neither has a turn in progress.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { connectBridgeClient } from './bridge-client.ts';
import type { RunningBridge } from './bridge-process.ts';
import { codexProjection, storedProjection } from './projection.ts';

/** Polls until the projections match with nothing in progress; returns the item count, or fails after `timeoutMs`. */
export async function converged(page: Page, bridge: RunningBridge, threadId: string, timeoutMs = 30_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const client = await connectBridgeClient(bridge);
      try {
        const [stored, codex] = await Promise.all([storedProjection(page, threadId), codexProjection(client, threadId)]);
        last = { stored, codex };
        const same = JSON.stringify(stored.items) === JSON.stringify(codex.items);
        if (same && stored.turnsInProgress === 0 && codex.turnsInProgress === 0) return stored.items.length;
      } finally {
        client.close();
      }
    } catch (e) {
      last = String(e); // codex restarting: try again
    }
    if (Date.now() > deadline) assert.fail(`the PWA's projection did not converge on codex's:\n${JSON.stringify(last, null, 1)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
