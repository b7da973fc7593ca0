import { assert, nextFrame } from '@open-wc/testing';
import { FrameThrottle } from '../../../web/src/ui/frame-throttle.ts';

/** Resolves with the order in which the given turns resolved. */
function order(turns: Promise<void>[]): Promise<number[]> {
  const seen: number[] = [];
  return Promise.all(turns.map((t, i) => t.then(() => seen.push(i)))).then(() => seen);
}

suite('FrameThrottle', () => {
  test('lets the first turn of a frame go at once', async () => {
    await nextFrame();
    const throttle = new FrameThrottle();
    let went = false;
    void throttle.turn().then(() => (went = true));
    await Promise.resolve();
    await Promise.resolve();
    assert.isTrue(went);
  });

  test('holds later turns until the next frame, and lets them go together', async () => {
    await nextFrame();
    const throttle = new FrameThrottle();
    await throttle.turn();
    const frame = new Promise<number>((resolve) => requestAnimationFrame(resolve));
    let resolvedAt = -1;
    const later = [throttle.turn(), throttle.turn(), throttle.turn()];
    void Promise.all(later).then(() => (resolvedAt = performance.now()));
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(resolvedAt, -1, 'not in this frame');
    assert.deepEqual(await order(later), [0, 1, 2]);
    assert.isAtLeast(resolvedAt, await frame);
  });

  test('gives each frame one immediate turn', async () => {
    await nextFrame();
    const throttle = new FrameThrottle();
    await throttle.turn();
    await nextFrame();
    await nextFrame();
    let went = false;
    void throttle.turn().then(() => (went = true));
    await Promise.resolve();
    await Promise.resolve();
    assert.isTrue(went, 'a frame later, the budget is back');
  });
});
