/**
 * Typed lookups over the generated codex wire types: params and results by method name.
 * Codex's slash names appear only here, in the engine's rpc/ingest code, and in tests.
 */
import type { ClientRequest } from './_generated/ClientRequest.ts';
import type { ServerNotification } from './_generated/ServerNotification.ts';
import type { ServerRequest } from './_generated/ServerRequest.ts';
import type { InitializeResponse } from './_generated/InitializeResponse.ts';
import type { ThreadStartResponse } from './_generated/v2/ThreadStartResponse.ts';
import type { ThreadResumeResponse } from './_generated/v2/ThreadResumeResponse.ts';
import type { ThreadReadResponse } from './_generated/v2/ThreadReadResponse.ts';
import type { ThreadLoadedListResponse } from './_generated/v2/ThreadLoadedListResponse.ts';
import type { TurnStartResponse } from './_generated/v2/TurnStartResponse.ts';
import type { ThreadTurnsListResponse } from './_generated/v2/ThreadTurnsListResponse.ts';
import type { ThreadItemsListResponse } from './_generated/v2/ThreadItemsListResponse.ts';
import type { ThreadListResponse } from './_generated/v2/ThreadListResponse.ts';
import type { TurnSteerResponse } from './_generated/v2/TurnSteerResponse.ts';
import type { TurnInterruptResponse } from './_generated/v2/TurnInterruptResponse.ts';
import type { ThreadSetNameResponse } from './_generated/v2/ThreadSetNameResponse.ts';
import type { ThreadArchiveResponse } from './_generated/v2/ThreadArchiveResponse.ts';
import type { ThreadUnarchiveResponse } from './_generated/v2/ThreadUnarchiveResponse.ts';
import type { ThreadForkResponse } from './_generated/v2/ThreadForkResponse.ts';
import type { ModelListResponse } from './_generated/v2/ModelListResponse.ts';
import type { GetAccountResponse } from './_generated/v2/GetAccountResponse.ts';
import type { LoginAccountResponse } from './_generated/v2/LoginAccountResponse.ts';
import type { CancelLoginAccountResponse } from './_generated/v2/CancelLoginAccountResponse.ts';
import type { LogoutAccountResponse } from './_generated/v2/LogoutAccountResponse.ts';
import type { FuzzyFileSearchResponse } from './_generated/FuzzyFileSearchResponse.ts';

export type { ServerNotification, ServerRequest, ClientRequest };
export type { ThreadItem } from './_generated/v2/ThreadItem.ts';
export type { Thread } from './_generated/v2/Thread.ts';
export type { ThreadStatus } from './_generated/v2/ThreadStatus.ts';
export type { Turn } from './_generated/v2/Turn.ts';
export type { TurnError } from './_generated/v2/TurnError.ts';
export type { UserInput } from './_generated/v2/UserInput.ts';
export type { Model } from './_generated/v2/Model.ts';
export type { ThreadItemEntry } from './_generated/v2/ThreadItemEntry.ts';
export type { CommandExecutionApprovalDecision } from './_generated/v2/CommandExecutionApprovalDecision.ts';

export type ClientMethod = ClientRequest['method'];
export type ParamsOf<M extends ClientMethod> = Extract<ClientRequest, { method: M }>['params'];

/** Results of the client requests the engine makes. Add a method here before calling it. */
export interface ResultMap {
  initialize: InitializeResponse;
  'thread/start': ThreadStartResponse;
  'thread/resume': ThreadResumeResponse;
  'thread/read': ThreadReadResponse;
  'thread/loaded/list': ThreadLoadedListResponse;
  'turn/start': TurnStartResponse;
  'turn/steer': TurnSteerResponse;
  'turn/interrupt': TurnInterruptResponse;
  'thread/turns/list': ThreadTurnsListResponse;
  'thread/items/list': ThreadItemsListResponse;
  'thread/list': ThreadListResponse;
  'thread/name/set': ThreadSetNameResponse;
  'thread/archive': ThreadArchiveResponse;
  'thread/unarchive': ThreadUnarchiveResponse;
  'thread/fork': ThreadForkResponse;
  'model/list': ModelListResponse;
  'account/read': GetAccountResponse;
  'account/login/start': LoginAccountResponse;
  'account/login/cancel': CancelLoginAccountResponse;
  'account/logout': LogoutAccountResponse;
  fuzzyFileSearch: FuzzyFileSearchResponse;
}
export type KnownMethod = keyof ResultMap & ClientMethod;

export type NotificationMethod = ServerNotification['method'];
export type NotificationParams<M extends NotificationMethod> = Extract<ServerNotification, { method: M }>['params'];

export type ServerRequestMethod = ServerRequest['method'];
export type ServerRequestParams<M extends ServerRequestMethod> = Extract<ServerRequest, { method: M }>['params'];
