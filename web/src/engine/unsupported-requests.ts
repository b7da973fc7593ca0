/**
 * Server requests this build cannot show to the user still get an answer, never silence: codex would
 * otherwise wait forever with the thread stuck. That covers legacy v1 approvals, request kinds OK Code
 * does not offer (dynamic tools, auth-token refresh, attestation), and any request whose params are
 * too damaged to show; each gets the most cautious answer its method understands.
 */
import type { Diagnostics } from './diagnostics.ts';
import type { CodexRpc } from './rpc.ts';

/** JSON-RPC "method not found". */
const METHOD_NOT_FOUND = -32601;

/** The refusal to send for `method`, or null for a JSON-RPC error instead. */
export function refusalFor(method: string): Record<string, unknown> | null {
  switch (method) {
    case 'execCommandApproval':
    case 'applyPatchApproval':
      // Legacy v1 approvals: an explicit denial the old API understands.
      return { decision: { denied: { rejection: 'OK Code does not support legacy approval requests.' } } };
    case 'item/commandExecution/requestApproval':
    case 'item/fileChange/requestApproval':
      // Only reached when the params could not be read: the user never saw what they would approve.
      return { decision: 'decline' };
    case 'item/tool/requestUserInput':
      return { answers: {} };
    case 'item/permissions/requestApproval':
      // Permissions left out count as denied.
      return { permissions: {}, scope: 'turn' };
    case 'mcpServer/elicitation/request':
      return { action: 'decline', content: null, _meta: null };
    case 'item/tool/call':
      return {
        contentItems: [{ type: 'inputText', text: 'OK Code does not provide dynamic tools.' }],
        success: false,
      };
    default:
      return null;
  }
}

/** Answers a server request the UI cannot show, and counts it in the diagnostics. */
export function answerUnsupportedRequest(rpc: CodexRpc, id: number | string, method: string, diagnostics: Diagnostics): void {
  diagnostics.refusedRequest(method);
  const result = refusalFor(method);
  if (result === null) rpc.respondError(id, METHOD_NOT_FOUND, `OK Code cannot answer ${method}.`);
  else rpc.respond(id, result);
}
