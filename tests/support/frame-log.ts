/**
 * An append-only list of received frames that tests can wait on: `waitFor` finds a frame already
 * received or the first matching one to come.
 */
import { methodsOf, type Frame } from './codex-frames.ts';

interface Waiter {
  predicate: (f: Frame) => boolean;
  from: number;
  resolve: (f: Frame) => void;
  reject: (e: Error) => void;
}

/** Frames in arrival order, with waiting and listening. */
export class FrameLog {
  /** The frames, in arrival order. */
  readonly frames: Frame[] = [];
  private waiters: Waiter[] = [];
  private readonly listeners = new Set<(f: Frame) => void>();
  private failure: Error | null = null;

  /** Appends a frame, then tells listeners and resolves matching waiters. */
  push(frame: Frame): void {
    this.frames.push(frame);
    const index = this.frames.length - 1;
    for (const l of [...this.listeners]) l(frame);
    for (const w of [...this.waiters]) {
      if (index >= w.from && w.predicate(frame)) {
        this.waiters = this.waiters.filter((x) => x !== w);
        w.resolve(frame);
      }
    }
  }

  /** Calls `listener` for every later frame; returns the unsubscribe function. */
  onFrame(listener: (f: Frame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rejects every current and future wait that is not already satisfied (the source is gone). */
  fail(error: Error): void {
    this.failure = error;
    for (const w of this.waiters) w.reject(error);
    this.waiters = [];
  }

  /**
   * Resolves with the first frame at index ≥ `from` that matches, waiting for it if needed; rejects
   * after `timeoutMs` (listing the methods seen since `from`, plus `context()`) or on {@link fail}.
   */
  waitFor(predicate: (f: Frame) => boolean, timeoutMs: number, from: number, context: () => string): Promise<Frame> {
    const found = this.frames.slice(from).find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise<Frame>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = methodsOf(this.frames.slice(from)).join('\n  ');
        reject(new Error(`waitFor timed out after ${timeoutMs} ms; frames since ${from}:\n  ${seen}\n${context()}`));
      }, timeoutMs);
      const waiter: Waiter = {
        predicate,
        from,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(waiter);
    });
  }
}
