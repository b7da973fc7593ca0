/**
 * Pure: what to send codex when the user answers one of its server requests.
 * One place that knows each request kind's response shape (codex-app-server.md §6).
 */
import type { ApprovalRecord, CommandDecision } from '../../../protocol/projections.ts';

/** The JSON-RPC `result` for an answered approval. */
export function responseFor(approval: ApprovalRecord, decision: CommandDecision): Record<string, unknown> {
  switch (approval.kind) {
    case 'commandExecution':
    case 'fileChange':
      return { decision };
  }
}
