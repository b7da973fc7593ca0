/**
 * What deserves the user's attention, decided from the store's records alone: which requests just
 * started waiting, which turns just ended, what the live region says about them, and whether a system
 * notification goes out. Pure: the element that observes the store (`<okc-attention>`) feeds it
 * snapshots and carries out what it returns.
 */
import type { ApprovalRecord, ThreadRecord, TurnRecord, TurnStatusView } from '../../../protocol/projections.ts';

/** What the store holds right now, across every thread. */
export interface AttentionSnapshot {
  /** Requests waiting for an answer (state `pending`), any thread. */
  pending: readonly ApprovalRecord[];
  threads: readonly ThreadRecord[];
  /** Every turn the tab knows of, any thread. */
  turns: readonly TurnRecord[];
}

/** What was seen so far; `observe` returns the next one. */
export interface AttentionState {
  /** Request keys already announced (or present at the start). */
  seenRequests: ReadonlySet<string>;
  /** `threadId\nturnId` of turns seen running and not yet seen ending. */
  runningTurns: ReadonlySet<string>;
}

/** How a turn ended. */
export type TurnOutcome = Exclude<TurnStatusView, 'inProgress'>;

/** Something that just happened and is worth telling. */
export type AttentionEvent =
  | { kind: 'approvalNeeded'; threadId: string; requestKey: string; what: string }
  | { kind: 'turnEnded'; threadId: string; turnId: string; outcome: TurnOutcome };

const turnKey = (threadId: string, turnId: string): string => `${threadId}\n${turnId}`;

/** The request in a few words, for "Approval needed: …". Agent text is shortened, never interpreted. */
export function requestSummary(r: ApprovalRecord): string {
  switch (r.kind) {
    case 'commandExecution':
      return r.command.length > 120 ? `${r.command.slice(0, 119)}…` : r.command;
    case 'fileChange':
      return 'file changes';
    case 'permissions':
      return 'permissions';
    case 'userInput':
      return 'an answer to Codex’s question';
    case 'mcpElicitation':
      return r.form.mode === 'toolApproval' ? `tool ${r.form.toolName}` : `${r.serverName} asks`;
  }
}

/**
 * The events between `prev` and `snap`. The first call (`prev` null) only takes stock: whatever
 * already waits or already ended when the tab opened is not news.
 */
export function observe(prev: AttentionState | null, snap: AttentionSnapshot): { state: AttentionState; events: AttentionEvent[] } {
  const events: AttentionEvent[] = [];
  const seenRequests = new Set<string>();
  for (const r of snap.pending) {
    seenRequests.add(r.requestKey);
    if (prev !== null && !prev.seenRequests.has(r.requestKey)) {
      events.push({ kind: 'approvalNeeded', threadId: r.threadId, requestKey: r.requestKey, what: requestSummary(r) });
    }
  }
  const running = new Set<string>(prev?.runningTurns ?? []);
  // why the threads too: a turn may start and its record reach this tab only once it has ended.
  for (const t of snap.threads) if (t.activeTurnId !== null) running.add(turnKey(t.id, t.activeTurnId));
  for (const turn of snap.turns) {
    const key = turnKey(turn.threadId, turn.turnId);
    if (turn.status === 'inProgress') {
      running.add(key);
    } else if (running.delete(key) && prev?.runningTurns.has(key) === true) {
      events.push({ kind: 'turnEnded', threadId: turn.threadId, turnId: turn.turnId, outcome: turn.status });
    }
  }
  return { state: { seenRequests, runningTurns: running }, events };
}

const OUTCOME_WORDS: Record<TurnOutcome, string> = { completed: 'Turn finished', failed: 'Turn failed', interrupted: 'Turn stopped' };

/** What the live region says; `where` names the thread when it is not the one on screen. */
export function announcementOf(e: AttentionEvent, where: string | null): string {
  const suffix = where === null ? '' : ` in ${where}`;
  return e.kind === 'approvalNeeded' ? `Approval needed${suffix}: ${e.what}` : `${OUTCOME_WORDS[e.outcome]}${suffix}`;
}

/** Whether a system notification may go out at all. */
export interface NotifyContext {
  /** The page is hidden (`document.visibilityState`). */
  hidden: boolean;
  /** The user turned notifications on in Settings. */
  enabled: boolean;
  permission: NotificationPermission;
}

/** A system notification to show. */
export interface NotificationSpec {
  title: string;
  body: string;
  /** Same tag in every tab, so tabs replace each other's notification instead of stacking copies. */
  tag: string;
  /** The thread a click selects. */
  threadId: string;
}

/**
 * The notification for `e`, or null: only while the page is hidden, the setting is on and the
 * browser granted permission; a turn the user stopped needs no notification.
 */
export function notificationOf(e: AttentionEvent, threadName: string, ctx: NotifyContext): NotificationSpec | null {
  if (!ctx.hidden || !ctx.enabled || ctx.permission !== 'granted') return null;
  if (e.kind === 'approvalNeeded') {
    return { title: 'Approval needed', body: `${threadName}: ${e.what}`, tag: `okcode-request-${e.requestKey}`, threadId: e.threadId };
  }
  if (e.outcome === 'interrupted') return null;
  return { title: OUTCOME_WORDS[e.outcome], body: threadName, tag: `okcode-turn-${e.threadId}-${e.turnId}`, threadId: e.threadId };
}
