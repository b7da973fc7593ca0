/**
 * The frames of one browser session that the browser may not have received yet, for replay on
 * reconnect. Bounded by frame count and bytes; trimmed by the browser's acks.
 */

export interface ReplayLimits {
  readonly maxFrames: number;
  readonly maxBytes: number;
}

export const DEFAULT_REPLAY_LIMITS: ReplayLimits = { maxFrames: 10_000, maxBytes: 32 * 1024 * 1024 };

/**
 * Holds frames with consecutive sequence numbers `dropped + 1 … lastSeq`. Anything at or below
 * `dropped` is gone, either acknowledged or pushed out by the limits. The newest frame is always
 * kept, even when it alone exceeds `maxBytes`, so a large reply survives a short disconnect.
 */
export class ReplayBuffer {
  private frames: Buffer[] = [];
  private head = 0;
  private bytes = 0;
  private dropped = 0;
  private last = 0;

  constructor(private readonly limits: ReplayLimits = DEFAULT_REPLAY_LIMITS) {}

  /** Sequence number of the newest frame pushed (0 before the first). */
  get lastSeq(): number {
    return this.last;
  }

  /** Frames currently held. */
  get size(): number {
    return this.frames.length - this.head;
  }

  /** Bytes currently held. */
  get byteSize(): number {
    return this.bytes;
  }

  /** Appends the frame with sequence number `lastSeq + 1`, then enforces the limits. */
  push(frame: Buffer): number {
    this.frames.push(frame);
    this.bytes += frame.length;
    this.last += 1;
    while (this.size > 1 && (this.size > this.limits.maxFrames || this.bytes > this.limits.maxBytes)) {
      this.dropOldest();
    }
    return this.last;
  }

  /** The browser has everything up to `seq`: forget those frames. Acks beyond `lastSeq` are clamped. */
  ack(seq: number): void {
    const upTo = Math.min(seq, this.last);
    while (this.dropped < upTo && this.dropOldest()) {
      // dropped advances inside dropOldest
    }
  }

  /** True when every frame after `after` is still held (so a resume from `after` loses nothing). */
  canReplayAfter(after: number): boolean {
    return after >= this.dropped;
  }

  /** Frames with sequence number > `after`, oldest first. Call {@link canReplayAfter} first. */
  framesAfter(after: number): Buffer[] {
    const from = Math.max(after, this.dropped) - this.dropped;
    return this.frames.slice(this.head + from);
  }

  private dropOldest(): boolean {
    const frame = this.frames[this.head];
    if (frame === undefined) return false;
    this.bytes -= frame.length;
    this.head += 1;
    this.dropped += 1;
    // why: shifting an array is O(n); compact in bulk once the dead prefix is large.
    if (this.head > 1024 && this.head * 2 > this.frames.length) {
      this.frames = this.frames.slice(this.head);
      this.head = 0;
    }
    return true;
  }
}
