/**
 * How the thread list arranges threads: filtered by a title query, archived ones left out unless
 * asked for, grouped by project (cwd) with the most recently active project first. Pure.
 */
import type { ThreadRecord } from '../../../protocol/projections.ts';
import { threadName } from './labels.ts';

export interface ThreadGroup {
  cwd: string;
  /** The project's name: the cwd's last segment, or "No project". */
  label: string;
  threads: ThreadRecord[];
}

export interface GroupOptions {
  /** Keep threads whose title contains this (case-insensitive); '' keeps all. */
  query: string;
  /** List archived threads instead of the others. */
  archived: boolean;
}

/** `threads` (most recent first) grouped by cwd; groups ordered by their most recent thread. */
export function groupThreads(threads: readonly ThreadRecord[], { query, archived }: GroupOptions): ThreadGroup[] {
  const q = query.trim().toLowerCase();
  const groups = new Map<string, ThreadGroup>();
  for (const t of threads) {
    if (t.archived !== archived) continue;
    if (q !== '' && !threadName(t).toLowerCase().includes(q)) continue;
    let group = groups.get(t.cwd);
    if (group === undefined) {
      group = { cwd: t.cwd, label: projectName(t.cwd), threads: [] };
      groups.set(t.cwd, group);
    }
    group.threads.push(t);
  }
  return [...groups.values()];
}

function projectName(cwd: string): string {
  return cwd.split(/[/\\]/).filter((s) => s !== '').at(-1) ?? 'No project';
}
