/**
 * Pure: what to send codex when the user answers one of its server requests.
 * The one place that knows each request kind's response shape (codex-app-server.md §6).
 */
import type {
  ApprovalRecord,
  ElicitationContent,
  JsonObject,
  RequestAnswer,
} from '../../../protocol/projections.ts';

type Of<K extends ApprovalRecord['kind']> = Extract<ApprovalRecord, { kind: K }>;
type AnswerOf<K extends RequestAnswer['kind']> = Extract<RequestAnswer, { kind: K }>;

function commandResult(request: Of<'commandExecution'>, answer: AnswerOf<'commandExecution'>): JsonObject | null {
  switch (answer.decision) {
    case 'accept':
    case 'acceptForSession':
    case 'decline':
    case 'cancel':
      return { decision: answer.decision };
    case 'acceptWithExecpolicyAmendment':
      // Only the prefix codex proposed: the user approves what they were shown, nothing broader.
      return request.execPolicyAmendment === null
        ? null
        : { decision: { acceptWithExecpolicyAmendment: { execpolicy_amendment: request.execPolicyAmendment } } };
    case 'applyNetworkPolicyAmendment': {
      const { host, action } = answer.amendment;
      const offered = request.networkAmendments.some((a) => a.host === host && a.action === action);
      return offered ? { decision: { applyNetworkPolicyAmendment: { network_policy_amendment: { host, action } } } } : null;
    }
  }
}

function userInputResult(request: Of<'userInput'>, answer: AnswerOf<'userInput'>): JsonObject | null {
  const ids = new Set(request.questions.map((q) => q.id));
  const entries = Object.entries(answer.answers);
  if (entries.some(([id]) => !ids.has(id))) return null;
  const answers: JsonObject = {};
  for (const [id, values] of entries) answers[id] = { answers: [...values] };
  return { answers };
}

function permissionsResult(request: Of<'permissions'>, answer: AnswerOf<'permissions'>): JsonObject {
  switch (answer.decision) {
    case 'grantForTurn':
      return { permissions: request.requested, scope: 'turn' };
    case 'grantForSession':
      return { permissions: request.requested, scope: 'session' };
    case 'deny':
      // Permissions left out count as denied (codex-app-server.md §6.4).
      return { permissions: {}, scope: 'turn' };
  }
}

function contentJson(content: ElicitationContent): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(content)) out[k] = Array.isArray(v) ? [...v] : v;
  return out;
}

function elicitationResult(request: Of<'mcpElicitation'>, answer: AnswerOf<'mcpElicitation'>): JsonObject | null {
  if (answer.action !== 'accept') return { action: answer.action, content: null, _meta: null };
  switch (request.form.mode) {
    case 'form':
      return { action: 'accept', content: contentJson(answer.content), _meta: null };
    case 'toolApproval':
    case 'url':
      return { action: 'accept', content: {}, _meta: null };
    case 'unsupported':
      return null;
  }
}

/**
 * The JSON-RPC `result` for `answer` to `request`; null when the answer does not fit the request (its
 * kind differs, or it names something codex did not offer), so nothing wrong is ever sent.
 */
export function responseFor(request: ApprovalRecord, answer: RequestAnswer): JsonObject | null {
  if (request.kind === 'commandExecution' && answer.kind === 'commandExecution') return commandResult(request, answer);
  if (request.kind === 'fileChange' && answer.kind === 'fileChange') return { decision: answer.decision };
  if (request.kind === 'userInput' && answer.kind === 'userInput') return userInputResult(request, answer);
  if (request.kind === 'permissions' && answer.kind === 'permissions') return permissionsResult(request, answer);
  if (request.kind === 'mcpElicitation' && answer.kind === 'mcpElicitation') return elicitationResult(request, answer);
  return null;
}
