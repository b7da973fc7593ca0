/** Waiting for codex's unix socket to accept connections. */
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves true when a connection to `path` succeeds, false on any error. Closes the probe at once. */
export function probeUnixSocket(path: string): Promise<boolean> {
  return new Promise((done) => {
    const s = connect(path);
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => {
      s.destroy();
      done(false);
    });
  });
}

/**
 * Polls `path` every `intervalMs` until it accepts a connection. Rejects when `signal` aborts (e.g.
 * the process exited) or after `timeoutMs`.
 * why: codex prints nothing on stdout in listen mode; an accepting socket is the only ready signal.
 */
export async function waitForUnixSocket(
  path: string,
  opts: { readonly timeoutMs: number; readonly intervalMs?: number; readonly signal?: AbortSignal },
): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    opts.signal?.throwIfAborted();
    if (await probeUnixSocket(path)) return;
    if (Date.now() >= deadline) throw new Error(`codex did not accept connections within ${opts.timeoutMs} ms`);
    await sleep(opts.intervalMs ?? 20, undefined, opts.signal ? { signal: opts.signal } : undefined);
  }
}
