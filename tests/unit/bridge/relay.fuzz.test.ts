/**
 * The frame fuzz at socket level: generated and mutated frames sent through a real bridge (in this
 * process, so an escaping exception fails the run) to the fake codex peer, with a valid request after
 * every ten. Each frame the bridge must refuse gets an `error` frame, the socket stays open, every
 * valid request after a malformed one still gets its reply, and codex receives exactly the frames
 * that were valid. The 100,000-frame pure run is tests/unit/fuzz/bridge-frames.fuzz.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import { WebSocket } from 'ws';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { readClientFrame } from '../../../bridge/src/frames.ts';
import { report } from '../../support/test-report.ts';
import { fuzzFrame } from '../fuzz/client-frames.ts';
import { prng } from '../fuzz/prng.ts';
import { openSession, startTestBridge } from './harness.ts';

const FRAMES = 3000;
const CONTROL_EVERY = 10;
const FRAME_ERRORS = new Set(['OKC_BRIDGE_FRAME_NOT_JSON', 'OKC_BRIDGE_FRAME_INVALID', 'OKC_BRIDGE_FRAME_TOO_LARGE']);

suite('fuzzing the relay over a real socket', () => {
  let bridge: RunningBridge;
  before(async () => {
    bridge = await startTestBridge();
  });
  after(() => bridge.stop());

  test(`${FRAMES} fuzzed frames: each refused one gets an error, valid ones after it still relay`, async () => {
    const { client } = await openSession(bridge.port);
    const before = (await client.result('test/stats'))['messages'] as number;
    const rnd = prng(0x50c7e7);
    let refused = 0;
    let forwarded = 0;
    const controls: string[] = [];
    for (let i = 0; i < FRAMES; i++) {
      const frame = fuzzFrame(rnd);
      // What the bridge must do with it: readClientFrame's verdict, itself checked against JSON.parse
      // by the pure fuzz; here the question is whether the relay carries that verdict out.
      const verdict = readClientFrame(frame.bytes, frame.binary).kind;
      if (verdict === 'reject') refused++;
      if (verdict === 'rpc') forwarded++;
      client.ws.send(frame.bytes, { binary: frame.binary });
      if (i % CONTROL_EVERY === CONTROL_EVERY - 1) {
        const id = `control-${i}`;
        controls.push(id);
        client.sendRpc({ id, method: 'fuzz/echo', params: { i } });
      }
    }
    let answered = 0;
    for (const id of controls) {
      const reply = await client.take((f) => f.type === 'rpc' && f.msg['id'] === id, 10_000);
      if (reply.type === 'rpc' && (reply.msg['result'] as { method?: unknown }).method === 'fuzz/echo') answered++;
    }
    const errors = (): number => client.arrived.filter((f) => f.type === 'error').length;
    const deadline = Date.now() + 10_000;
    while (errors() < refused && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const stats = await client.result('test/stats');
    const reached = (stats['messages'] as number) - before - 1; // without the second test/stats
    const wrongCodes = client.arrived.filter((f) => f.type === 'error' && !FRAME_ERRORS.has(f.code));
    const failures = (controls.length - answered) + Math.abs(errors() - refused) + Math.abs(reached - forwarded - controls.length) + wrongCodes.length;
    report('fuzz (bridge frames)', { frames: FRAMES, refused, failures });
    assert.equal(answered, controls.length, 'every valid request after malformed frames got its reply');
    assert.equal(errors(), refused, 'one error frame per refused frame');
    assert.deepEqual(wrongCodes, [], 'errors name the frame problem');
    assert.equal(reached, forwarded + controls.length, 'codex received exactly the valid frames');
    assert.equal(client.ws.readyState, WebSocket.OPEN);
    assert.ok(refused > FRAMES / 4 && forwarded > FRAMES / 10, `a real mix (${refused} refused, ${forwarded} forwarded)`);
    await client.close();
  });
});
