/**
 * What the bridge needs to know about other processes to clean up after a killed bridge: whether a
 * pid runs, its parent, and its command line. Linux reads /proc; elsewhere (macOS) `ps` answers.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const HAS_PROC = process.platform === 'linux';

/** True while `pid` runs; a zombie (exited, not yet reaped) counts as gone. */
export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 1) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = HAS_PROC ? procStat(pid)?.state : psField(pid, 'stat')?.charAt(0);
  return state !== undefined && state !== 'Z' && state !== 'X';
}

/** The parent pid of `pid`, or null when it is gone or unknown. */
export function parentOf(pid: number): number | null {
  const text = HAS_PROC ? procStat(pid)?.ppid : psField(pid, 'ppid');
  const n = Number(text);
  return text === undefined || !Number.isSafeInteger(n) ? null : n;
}

/** The command line of `pid` with arguments joined by spaces, or null when it is gone or unknown. */
export function commandLineOf(pid: number): string | null {
  if (!HAS_PROC) return psField(pid, 'command') ?? null;
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw === '' ? null : raw.split('\0').join(' ').trim();
  } catch {
    return null;
  }
}

interface ProcStat {
  readonly state: string;
  readonly ppid: string;
}

function procStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // why: the command name (field 2) may contain spaces and parentheses; fields resume after the last ')'.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0] ?? '', ppid: rest[1] ?? '' };
  } catch {
    return null;
  }
}

function psField(pid: number, field: 'stat' | 'ppid' | 'command'): string | undefined {
  try {
    const out = execFileSync('ps', ['-o', `${field}=`, '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const value = out.trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined; // ps exits 1 when the pid is gone
  }
}
