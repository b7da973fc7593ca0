/**
 * Every server notification method of the pinned codex, classified: a translator into domain events,
 * or an explicit reason why OK Code leaves it out. The mapped type makes this exhaustive: when a codex
 * upgrade adds a method to `ServerNotification`, this file stops compiling until it is classified.
 */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type { NotificationMethod } from '../../../../protocol/codex/methods.ts';
import { itemNotifications } from './items.ts';
import type { Obj } from './read.ts';
import { requestNotifications } from './requests.ts';
import { serverNotifications } from './server.ts';
import { threadNotifications } from './threads.ts';
import { turnNotifications } from './turns.ts';

/** Params (an object, fields unchecked) → events; throws Malformed on a field of the wrong shape. */
export type Translate = (params: Obj) => DomainEvent[];
/** A method deliberately left out of the projections, and why. */
export interface Ignored {
  ignore: string;
}

const realtime = { ignore: 'realtime (voice) sessions are not offered by OK Code' };
const goals = { ignore: 'thread goals are not used by OK Code' };
const projects = { ignore: 'projects are not shown; threads are grouped by cwd' };
const environments = { ignore: 'remote environments are not used: codex runs where the bridge runs' };
const hooks = { ignore: 'hook runs are not shown; what a hook does arrives as items' };
const guardian = { ignore: 'automatic approval review is not enabled by OK Code; every approval asks the user' };
const raw = { ignore: 'raw model output duplicates the items' };
const processApi = { ignore: 'belongs to the process API, which OK Code does not call' };
const fuzzy = { ignore: 'belongs to fuzzyFileSearch, which OK Code does not call' };
const agentImport = { ignore: 'importing other agents’ configuration is not offered' };
const authRecovery = { ignore: 'provider auth recovery is transparent; a failure arrives as an error' };

/** The classification of every method, by method. */
export const NOTIFICATIONS: { readonly [M in NotificationMethod]: Translate | Ignored } = {
  ...threadNotifications,
  ...turnNotifications,
  ...itemNotifications,
  ...serverNotifications,
  ...requestNotifications,
  'thread/readState/changed': { ignore: 'read markers are an experimental-API feature OK Code does not enable' },
  'thread/reverted': { ignore: 'OK Code offers no revert; a thread reverted elsewhere is repaired by the next resync' },
  'thread/section/changed': { ignore: 'thread sections are not shown' },
  'thread/attachment/updated': { ignore: 'thread attachments are not shown' },
  'thread/goal/updated': goals,
  'thread/goal/cleared': goals,
  'thread/prediction/updated': { ignore: 'next-message predictions are not shown' },
  'thread/queue/changed': { ignore: 'OK Code queues messages in its own outbox' },
  'thread/settings/updated': { ignore: 'experimental-API only; per-thread settings are not shown' },
  'thread/compacted': { ignore: 'deprecated duplicate of the contextCompaction item' },
  'project/changed': projects,
  'thread/project/updated': projects,
  'thread/environment/connected': environments,
  'thread/environment/disconnected': environments,
  'skills/changed': { ignore: 'skills are not offered by OK Code' },
  'hook/started': hooks,
  'hook/completed': hooks,
  'item/autoApprovalReview/started': guardian,
  'item/autoApprovalReview/completed': guardian,
  'autoApprovalReview/strictReviewRequired': guardian,
  'rawResponseItem/completed': raw,
  'rawResponse/completed': raw,
  'command/exec/outputDelta': { ignore: 'belongs to command/exec, which OK Code does not call' },
  'process/outputDelta': processApi,
  'process/exited': processApi,
  'item/commandExecution/terminalInteraction': { ignore: 'input written to a running command; its effect shows in the output' },
  'item/fileChange/outputDelta': { ignore: 'deprecated; codex 0.169.0 never sends it (patches arrive as fileChange items)' },
  'mcpServer/oauthLogin/completed': { ignore: 'MCP OAuth login is not offered by OK Code' },
  'mcpServer/event/stream/notification': { ignore: 'raw MCP server events are not shown' },
  'account/gatewayOAuth/changed': { ignore: 'gateway OAuth is not offered by OK Code' },
  'app/list/updated': { ignore: 'apps (connectors) are not shown' },
  'remoteControl/status/changed': { ignore: 'remote control is not offered by OK Code' },
  'externalAgentConfig/import/progress': agentImport,
  'externalAgentConfig/import/completed': agentImport,
  'fs/changed': { ignore: 'belongs to fs/watch, which OK Code does not call' },
  'model/verification': { ignore: 'model verification metadata is not shown' },
  'modelProvider/authRecoveryStarted': authRecovery,
  'modelProvider/authRecoveryCompleted': authRecovery,
  'turn/moderationMetadata': { ignore: 'moderation metadata is not shown' },
  'model/safetyBuffering/updated': { ignore: 'safety buffering state is not shown' },
  'fuzzyFileSearch/sessionUpdated': fuzzy,
  'fuzzyFileSearch/sessionCompleted': fuzzy,
  'thread/realtime/started': realtime,
  'thread/realtime/itemAdded': realtime,
  'thread/realtime/item/started': realtime,
  'thread/realtime/item/transcript/delta': realtime,
  'thread/realtime/item/completed': realtime,
  'thread/realtime/transcript/delta': realtime,
  'thread/realtime/transcript/done': realtime,
  'thread/realtime/outputAudio/delta': realtime,
  'thread/realtime/sdp': realtime,
  'thread/realtime/error': realtime,
  'thread/realtime/closed': realtime,
  'windowsSandbox/setupCompleted': { ignore: 'belongs to windowsSandbox/setup, which OK Code does not call' },
};

// why: one Map lookup per frame; `Object.hasOwn` and then a read on a 100-key object (a dictionary
// to V8) cost about twice as much on the hot path.
const BY_METHOD: ReadonlyMap<string, Translate | Ignored> = new Map(Object.entries(NOTIFICATIONS));

/** Whether `method` is one the pinned codex may send. */
export function isNotificationMethod(method: string): method is NotificationMethod {
  return BY_METHOD.has(method);
}

/** The last method looked up, and its entry: a stream sends the same method over and over. */
let lastMethod = '';
let lastEntry: Translate | Ignored | undefined;

/** The classification of `method`; undefined when the pinned codex never sends it. */
export function notificationEntry(method: string): Translate | Ignored | undefined {
  // why: comparing with the last method costs less than hashing a new string for the lookup.
  if (method !== lastMethod) {
    lastEntry = BY_METHOD.get(method);
    lastMethod = method;
  }
  return lastEntry;
}

/** The table in words: 'reduce', or the reason a method is ignored. */
export function notificationClasses(): Record<NotificationMethod, 'reduce' | Ignored> {
  const out: Partial<Record<NotificationMethod, 'reduce' | Ignored>> = {};
  for (const m of Object.keys(NOTIFICATIONS).filter(isNotificationMethod)) {
    const entry = NOTIFICATIONS[m];
    out[m] = typeof entry === 'function' ? 'reduce' : entry;
  }
  // why: the loop above visits every key of an exhaustive table, so nothing is left Partial.
  return out as Record<NotificationMethod, 'reduce' | Ignored>;
}
