/** What the outbox does with a message in doubt after a reconnect (web/src/engine/outbox-doubt.ts). */
import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { doubtVerdict, type DoubtContext } from '../../../web/src/engine/outbox-doubt.ts';
import type { SentAs } from '../../../protocol/local-records.ts';

const sent = (frame: number | null, sessionId = 's1'): { sentAs: SentAs } => ({ sentAs: { sessionId, requestId: 77, frame } });
const ctx = (over: Partial<DoubtContext> = {}): DoubtContext => ({ sessionId: 's1', resumedReceived: 10, strayAnswers: new Map(), ...over });

suite('a message in doubt after a reconnect', () => {
  test('its frame beyond what the resumed bridge read: it never arrived, send it again', () => {
    assert.deepEqual(doubtVerdict(sent(11), ctx()), { kind: 'resend' });
  });

  test('its frame within what the bridge read: codex has it, wait for its answer rather than ask its record', () => {
    assert.deepEqual(doubtVerdict(sent(10), ctx()), { kind: 'await', requestId: 77 });
    assert.deepEqual(doubtVerdict(sent(3), ctx()), { kind: 'await', requestId: 77 });
  });

  test("codex's replayed answer settles it, even before its frame number was stored", () => {
    assert.deepEqual(doubtVerdict(sent(null), ctx({ strayAnswers: new Map([[77, null]]) })), { kind: 'delivered' });
    const refused = ctx({ strayAnswers: new Map([[77, 'no active turn to steer']]) });
    assert.deepEqual(doubtVerdict(sent(4), refused), { kind: 'failed', error: 'no active turn to steer' });
    assert.deepEqual(doubtVerdict(sent(4), ctx({ strayAnswers: new Map([[78, null]]) })), { kind: 'await', requestId: 77 }, 'another request\'s answer says nothing');
  });

  test("only codex's record can tell: nothing stored, another session, a session that did not resume, no frame number", () => {
    assert.deepEqual(doubtVerdict({}, ctx()), { kind: 'check' });
    assert.deepEqual(doubtVerdict(sent(3, 's0'), ctx()), { kind: 'check' });
    assert.deepEqual(doubtVerdict(sent(3), ctx({ resumedReceived: null })), { kind: 'check' });
    assert.deepEqual(doubtVerdict(sent(null), ctx()), { kind: 'check' });
  });
});
