/** When to restart codex after it exits. Pure. */

export const RESTART_BASE_MS = 500;
export const RESTART_MAX_MS = 10_000;
/** A codex that ran this long counts as healthy: the next crash starts the backoff from the base again. */
export const HEALTHY_UPTIME_MS = 60_000;

/**
 * Given how many consecutive quick failures preceded this exit and how long the process ran,
 * returns the delay before the next start and the new failure count.
 * 0.5 s, 1 s, 2 s, 4 s, 8 s, 10 s, 10 s, …; reset after {@link HEALTHY_UPTIME_MS} of uptime.
 */
export function nextRestart(previousFailures: number, uptimeMs: number): { delayMs: number; failures: number } {
  const failures = uptimeMs >= HEALTHY_UPTIME_MS ? 0 : previousFailures;
  const delayMs = Math.min(RESTART_BASE_MS * 2 ** failures, RESTART_MAX_MS);
  return { delayMs, failures: failures + 1 };
}
