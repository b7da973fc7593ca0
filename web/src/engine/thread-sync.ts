/**
 * Reads a thread's full state from codex: resume (which also subscribes this connection and makes
 * codex re-send pending approvals), then every turn and item page.
 */
import type { Thread, ThreadItemEntry, Turn } from '../../../protocol/codex/methods.ts';
import type { ThreadTurnsListResponse } from '../../../protocol/codex/_generated/v2/ThreadTurnsListResponse.ts';
import type { ThreadItemsListResponse } from '../../../protocol/codex/_generated/v2/ThreadItemsListResponse.ts';
import type { CodexRpc } from './rpc.ts';

/** A bound on pages, so a server that keeps returning cursors cannot loop the engine forever. */
const MAX_PAGES = 1000;

export interface ThreadState {
  thread: Thread;
  turns: Turn[];
  entries: ThreadItemEntry[];
}

export async function fetchThreadState(rpc: CodexRpc, threadId: string): Promise<ThreadState> {
  const { thread } = await rpc.request('thread/resume', { threadId, excludeTurns: true });
  const turns: Turn[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r: ThreadTurnsListResponse = await rpc.request('thread/turns/list', { threadId, cursor, limit: 100, sortDirection: 'asc' });
    turns.push(...r.data);
    cursor = r.nextCursor;
    if (!cursor) break;
  }
  return { thread, turns, entries: await fetchItems(rpc, threadId, null) };
}

/** Codex's record of a thread's items (of one turn, or of all when `turnId` is null), every page. */
export async function fetchItems(rpc: CodexRpc, threadId: string, turnId: string | null): Promise<ThreadItemEntry[]> {
  const entries: ThreadItemEntry[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r: ThreadItemsListResponse = await rpc.request('thread/items/list', { threadId, turnId, cursor, limit: 500 });
    entries.push(...r.data);
    cursor = r.nextCursor;
    if (!cursor) break;
  }
  return entries;
}
