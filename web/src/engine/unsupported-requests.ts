/**
 * Server requests this build cannot show to the user still get an answer, never silence:
 * codex would otherwise wait forever with the thread stuck.
 */
import type { Diagnostics } from './diagnostics.ts';
import type { CodexRpc } from './rpc.ts';

/** JSON-RPC "method not found". */
const METHOD_NOT_FOUND = -32601;

export function answerUnsupportedRequest(rpc: CodexRpc, id: number | string, method: string, diagnostics: Diagnostics): void {
  diagnostics.refusedRequest(method);
  switch (method) {
    case 'execCommandApproval':
    case 'applyPatchApproval':
      // Legacy v1 approvals: an explicit denial the old API understands.
      rpc.respond(id, { decision: { denied: { rejection: 'OK Code does not support legacy approval requests.' } } });
      return;
    case 'item/tool/requestUserInput':
      rpc.respond(id, { answers: {} });
      return;
    case 'mcpServer/elicitation/request':
      rpc.respond(id, { action: 'decline', content: null, _meta: null });
      return;
    default:
      rpc.respondError(id, METHOD_NOT_FOUND, `OK Code cannot answer ${method} yet.`);
  }
}
