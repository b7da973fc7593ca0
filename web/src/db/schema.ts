/**
 * The IndexedDB schema: the single source of truth for store names, keys and indexes.
 * Change it only together with a new file in migrations/ and a DB_VERSION bump.
 */
import type { DBSchema } from 'idb';
import type {
  ApprovalRecord,
  ServerRecord,
  ItemRecord,
  ThreadRecord,
  TurnRecord,
} from '../../../protocol/projections.ts';
import type { BridgeTarget } from '../../../protocol/engine-api.ts';
import type { DraftRecord, OutboxRecord, ReadStateRecord } from '../../../protocol/local-records.ts';

export const DB_NAME = 'okcode';
export const DB_VERSION = 4;

/** Where the engine left its bridge session, written in the same transaction as the projections. */
export interface SessionMeta {
  sessionId: string;
  /** The last bridge frame whose effects are in the projections. */
  lastSeq: number;
}

export interface MetaValues {
  target: BridgeTarget;
  session: SessionMeta;
}
export type MetaKey = keyof MetaValues;

export interface OkcDB extends DBSchema {
  threads: { key: string; value: ThreadRecord };
  turns: { key: [string, string]; value: TurnRecord };
  items: { key: [string, string]; value: ItemRecord; indexes: { byThreadOrd: [string, number] } };
  approvals: { key: string; value: ApprovalRecord };
  meta: { key: MetaKey; value: MetaValues[MetaKey] };
  outbox: { key: string; value: OutboxRecord };
  drafts: { key: string; value: DraftRecord };
  server: { key: string; value: ServerRecord };
  reads: { key: string; value: ReadStateRecord };
}
