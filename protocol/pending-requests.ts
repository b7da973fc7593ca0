/**
 * Server requests: what codex asks the user (approvals, questions, permission grants, MCP
 * elicitations), as records every tab shows, and the answers a tab can give. Plain structured-clone
 * data. `engine/answers.ts` turns (record, answer) into the exact JSON-RPC result codex expects.
 */

/** JSON as it crosses the wire (our own copy: the projections do not depend on generated types). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** Which codex request a record stands for. */
export type RequestKind = 'commandExecution' | 'fileChange' | 'userInput' | 'permissions' | 'mcpElicitation';

/** @see RequestKind (the name from when only approvals existed). */
export type ApprovalKind = RequestKind;

/** A host rule codex proposes to remember for network access. */
export interface NetworkAmendmentView {
  host: string;
  action: 'allow' | 'deny';
}

/** One option of a user-input question. */
export interface UserInputOptionView {
  label: string;
  description: string;
}

/** One question of `item/tool/requestUserInput`. */
export interface UserInputQuestionView {
  id: string;
  header: string;
  question: string;
  /** Options to pick one of; empty for a free-text question. */
  options: UserInputOptionView[];
  /** The user may type an answer of their own instead of an option. */
  isOther: boolean;
  /** The answer is a secret (typed into a password field). */
  isSecret: boolean;
}

/** One line of a permission request, for people: `write /home/me/project`, `network`. */
export interface PermissionLine {
  access: 'read' | 'write' | 'deny' | 'network';
  target: string;
}

/** One field of a flat MCP elicitation form. */
export type ElicitationField = {
  /** The property name (the key in the accepted content). */
  name: string;
  title: string;
  description: string | null;
  required: boolean;
} & (
  | { type: 'string'; format: string | null; defaultValue: string | null }
  | { type: 'number' | 'integer'; minimum: number | null; maximum: number | null; defaultValue: number | null }
  | { type: 'boolean'; defaultValue: boolean | null }
  /** One value (radio) or several (`multiple`, checkboxes) out of `options`. */
  | { type: 'enum'; multiple: boolean; options: { value: string; label: string }[]; defaultValue: string[] }
);

/** What an MCP elicitation asks for. */
export type ElicitationForm =
  /** A flat schema rendered as form fields. */
  | { mode: 'form'; fields: ElicitationField[] }
  /** A schema too rich to render: it can only be declined or cancelled. */
  | { mode: 'unsupported'; schema: string }
  /** The server wants the user to open a URL (shown as text, opened only by the user). */
  | { mode: 'url'; url: string }
  /** Codex asks whether an MCP tool may run (`_meta.codex_approval_kind: "mcp_tool_call"`). */
  | { mode: 'toolApproval'; toolName: string; toolParams: string };

/** The per-kind payload of a request. */
export type RequestBody =
  | {
      kind: 'commandExecution';
      command: string;
      cwd: string;
      reason: string | null;
      /** The command prefix codex proposes to always allow, or null when it proposes none. */
      execPolicyAmendment: string[] | null;
      /** Network rules codex proposes (for network prompts). */
      networkAmendments: NetworkAmendmentView[];
      /** The host a network prompt is about, or null. */
      networkHost: string | null;
    }
  | { kind: 'fileChange'; reason: string | null; grantRoot: string | null }
  | { kind: 'userInput'; questions: UserInputQuestionView[] }
  | {
      kind: 'permissions';
      cwd: string;
      reason: string | null;
      lines: PermissionLine[];
      /** The requested permission profile as codex sent it: what a grant sends back. */
      requested: JsonObject;
    }
  | { kind: 'mcpElicitation'; serverName: string; message: string; form: ElicitationForm };

/** `pending` until a tab answers; `answered` once sent; `resolved` when codex says it is done with it. */
export type RequestState = 'pending' | 'answered' | 'resolved';
/** @see RequestState */
export type ApprovalState = RequestState;

/** A decision on a command approval. The exec-policy one uses the prefix codex proposed. */
export type CommandDecision = 'accept' | 'acceptForSession' | 'acceptWithExecpolicyAmendment' | 'decline' | 'cancel';
/** A decision on a file-change approval. */
export type FileChangeDecision = 'accept' | 'acceptForSession' | 'decline' | 'cancel';
/** A decision on a permission request: grant what was asked (for the turn or the session), or nothing. */
export type PermissionsDecision = 'grantForTurn' | 'grantForSession' | 'deny';
/** Values of an accepted elicitation form, by field name. */
export type ElicitationContent = { [name: string]: string | number | boolean | string[] };

/** An answer a tab gives to a request; its `kind` must match the request's. */
export type RequestAnswer =
  | { kind: 'commandExecution'; decision: CommandDecision }
  /** Remember one of the network rules codex proposed (and allow this request accordingly). */
  | { kind: 'commandExecution'; decision: 'applyNetworkPolicyAmendment'; amendment: NetworkAmendmentView }
  | { kind: 'fileChange'; decision: FileChangeDecision }
  /** Answers by question id: the chosen option's label, or the text the user typed. */
  | { kind: 'userInput'; answers: { [questionId: string]: string[] } }
  | { kind: 'permissions'; decision: PermissionsDecision }
  | { kind: 'mcpElicitation'; action: 'accept'; content: ElicitationContent }
  | { kind: 'mcpElicitation'; action: 'decline' | 'cancel' };

/** A server request, as codex sent it, plus where it stands. */
export type ApprovalRecord = RequestBody & {
  /** The JSON-RPC id of codex's server request, as a string key (`"n:0"` or `"s:abc"`). */
  requestKey: string;
  threadId: string;
  /** null for an MCP elicitation codex could not tie to a turn. */
  turnId: string | null;
  /** The item the request is about (the command, the patch, the tool call), when there is one. */
  itemId: string | null;
  state: RequestState;
  /** The answer sent, once answered (by any tab). */
  decision: RequestAnswer | null;
  rev: number;
};

/** @see ApprovalRecord (a request is not always an approval). */
export type PendingRequest = ApprovalRecord;
