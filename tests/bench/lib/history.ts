/**
 * Templates of the records the browser figures write into IndexedDB, typed against
 * protocol/projections.ts so that a change of the record shapes breaks this file's type check rather
 * than the benchmark page. The page (browser/seed.js) clones them by the thousand, changing only ids,
 * order and text.
 */
import type { ItemRecord, ThreadRecord, TurnRecord } from '../../../protocol/projections.ts';

export interface HistoryTemplates {
  thread: ThreadRecord;
  turn: TurnRecord;
  user: ItemRecord;
  agent: ItemRecord;
  command: ItemRecord;
}

/** What browser/seed.js writes: `threads` threads, the first of which holds `items` items. */
export interface SeedConfig {
  threads: number;
  items: number;
  /** Text that ends the first thread's last item (an agent message); also part of every id. */
  marker: string;
  templates: HistoryTemplates;
}

export function historyTemplates(): HistoryTemplates {
  const ids = { threadId: 't', turnId: 'u', itemId: 'i', ord: 0, streaming: false, rev: 1 };
  return {
    thread: {
      id: 't',
      name: null,
      preview: 'Benchmark thread: make the build faster and keep the tests green',
      cwd: '/home/user/project',
      status: 'idle',
      createdAt: 1_800_000_000,
      updatedAt: 1_800_000_000,
      activeTurnId: null,
      nextOrd: 0,
      archived: false,
      deleted: false,
      tokenUsage: null,
      notices: [],
      rev: 1,
    },
    turn: { threadId: 't', turnId: 'u', status: 'completed', error: null, errorInfo: null, retrying: null, diff: null, plan: null, rev: 1 },
    user: { ...ids, kind: 'userMessage', text: '' },
    agent: { ...ids, kind: 'agentMessage', text: '' },
    command: {
      ...ids,
      kind: 'commandExecution',
      command: 'npm test',
      cwd: '/home/user/project',
      output: '',
      exitCode: 0,
      durationMs: 1200,
      status: 'completed',
    },
  };
}

export function seedConfig(threads: number, items: number, marker: string): SeedConfig {
  return { threads, items, marker, templates: historyTemplates() };
}
