/**
 * Unread markers in the engine: which live events count as new activity, and how the LocalStore keeps
 * a marker (set and cleared once each, with a rising rev, and handed to the next flush).
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DomainEvent } from '../../../protocol/events.ts';
import { LocalStore } from '../../../web/src/engine/local-store.ts';
import { activityThread } from '../../../web/src/engine/unread.ts';

const T = 'thr_unread';
const U = 'turn_1';

const cases: Array<{ name: string; event: DomainEvent; expect: string | null }> = [
  { name: 'a turn that completed', event: { type: 'turn.completed', threadId: T, turnId: U, status: 'completed', error: null }, expect: T },
  { name: 'a turn that failed', event: { type: 'turn.completed', threadId: T, turnId: U, status: 'failed', error: 'x' }, expect: T },
  {
    name: 'a completed agent message',
    event: { type: 'item.completed', threadId: T, turnId: U, item: { itemId: 'm', kind: 'agentMessage', text: 'hi' } },
    expect: T,
  },
  {
    name: 'a completed user message (the user wrote it)',
    event: { type: 'item.completed', threadId: T, turnId: U, item: { itemId: 'u', kind: 'userMessage', text: 'hi' } },
    expect: null,
  },
  {
    name: 'an agent message that only started',
    event: { type: 'item.started', threadId: T, turnId: U, item: { itemId: 'm', kind: 'agentMessage', text: '' } },
    expect: null,
  },
  { name: 'a text delta', event: { type: 'item.textDelta', threadId: T, turnId: U, itemId: 'm', delta: 'x' }, expect: null },
  { name: 'a turn that started', event: { type: 'turn.started', threadId: T, turnId: U }, expect: null },
];

suite('activityThread', () => {
  for (const c of cases) {
    test(`${c.name}: ${c.expect === null ? 'no activity' : 'activity'}`, () => {
      assert.equal(activityThread(c.event), c.expect);
    });
  }
});

suite('LocalStore unread markers', () => {
  test('sets and clears a marker once each, with a rising rev, for the next flush', () => {
    const local = new LocalStore();
    assert.equal(local.setUnread(T, false), false, 'no marker is already read');
    assert.equal(local.hasChanges(), false);
    assert.equal(local.setUnread(T, true), true);
    assert.equal(local.setUnread(T, true), false, 'already unread');
    assert.deepEqual(local.takeChanges().reads, [{ threadId: T, unread: true, rev: 1 }]);
    assert.equal(local.hasChanges(), false);
    assert.equal(local.setUnread(T, false), true);
    assert.deepEqual(local.takeChanges().reads, [{ threadId: T, unread: false, rev: 2 }]);
  });

  test('continues from stored markers', () => {
    const local = new LocalStore();
    local.load([], [], [{ threadId: T, unread: true, rev: 5 }]);
    assert.equal(local.setUnread(T, true), false);
    assert.equal(local.setUnread(T, false), true);
    assert.deepEqual(local.takeChanges().reads, [{ threadId: T, unread: false, rev: 6 }]);
  });
});
