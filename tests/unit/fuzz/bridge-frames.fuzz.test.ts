/**
 * Fuzzing the bridge's handling of browser frames (`readClientFrame`: the fast path, the JSON scanner,
 * the parse-and-re-serialize path) with 100,000 generated and mutated frames. No exception may
 * escape, every malformed frame is refused with an explicit error, and every valid one is forwarded
 * as exactly the one JSON object it carried (checked against JSON.parse). The socket-level run is
 * tests/unit/bridge/relay.fuzz.test.ts.
 */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { readClientFrame, type ClientAction } from '../../../bridge/src/frames.ts';
import { report } from '../../support/test-report.ts';
import { fuzzFrame, mismatch } from './client-frames.ts';
import { prng } from './prng.ts';

const FRAMES_TO_FUZZ = 100_000;

suite('fuzzing the bridge frame handling', () => {
  test(`${FRAMES_TO_FUZZ.toLocaleString('en')} generated and mutated browser frames`, () => {
    const rnd = prng(0xb1d9e);
    const kinds = new Map<string, number>();
    const problems: string[] = [];
    let exceptions = 0;
    let refused = 0;
    let wrongly = 0;
    for (let i = 0; i < FRAMES_TO_FUZZ; i++) {
      const frame = fuzzFrame(rnd);
      kinds.set(frame.kind, (kinds.get(frame.kind) ?? 0) + 1);
      let action: ClientAction;
      try {
        action = readClientFrame(frame.bytes, frame.binary);
      } catch (e) {
        exceptions++;
        if (problems.length < 5) problems.push(`#${i} (${frame.kind}) threw ${String(e)}`);
        continue;
      }
      if (action.kind === 'reject') refused++;
      const wrong = mismatch(frame, action);
      if (wrong === null) continue;
      wrongly++;
      if (problems.length < 5) problems.push(`#${i}: ${wrong}: ${frame.bytes.subarray(0, 200).toString()}`);
    }
    report('fuzz (bridge frames)', { frames: FRAMES_TO_FUZZ, refused, failures: exceptions + wrongly });
    assert.deepEqual(problems, [], `seed 0xb1d9e: ${exceptions} exceptions, ${wrongly} wrong outcomes`);
    for (const kind of ['valid, engine layout', 'valid, other layout', 'mutated', 'wrong types', 'smuggling', 'huge', 'deep', 'binary']) {
      assert.ok((kinds.get(kind) ?? 0) > 0, `the fuzz generated ${kind} frames`);
    }
    assert.ok(refused > FRAMES_TO_FUZZ / 4, `many frames were malformed (${refused})`);
    console.log(`bridge fuzz: ${FRAMES_TO_FUZZ} frames, ${refused} refused with an error, ${JSON.stringify(Object.fromEntries(kinds))}`);
  });
});
