/**
 * The guards that check records read back from IndexedDB (protocol/record-guards.ts): every record the
 * engine makes from the real codex's recorded frames passes (at every step, streaming included), so a
 * sound record is never skipped; records older builds wrote pass; damaged ones do not.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isApprovalRecord,
  isDraftRecord,
  isItemRecord,
  isOutboxRecord,
  isReadStateRecord,
  isServerRecord,
  isThreadRecord,
  isTurnRecord,
} from '../../../protocol/record-guards.ts';
import { ProjectionStore } from '../../../web/src/engine/projection-store.ts';
import { placeholderServer, placeholderThread, placeholderTurn, type Patch } from '../../../web/src/engine/reducers/state-view.ts';
import { fixtureNames, foldFrames, readFixture } from './fold.ts';

/** A store that checks every record of every patch the reducers hand it. */
class CheckedStore extends ProjectionStore {
  checked = 0;
  readonly rejected: string[] = [];

  override apply(patch: Patch): void {
    const check = (ok: boolean, what: string): void => {
      this.checked++;
      if (!ok) this.rejected.push(what);
    };
    for (const t of patch.threads) check(isThreadRecord(t), `thread ${JSON.stringify(t)}`);
    for (const t of patch.turns) check(isTurnRecord(t), `turn ${JSON.stringify(t)}`);
    for (const i of patch.items) check(isItemRecord(i), `item ${JSON.stringify(i)}`);
    for (const a of patch.approvals) check(isApprovalRecord(a), `approval ${JSON.stringify(a)}`);
    for (const s of patch.server) check(isServerRecord(s), `server ${JSON.stringify(s)}`);
    super.apply(patch);
  }
}

/** A copy of `record` without `keys`. */
function without(record: object, keys: readonly string[]): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  for (const k of keys) delete copy[k];
  return copy;
}

const item = { threadId: 't', itemId: 'i', turnId: 'u', ord: 0, streaming: false, rev: 1 };

suite('record guards', () => {
  test('every record folded from the recorded codex frames passes, at every step', () => {
    let checked = 0;
    for (const name of fixtureNames()) {
      const store = new CheckedStore();
      foldFrames(readFixture(name), store);
      assert.deepEqual(store.rejected, [], name);
      checked += store.checked;
    }
    assert.ok(checked > 500, `records checked: ${checked}`);
  });

  test('records an older build wrote, without the fields added since, pass', () => {
    assert.ok(isThreadRecord(without(placeholderThread('t'), ['archived', 'deleted', 'tokenUsage', 'notices'])));
    assert.ok(isTurnRecord(without(placeholderTurn('t', 'u'), ['errorInfo', 'retrying', 'diff', 'plan'])));
    assert.ok(isServerRecord(placeholderServer()));
    assert.ok(isItemRecord({ ...item, kind: 'other', type: 'somethingNew', summary: '' }));
    const outbox = { id: 'o', threadId: 't', text: 'hi', createdAt: 1, afterTurn: false, overrides: null, images: [], state: 'sending', error: null, rev: 1 };
    assert.ok(isOutboxRecord(outbox), 'an outbox message from before sentAs');
    assert.ok(isOutboxRecord({ ...outbox, sentAs: { sessionId: 's', requestId: 7, frame: null } }));
  });

  test('damaged records do not pass', () => {
    const sound = placeholderThread('t');
    const damaged: Array<[string, boolean]> = [
      ['thread with a null preview', isThreadRecord({ ...sound, preview: null })],
      ['thread with an unknown status', isThreadRecord({ ...sound, status: 'sleeping' })],
      ['thread with notices not a list', isThreadRecord({ ...sound, notices: 'warn' })],
      ['item of an unknown kind', isItemRecord({ ...item, kind: 'hologram' })],
      ['agent message with a number for text', isItemRecord({ ...item, kind: 'agentMessage', text: 42 })],
      ['command without output', isItemRecord({ ...item, kind: 'commandExecution', command: 'ls', cwd: '/', exitCode: 0, durationMs: null, status: 'completed' })],
      ['file change with a bad change', isItemRecord({ ...item, kind: 'fileChange', status: 'completed', changes: [{ path: 'a', kind: 'rename', movePath: null, diff: '' }] })],
      ['web search with an unknown action', isItemRecord({ ...item, kind: 'webSearch', query: 'q', action: { type: 'teleport' } })],
      ['item without its thread', isItemRecord({ ...item, threadId: undefined, kind: 'plan', text: '' })],
      ['turn with an unknown status', isTurnRecord({ ...placeholderTurn('t', 'u'), status: 'paused' })],
      ['user-input request without questions', isApprovalRecord({ requestKey: 'k', threadId: 't', kind: 'userInput', state: 'pending', rev: 1, decision: null })],
      ['outbox message without text', isOutboxRecord({ id: 'o', threadId: 't', createdAt: 1, state: 'queued', rev: 1 })],
      ['outbox message sent as a frame in words', isOutboxRecord({ id: 'o', threadId: 't', text: 'x', createdAt: 1, state: 'sending', rev: 1, sentAs: { sessionId: 's', requestId: 7, frame: 'two' } })],
      ['draft with a number for text', isDraftRecord({ threadId: 't', text: 1, rev: 1 })],
      ['unread marker in words', isReadStateRecord({ threadId: 't', unread: 'yes', rev: 1 })],
      ['null', isThreadRecord(null) || isItemRecord(null) || isTurnRecord(null)],
    ];
    assert.deepEqual(damaged.filter(([, passed]) => passed).map(([what]) => what), []);
  });
});
