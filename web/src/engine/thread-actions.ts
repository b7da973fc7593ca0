/**
 * Thread-level codex calls that also update the projections: start, fork, list, models.
 * The engine wraps each in its connected/error handling.
 */
import type { ModelOption } from '../../../protocol/engine-api.ts';
import type { CodexLink } from './codex-link.ts';
import { threadSnapshot } from './ingest.ts';
import type { Projector } from './projector.ts';

export async function startThread(link: CodexLink, projector: Projector, cwd: string | null): Promise<{ threadId: string }> {
  const r = await link.rpc.request('thread/start', {
    ...(cwd ? { cwd } : {}),
    // why: supervised by default: codex asks before running commands, inside a workspace sandbox.
    approvalPolicy: 'untrusted',
    sandbox: 'workspace-write',
  });
  link.markSubscribed(r.thread.id);
  projector.apply([{ type: 'thread.upserted', thread: threadSnapshot(r.thread) }]);
  await projector.flushNow();
  return { threadId: r.thread.id };
}

export async function forkThread(link: CodexLink, projector: Projector, threadId: string): Promise<{ threadId: string }> {
  const r = await link.rpc.request('thread/fork', { threadId });
  link.markSubscribed(r.thread.id);
  projector.apply([{ type: 'thread.upserted', thread: threadSnapshot(r.thread) }]);
  await link.resync(r.thread.id);
  return { threadId: r.thread.id };
}

/** Adds one page of codex's thread list (threads not known yet); returns the next cursor. */
export async function listThreadsPage(link: CodexLink, projector: Projector, cursor: string | null): Promise<string | null> {
  const r = await link.rpc.request('thread/list', { limit: 50, sortKey: 'updated_at', cursor });
  projector.apply(
    r.data.filter((t) => !projector.store.thread(t.id)).map((t) => ({ type: 'thread.upserted', thread: threadSnapshot(t) })),
  );
  return r.nextCursor;
}

export async function listModels(link: CodexLink): Promise<ModelOption[]> {
  const r = await link.rpc.request('model/list', {});
  return r.data
    .filter((m) => !m.hidden)
    .map((m) => ({
      id: m.id,
      displayName: m.displayName,
      isDefault: m.isDefault,
      reasoningEfforts: m.supportedReasoningEfforts.map((e) => e.reasoningEffort),
      defaultReasoningEffort: m.defaultReasoningEffort,
    }));
}
