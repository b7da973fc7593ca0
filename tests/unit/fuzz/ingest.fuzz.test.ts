/**
 * Fuzzing the engine's pure path with frames recorded from the real codex: fields removed, wrong
 * types, huge strings, unknown methods, shuffled order, deltas for unknown items. No exception may
 * escape ingest or the reducers, every malformed frame becomes a diagnostic, and a clean recording
 * folded after the fuzz still projects exactly as it does on its own.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ingestNotification, ingestServerRequest } from '../../../web/src/engine/ingest.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { reduce } from '../../../web/src/engine/reducers/reduce.ts';
import { classify } from '../../../web/src/engine/rpc.ts';
import { report } from '../../support/test-report.ts';
import { prng } from './prng.ts';

const FRAMES_TO_FUZZ = 100_000;
const dir = fileURLToPath(new URL('../../fixtures/codex/', import.meta.url));
type Frame = Record<string, unknown>;

/** Recorded codex frames (lines marking what the client sent are skipped). */
const recorded: Frame[] = readdirSync(dir)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(dir + f, 'utf8').split('\n').filter(Boolean))
  .map((l) => JSON.parse(l) as Frame)
  .filter((f) => !('__client' in f));

const WEIRD: unknown[] = [null, 0, -1, 1.5, '', 'x'.repeat(100_000), true, [], {}, [1, 2], { nested: { deep: [null] } }, 'unknown-id'];

function mutate(value: unknown, rnd: () => number, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 4) return rnd() < 0.3 ? WEIRD[Math.floor(rnd() * WEIRD.length)] : value;
  if (Array.isArray(value)) return value.map((v) => (rnd() < 0.2 ? mutate(v, rnd, depth + 1) : v));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const r = rnd();
    if (r < 0.1) continue; // field removed
    out[k] = r < 0.35 ? mutate(v, rnd, depth + 1) : v;
  }
  return out;
}

function fuzzedFrame(rnd: () => number): Frame {
  const base = recorded[Math.floor(rnd() * recorded.length)] ?? {};
  const r = rnd();
  if (r < 0.05) return { method: `made/up/${Math.floor(rnd() * 1000)}`, params: {} };
  if (r < 0.1) return { method: 'item/agentMessage/delta', params: { threadId: 'ghost', turnId: 'ghost', itemId: `ghost-${Math.floor(rnd() * 50)}`, delta: 'boo' } };
  if (r < 0.15) return { ...base, params: 'not an object' };
  return mutate(base, rnd) as Frame;
}

function fold(frames: readonly Frame[], store: ProjectionStore): { malformed: number; unknown: number } {
  let malformed = 0;
  let unknown = 0;
  for (const f of frames) {
    const m = classify(f);
    if (m.kind === 'notification') {
      const r = ingestNotification(m.method, m.params);
      if (r.kind === 'events') for (const e of r.events) store.apply(reduce(store, e));
      else if (r.kind === 'malformed') malformed++;
      else if (r.kind === 'unknown') unknown++;
    } else if (m.kind === 'request') {
      for (const e of ingestServerRequest(m.method, m.id, m.params) ?? []) store.apply(reduce(store, e));
    }
  }
  return { malformed, unknown };
}

suite('fuzzing ingest and the reducers', () => {
  test(`${FRAMES_TO_FUZZ.toLocaleString('en')} mutated codex frames: nothing throws, malformed frames are reported`, () => {
    assert.ok(recorded.length > 100, 'recorded fixtures are present');
    const rnd = prng(0x0c0de);
    const frames = Array.from({ length: FRAMES_TO_FUZZ }, () => fuzzedFrame(rnd));
    const store = new ProjectionStore();
    let escaped: unknown = null;
    let counts = { malformed: 0, unknown: 0 };
    try {
      counts = fold(frames, store);
    } catch (e) {
      escaped = e;
    }
    const { malformed, unknown } = counts;
    report('fuzz (engine ingest)', { frames: FRAMES_TO_FUZZ, malformed, 'unknown methods': unknown, failures: escaped === null ? 0 : 1 });
    assert.equal(escaped, null, 'no exception escapes ingest or the reducers');
    assert.ok(malformed > 1000, `mutations produced malformed frames (${malformed})`);
    assert.ok(unknown > 1000, `unknown methods were reported (${unknown})`);
    console.log(`fuzz: ${FRAMES_TO_FUZZ} frames folded, ${malformed} reported malformed, ${unknown} unknown methods, 0 exceptions`);
  });

  test('valid frames after the fuzz still apply exactly as on their own', () => {
    // The clean recording goes to thread and turn ids the fuzz never saw.
    const text = readFileSync(dir + 'command-approval-accept.jsonl', 'utf8');
    const ids = new Set([...text.matchAll(/"(?:threadId|turnId|id)":"([0-9a-f]{8}-[0-9a-f-]{27})"/g)].map((m) => m[1] ?? ''));
    let renamed = text;
    for (const id of ids) renamed = renamed.split(id).join(`clean-${id}`);
    const clean = renamed
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Frame)
      .filter((f) => !('__client' in f));
    const alone = new ProjectionStore();
    fold(clean, alone);
    const afterFuzz = new ProjectionStore();
    const rnd = prng(42);
    fold(Array.from({ length: 5_000 }, () => fuzzedFrame(rnd)), afterFuzz);
    fold(clean, afterFuzz);
    assert.ok(alone.allThreads().some((t) => alone.itemsOf(t.id).length >= 3), 'the clean recording projects a transcript');
    for (const t of alone.allThreads()) {
      const strip = (s: ProjectionStore) => s.itemsOf(t.id).map(({ rev: _r, ord: _o, ...rest }) => rest);
      assert.deepEqual(strip(afterFuzz), strip(alone), `thread ${t.id} projects the same after the fuzz`);
    }
  });
});
