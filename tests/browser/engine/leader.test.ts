/**
 * The no-SharedWorker path: dedicated engine workers (one per tab) elect one leader with a Web Lock;
 * the others forward to it, and a follower takes over when the leader's tab goes away.
 */
import { assert } from '@open-wc/testing';
import { wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../../protocol/engine-api.ts';

const ENGINE_URL = new URL('../../../web/src/engine/main.ts', import.meta.url);

const workerErrors: string[] = [];

function dedicatedEngine(): { worker: Worker; api: Remote<EngineApi> } {
  const worker = new Worker(ENGINE_URL, { type: 'module' });
  worker.onerror = (e) => workerErrors.push(e.message || 'worker failed to load');
  return { worker, api: wrap<EngineApi>(worker) };
}

function readDraft(threadId: string): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('okcode');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const get = db.transaction('drafts').objectStore('drafts').get(threadId);
      get.onsuccess = () => {
        db.close();
        resolve((get.result as { text: string } | undefined)?.text);
      };
    };
  });
}

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 5000): Promise<void> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (v === expected) return;
    if (performance.now() > until) assert.fail(`expected ${String(expected)}, last saw ${String(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

suite('dedicated engine workers (no SharedWorker)', () => {
  const workers: Worker[] = [];
  teardown(async () => {
    for (const w of workers.splice(0)) w.terminate();
    await new Promise<void>((resolve) => {
      const r = indexedDB.deleteDatabase('okcode');
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });
  });

  test('a follower forwards to the leader, and takes over when the leader is gone', async () => {
    const a = dedicatedEngine();
    workers.push(a.worker);
    const first = await Promise.race([a.api.connection(), new Promise<null>((r) => setTimeout(() => r(null), 4000))]);
    assert.deepEqual(workerErrors, [], 'the engine worker loads');
    assert.equal(first?.state, 'unconfigured', 'the first worker leads and answers');

    const b = dedicatedEngine();
    workers.push(b.worker);
    assert.equal((await b.api.connection()).state, 'unconfigured', 'the second worker answers through the leader');
    await b.api.saveDraft({ threadId: 't1', text: 'typed in tab B' });
    await eventually(() => readDraft('t1'), 'typed in tab B');

    a.worker.terminate(); // the leader's tab closes: its lock is released
    await eventually(async () => (await b.api.connection().catch(() => null))?.state ?? 'none', 'unconfigured', 10_000);
    await b.api.saveDraft({ threadId: 't1', text: 'B leads now' });
    await eventually(() => readDraft('t1'), 'B leads now');
  });
});
