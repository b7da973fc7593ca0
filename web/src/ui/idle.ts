/**
 * Work that can wait for the main thread to be idle: `requestIdleCallback` where the browser has it,
 * else a short timer (Safari), so deferred work still runs, just without the idle hint.
 */

/** Without idle callbacks, a slice short enough to keep a frame's budget. */
const IDLE_SLICE_MS = 8;

/** Runs `run` when the main thread is idle, at the latest after about `timeoutMs`; returns a cancel. */
export function whenIdle(run: (deadline: IdleDeadlineLike) => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout: timeoutMs });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => {
    const start = performance.now();
    run({ didTimeout: false, timeRemaining: () => Math.max(0, IDLE_SLICE_MS - (performance.now() - start)) });
  }, 1);
  return () => clearTimeout(handle);
}

/** The part of `IdleDeadline` this app uses. */
export interface IdleDeadlineLike {
  readonly didTimeout: boolean;
  timeRemaining(): number;
}
