/**
 * At start, stops codex process groups left behind by bridges that were killed (SIGKILL, a crash of
 * node, or no `setpriv` for pdeathsig) and removes their socket directories.
 *
 * A group is killed only when its leader is still the codex that bridge started: a command line with
 * `app-server` and that bridge's private socket path (which no other process can have, since the
 * directory name is random), and a parent that is not that bridge. A recycled pid never matches.
 */
import { lstatSync, rmSync } from 'node:fs';
import { basename, dirname, isAbsolute } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { commandLineOf, isRunning, parentOf } from './process-info.ts';
import { readRecords, type CodexRecord } from './orphan-registry.ts';

/** What the reaper did, for the log and for tests. */
export interface ReapReport {
  /** Leaders of the orphaned codex groups that were stopped. */
  readonly stopped: number[];
  /** Socket directories removed. */
  readonly removedDirs: string[];
}

export interface ReapOptions {
  readonly log: (line: string) => void;
  /** How long a stopped group gets after SIGTERM before SIGKILL (default 3 s, like a normal stop). */
  readonly graceMs?: number;
  /** This bridge's pid: its own record is never touched. */
  readonly selfPid?: number;
}

type Verdict = 'live' | 'orphan' | 'stale';

/**
 * Reads every record in `stateDir` and deals with it: a live bridge's record is left alone; an
 * orphaned codex group gets SIGTERM, then SIGKILL after the grace; the socket directory and the
 * record of every dead bridge are removed. Never throws.
 */
export async function reapOrphans(stateDir: string, opts: ReapOptions): Promise<ReapReport> {
  const selfPid = opts.selfPid ?? process.pid;
  const stopped: number[] = [];
  const removedDirs: string[] = [];
  const orphans: CodexRecord[] = [];
  const forget: { file: string; record: CodexRecord | null }[] = [];
  for (const found of readRecords(stateDir)) {
    const r = found.record;
    if (r !== null && r.bridgePid === selfPid) continue;
    const verdict = r === null ? 'stale' : judge(r);
    if (verdict === 'live') continue;
    if (verdict === 'orphan' && r !== null) orphans.push(r);
    forget.push(found);
  }
  await Promise.all(orphans.map(async (r) => {
    opts.log(`okcode-bridge: stopping codex (pid ${r.codexPid}) left running by a bridge that was killed (pid ${r.bridgePid})`);
    await stopGroup(r.codexPid, opts.graceMs ?? 3000);
    stopped.push(r.codexPid);
  }));
  for (const { file, record } of forget) {
    if (record !== null && removeSocketDir(dirname(record.socketPath))) removedDirs.push(dirname(record.socketPath));
    rmSync(file, { force: true });
  }
  return { stopped, removedDirs };
}

function judge(r: CodexRecord): Verdict {
  const bridgeAlive = isRunning(r.bridgePid);
  const ownedByLiveBridge = bridgeAlive && parentOf(r.codexPid) === r.bridgePid;
  if (isRunning(r.codexPid) && !ownedByLiveBridge && isCodexOf(r)) return 'orphan';
  // why: a live bridge may be between two codex runs (a restart); its record is updated on the next spawn.
  return bridgeAlive ? 'live' : 'stale';
}

function isCodexOf(r: CodexRecord): boolean {
  const cmd = commandLineOf(r.codexPid) ?? '';
  return cmd.includes('app-server') && cmd.includes(r.socketPath);
}

async function stopGroup(leader: number, graceMs: number): Promise<void> {
  signalGroup(leader, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isRunning(leader) && Date.now() < deadline) await sleep(25);
  // why: anything else in the group (children codex did not stop) goes too; the group id cannot have
  // been reused while any member is alive.
  signalGroup(leader, 'SIGKILL');
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * Removes a socket directory named in a record, but only one that looks like what `startBridge`
 * creates (`okcode-bridge-XXXXXX`, a real directory owned by this user), so a damaged record cannot
 * make the bridge delete anything else. True when it removed something.
 */
function removeSocketDir(dir: string): boolean {
  if (!isAbsolute(dir) || !/^okcode-bridge-[A-Za-z0-9]{6}$/.test(basename(dir))) return false;
  try {
    const st = lstatSync(dir);
    const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
    if (!st.isDirectory() || !mine) return false;
  } catch {
    return false;
  }
  rmSync(dir, { recursive: true, force: true });
  return true;
}
