/**
 * Properties of the fold, on every recorded codex fixture:
 * - idempotence: folding the same frames again (codex re-sends after a resume; a replay overlaps)
 *   leaves the projection as it was;
 * - restartability: folding a prefix, persisting the records (structured clone, as IndexedDB does),
 *   loading them into a fresh engine and folding the rest gives exactly the full fold.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { fixtureNames, foldFrames, readFixture, snapshotOf } from './fold.ts';

/** What an engine reloads from IndexedDB: a structured clone of every record. */
function reload(store: ProjectionStore): ProjectionStore {
  const fresh = new ProjectionStore();
  const threads = store.allThreads();
  fresh.load(
    structuredClone({
      threads,
      turns: threads.flatMap((t) => store.turnsOf(t.id)),
      items: threads.flatMap((t) => store.itemsOf(t.id)),
      approvals: store.allApprovals(),
      server: [store.server()].flatMap((s) => (s ? [s] : [])),
    }),
  );
  return fresh;
}

suite('fold properties on recorded fixtures', () => {
  for (const name of fixtureNames()) {
    const frames = readFixture(name);

    test(`${name}: folding the same frames twice gives the same projection`, () => {
      const once = foldFrames(frames).store;
      const twice = foldFrames(frames, foldFrames(frames).store).store;
      assert.deepEqual(snapshotOf(twice), snapshotOf(once));
    });

    test(`${name}: a fold over any prefix, reloaded, then the rest equals the full fold`, () => {
      const full = snapshotOf(foldFrames(frames).store, { withRev: true });
      for (let cut = 0; cut <= frames.length; cut++) {
        const resumed = reload(foldFrames(frames.slice(0, cut)).store);
        foldFrames(frames.slice(cut), resumed);
        assert.deepEqual(snapshotOf(resumed, { withRev: true }), full, `cut at frame ${cut} of ${frames.length}`);
      }
    });
  }
});
