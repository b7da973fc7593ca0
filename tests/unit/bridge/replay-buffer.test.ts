import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { ReplayBuffer } from '../../../bridge/src/replay-buffer.ts';

function filled(n: number, limits = { maxFrames: 100, maxBytes: 1_000_000 }): ReplayBuffer {
  const b = new ReplayBuffer(limits);
  for (let i = 1; i <= n; i++) b.push(Buffer.from(`f${i}`));
  return b;
}

const texts = (frames: Buffer[]): string[] => frames.map((f) => f.toString());

suite('ReplayBuffer', () => {
  test('numbers frames from 1', () => {
    const b = new ReplayBuffer();
    assert.equal(b.push(Buffer.from('a')), 1);
    assert.equal(b.push(Buffer.from('b')), 2);
    assert.equal(b.lastSeq, 2);
  });

  test('replays exactly the frames after a sequence number, in order', () => {
    const b = filled(5);
    assert.deepEqual(texts(b.framesAfter(2)), ['f3', 'f4', 'f5']);
    assert.deepEqual(texts(b.framesAfter(0)), ['f1', 'f2', 'f3', 'f4', 'f5']);
    assert.deepEqual(b.framesAfter(5), []);
    assert.deepEqual(b.framesAfter(9), []);
  });

  test('acks drop frames and make earlier resumes impossible', () => {
    const b = filled(5);
    b.ack(3);
    assert.equal(b.size, 2);
    assert.equal(b.canReplayAfter(3), true);
    assert.equal(b.canReplayAfter(2), false);
    assert.deepEqual(texts(b.framesAfter(3)), ['f4', 'f5']);
  });

  test('acks beyond the last frame are clamped', () => {
    const b = filled(2);
    b.ack(99);
    assert.equal(b.size, 0);
    b.push(Buffer.from('f3'));
    assert.deepEqual(texts(b.framesAfter(2)), ['f3']);
  });

  test('the frame limit pushes out the oldest frames', () => {
    const b = filled(10, { maxFrames: 3, maxBytes: 1_000_000 });
    assert.equal(b.size, 3);
    assert.equal(b.canReplayAfter(7), true);
    assert.equal(b.canReplayAfter(6), false);
    assert.deepEqual(texts(b.framesAfter(7)), ['f8', 'f9', 'f10']);
  });

  test('the byte limit pushes out the oldest frames', () => {
    const b = new ReplayBuffer({ maxFrames: 100, maxBytes: 10 });
    for (let i = 0; i < 4; i++) b.push(Buffer.alloc(4));
    assert.equal(b.size, 2);
    assert.equal(b.byteSize, 8);
  });

  test('keeps the newest frame even when it alone exceeds the byte limit', () => {
    const b = new ReplayBuffer({ maxFrames: 100, maxBytes: 10 });
    b.push(Buffer.alloc(4));
    b.push(Buffer.alloc(50));
    assert.equal(b.size, 1);
    assert.equal(b.canReplayAfter(1), true);
  });

  test('stays consistent across compaction', () => {
    const b = new ReplayBuffer({ maxFrames: 5, maxBytes: 1_000_000 });
    for (let i = 1; i <= 5000; i++) b.push(Buffer.from(`f${i}`));
    assert.deepEqual(texts(b.framesAfter(4997)), ['f4998', 'f4999', 'f5000']);
    assert.equal(b.size, 5);
  });
});
