/**
 * Pure: codex server requests (approvals, questions, permission and elicitation requests) → an
 * `approval.requested` event every tab shows; `serverRequest/resolved` → `approval.resolved`.
 */
import type { DomainEvent, RequestSnapshot } from '../../../../protocol/events.ts';
import type { NetworkAmendmentView, RequestBody, UserInputQuestionView } from '../../../../protocol/projections.ts';
import { elicitationForm, permissionRequest } from './request-forms.ts';
import { Malformed, asObj, isObj, obj, oneOf, optArr, optBool, optObj, optStr, requestId, str, strArr, type Obj } from './read.ts';

/** Key under which a codex server request id is stored (ids may be numbers or strings). */
export function requestKeyOf(id: number | string): string {
  return typeof id === 'number' ? `n:${id}` : `s:${id}`;
}

/** Inverse of requestKeyOf. */
export function requestIdOf(key: string): number | string {
  return key.startsWith('n:') ? Number(key.slice(2)) : key.slice(2);
}

function amendment(v: unknown, i: number): NetworkAmendmentView {
  const a = asObj(v, `proposedNetworkPolicyAmendments[${i}]`);
  return { host: str(a, 'host'), action: oneOf(a, 'action', ['allow', 'deny'] as const) };
}

function commandApproval(p: Obj): RequestBody {
  const proposed = p['proposedExecpolicyAmendment'];
  const context = optObj(p, 'networkApprovalContext');
  return {
    kind: 'commandExecution',
    command: optStr(p, 'command') ?? '',
    cwd: optStr(p, 'cwd') ?? '',
    reason: optStr(p, 'reason'),
    execPolicyAmendment: proposed === undefined || proposed === null ? null : strArr(p, 'proposedExecpolicyAmendment'),
    networkAmendments: optArr(p, 'proposedNetworkPolicyAmendments').map(amendment),
    networkHost: context === null ? null : str(context, 'host'),
  };
}

function question(v: unknown, i: number): UserInputQuestionView {
  const q = asObj(v, `questions[${i}]`);
  return {
    id: str(q, 'id'),
    header: optStr(q, 'header') ?? '',
    question: str(q, 'question'),
    options: optArr(q, 'options').map((o, j) => {
      const opt = asObj(o, `questions[${i}].options[${j}]`);
      return { label: str(opt, 'label'), description: optStr(opt, 'description') ?? '' };
    }),
    isOther: optBool(q, 'isOther') ?? false,
    isSecret: optBool(q, 'isSecret') ?? false,
  };
}

/** Per method: the request body and the ids that place it (thread, turn, item). */
const READERS: Readonly<Record<string, (p: Obj) => RequestSnapshotParts>> = {
  'item/commandExecution/requestApproval': (p) => ({ ...itemIds(p), body: commandApproval(p) }),
  'item/fileChange/requestApproval': (p) => ({
    ...itemIds(p),
    body: { kind: 'fileChange', reason: optStr(p, 'reason'), grantRoot: optStr(p, 'grantRoot') },
  }),
  'item/tool/requestUserInput': (p) => {
    const questions = optArr(p, 'questions').map(question);
    if (questions.length === 0) throw new Malformed('questions is empty');
    return { ...itemIds(p), body: { kind: 'userInput', questions } };
  },
  'item/permissions/requestApproval': (p) => ({
    ...itemIds(p),
    body: { kind: 'permissions', cwd: str(p, 'cwd'), reason: optStr(p, 'reason'), ...permissionRequest(obj(p, 'permissions')) },
  }),
  'mcpServer/elicitation/request': (p) => ({
    threadId: str(p, 'threadId'),
    turnId: optStr(p, 'turnId'),
    itemId: null,
    body: { kind: 'mcpElicitation', serverName: str(p, 'serverName'), message: str(p, 'message'), form: elicitationForm(p) },
  }),
};

interface RequestSnapshotParts {
  threadId: string;
  turnId: string | null;
  itemId: string | null;
  body: RequestBody;
}

function itemIds(p: Obj): Omit<RequestSnapshotParts, 'body'> {
  return { threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), itemId: str(p, 'itemId') };
}

/** The server request methods the UI can answer. */
export const ANSWERABLE_REQUESTS: readonly string[] = Object.keys(READERS);

/**
 * A codex server request as events; null when the UI cannot show it (an unsupported method, or params
 * without the fields the method promises) — the caller must then answer it some other way.
 */
export function ingestServerRequest(method: string, id: number | string, params: unknown): DomainEvent[] | null {
  const read = READERS[method];
  if (read === undefined || !isObj(params)) return null;
  try {
    const { body, ...ids } = read(params);
    const request: RequestSnapshot = { requestKey: requestKeyOf(id), ...ids, ...body };
    return [{ type: 'approval.requested', request }];
  } catch {
    return null;
  }
}

/** `serverRequest/resolved`: another tab answered, codex cleared it (interrupt), or it was answered here. */
export const requestNotifications = {
  'serverRequest/resolved': (p: Obj): DomainEvent[] => [
    { type: 'approval.resolved', requestKey: requestKeyOf(requestId(p, 'requestId')) },
  ],
} as const;
