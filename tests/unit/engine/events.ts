/** Event builders for reducer tests: one thread `thr_1`, one turn `turn_1` unless given. */
import type { DomainEvent, ItemSnapshot, RequestSnapshot } from '../../../protocol/events.ts';
import type { ItemRecord } from '../../../protocol/projections.ts';
import assert from 'node:assert/strict';
import type { ProjectionStore } from '../../../web/src/engine/projection-store.ts';

export const T = 'thr_1';
export const U = 'turn_1';

export const threadUpserted: DomainEvent = {
  type: 'thread.upserted',
  thread: { id: T, name: null, preview: '', cwd: '/w', status: 'idle', createdAt: 1, updatedAt: 1 },
};
export const base: DomainEvent[] = [threadUpserted, { type: 'turn.started', threadId: T, turnId: U }];

export const started = (item: ItemSnapshot, turnId = U): DomainEvent => ({ type: 'item.started', threadId: T, turnId, item });
export const completed = (item: ItemSnapshot, turnId = U): DomainEvent => ({ type: 'item.completed', threadId: T, turnId, item });
export const agent = (itemId: string, text = ''): ItemSnapshot => ({ itemId, kind: 'agentMessage', text });
export const user = (itemId: string, text: string): ItemSnapshot => ({ itemId, kind: 'userMessage', text });
export const command = (itemId: string, over: Partial<Extract<ItemSnapshot, { kind: 'commandExecution' }>> = {}): ItemSnapshot => ({
  itemId,
  kind: 'commandExecution',
  command: 'echo hi',
  cwd: '/w',
  output: '',
  exitCode: null,
  durationMs: null,
  status: 'inProgress',
  ...over,
});
export const textDelta = (itemId: string, delta: string): DomainEvent => ({ type: 'item.textDelta', threadId: T, turnId: U, itemId, delta });
export const turnCompleted = (status: 'completed' | 'interrupted' | 'failed', error: string | null = null): DomainEvent => ({
  type: 'turn.completed',
  threadId: T,
  turnId: U,
  status,
  error,
});

export const commandRequest: RequestSnapshot = {
  requestKey: 'n:0',
  kind: 'commandExecution',
  threadId: T,
  turnId: U,
  itemId: 'c1',
  command: 'echo hi',
  cwd: '/w',
  reason: null,
  execPolicyAmendment: ['echo', 'hi'],
  networkAmendments: [],
  networkHost: null,
};

/** The item, which must exist. */
export function item(s: ProjectionStore, id: string): ItemRecord {
  const i = s.item(T, id);
  assert.ok(i, `item ${id} exists`);
  return i;
}

/** The item, which must exist and be of `kind`. */
export function itemOf<K extends ItemRecord['kind']>(s: ProjectionStore, id: string, kind: K): Extract<ItemRecord, { kind: K }> {
  const i = item(s, id);
  assert.equal(i.kind, kind);
  // why: the kind was just checked to be `kind`.
  return i as Extract<ItemRecord, { kind: K }>;
}

/** One table row: events folded into a fresh store, then the expectations. */
export interface Case {
  name: string;
  events: DomainEvent[];
  expect: (s: ProjectionStore) => void;
}
