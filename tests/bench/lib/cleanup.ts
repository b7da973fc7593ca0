/**
 * Nothing a benchmark starts may outlive it: scopes close what they opened in reverse order (also
 * on error), and every child process is killed (with its process group) if the runner itself exits.
 */
import type { ChildProcess } from 'node:child_process';

type Cleanup = () => Promise<void> | void;

const CLEANUP_TIMEOUT_MS = 10_000;

/** Things to undo, in reverse order of creation. */
export class Scope {
  private readonly items: Cleanup[] = [];

  defer(fn: Cleanup): void {
    this.items.push(fn);
  }

  /**
   * Runs every cleanup, newest first; reports but does not rethrow cleanup errors. A cleanup that hangs
   * (e.g. closing a browser that Ctrl-C already killed) is given up after CLEANUP_TIMEOUT_MS.
   */
  async close(): Promise<void> {
    for (const fn of this.items.splice(0).reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, CLEANUP_TIMEOUT_MS);
      });
      try {
        await Promise.race([Promise.resolve().then(fn), timeout]);
      } catch (e) {
        process.stderr.write(`bench cleanup failed: ${e instanceof Error ? e.message : String(e)}\n`);
      } finally {
        clearTimeout(timer);
      }
    }
  }
}

const openScopes = new Set<Scope>();

/** Runs `fn` with a scope that is closed afterwards, whether `fn` succeeds or throws. */
export async function scoped<T>(fn: (scope: Scope) => Promise<T>): Promise<T> {
  const scope = new Scope();
  openScopes.add(scope);
  try {
    return await fn(scope);
  } finally {
    openScopes.delete(scope);
    await scope.close();
  }
}

/** Closes every scope still open, newest first (for Ctrl-C); gives up after `timeoutMs`. */
export async function closeOpenScopes(timeoutMs: number): Promise<void> {
  const all = [...openScopes].reverse();
  openScopes.clear();
  const closing = (async () => {
    for (const s of all) await s.close();
  })();
  await Promise.race([closing, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
}

/** pid → whether it leads its own process group. */
const live = new Map<number, boolean>();

/** Remembers a child so that it (and its group, if it leads one) dies with the runner. */
export function track(child: ChildProcess, ownGroup: boolean): void {
  const pid = child.pid;
  if (pid === undefined) return;
  live.set(pid, ownGroup);
  child.once('exit', () => live.delete(pid));
}

/** SIGKILLs every tracked child (and group) at once: for the runner's own exit. */
export function killTrackedNow(): void {
  for (const [pid, group] of live) {
    for (const target of group ? [-pid, pid] : [pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  live.clear();
}

process.on('exit', killTrackedNow);
