// Keeps the recorded fixtures honest: one per scenario, well-formed, path-free, ending as recorded.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'node:test';
import { isNotification, type Frame } from '../../support/codex-frames.ts';
import { REPO_ROOT } from '../../support/codex-paths.ts';
import { FIXTURE_SCENARIOS } from '../../support/fixture-scenarios.ts';

const DIR = join(REPO_ROOT, 'tests', 'fixtures', 'codex');

function readFrames(name: string): Frame[] {
  return readFileSync(join(DIR, `${name}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const v: unknown = JSON.parse(l);
      assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v), `not an object: ${l.slice(0, 80)}`);
      return v as Frame;
    });
}

suite('codex fixtures', () => {
  for (const s of FIXTURE_SCENARIOS) {
    test(`${s.name}.jsonl is a recording ending in a ${s.turnStatus} turn`, () => {
      assert.ok(existsSync(join(DIR, `${s.name}.jsonl`)), 'run: node --import tsx scripts/record-fixtures.ts');
      const text = readFileSync(join(DIR, `${s.name}.jsonl`), 'utf8');
      assert.ok(!text.includes(REPO_ROOT) && !text.includes('.test-tmp'), 'scratch paths are replaced');
      const frames = readFrames(s.name);
      const sent = frames.flatMap((f) => (typeof f['__client'] === 'object' ? [f['__client'] as Frame] : []));
      assert.deepEqual(
        sent.slice(0, 4).map((m) => m['method']),
        ['initialize', 'initialized', 'thread/start', 'turn/start'],
      );
      const completed = frames.filter((f) => isNotification(f, 'turn/completed'));
      assert.equal(completed.length, 1);
      const [done] = completed;
      assert.ok(done !== undefined && isNotification(done, 'turn/completed'));
      assert.equal(done.params.turn.status, s.turnStatus);
    });
  }
});
