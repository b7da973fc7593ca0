/**
 * Every notification method of the pinned codex is classified: reduced, or ignored with a reason. The
 * methods are read from the generated ServerNotification.ts itself, so a codex upgrade that adds one
 * fails here (and, through the mapped type in notification-table.ts, in the type check) until it is
 * classified.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NotificationMethod } from '../../../protocol/codex/methods.ts';
import { NOTIFICATIONS, notificationClasses } from '../../../web/src/engine/ingest/notification-table.ts';
import { IGNORED_NOTIFICATIONS, ingestNotification } from '../../../web/src/engine/ingest.ts';
import { REPO_ROOT } from '../../support/codex-paths.ts';

/** The `method` literals of the ServerNotification union, parsed from the generated file. */
function generatedMethods(): string[] {
  const text = readFileSync(join(REPO_ROOT, 'protocol', 'codex', '_generated', 'ServerNotification.ts'), 'utf8');
  const union = text.slice(text.indexOf('export type ServerNotification'));
  return [...union.matchAll(/"method":\s*"([^"]+)"/g)].map((m) => m[1] ?? '').sort();
}

// Type level: the table's keys are exactly the union (neither fewer nor more).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const keysAreTheUnion: Exact<keyof typeof NOTIFICATIONS, NotificationMethod> = true;

suite('notification table', () => {
  test('classifies exactly the methods of the generated ServerNotification union', () => {
    const methods = generatedMethods();
    assert.ok(methods.length > 80, `parsed ${methods.length} methods`);
    assert.deepEqual(Object.keys(NOTIFICATIONS).sort(), methods);
    assert.equal(keysAreTheUnion, true);
  });

  test('every ignored method says why, in words', () => {
    for (const [method, reason] of Object.entries(IGNORED_NOTIFICATIONS)) {
      assert.ok(reason.length >= 15, `${method}: "${reason}"`);
    }
  });

  test('the issue-4 minimum is reduced', () => {
    const mustReduce = [
      'thread/started', 'thread/status/changed', 'thread/name/updated', 'thread/archived', 'thread/unarchived',
      'thread/closed', 'turn/started', 'turn/completed', 'item/started', 'item/completed', 'item/agentMessage/delta',
      'item/reasoning/summaryPartAdded', 'item/reasoning/summaryTextDelta', 'item/reasoning/textDelta',
      'item/commandExecution/outputDelta', 'item/plan/delta', 'turn/diff/updated', 'turn/plan/updated',
      'thread/tokenUsage/updated', 'account/rateLimits/updated', 'error', 'warning', 'configWarning',
      'deprecationNotice', 'serverRequest/resolved', 'account/updated',
    ] as const satisfies readonly NotificationMethod[];
    const classes = notificationClasses();
    for (const m of mustReduce) assert.equal(classes[m], 'reduce', m);
  });

  test('an ignored method is reported as ignored, an unknown one as unknown', () => {
    assert.deepEqual(ingestNotification('thread/realtime/sdp', {}), { kind: 'ignored', method: 'thread/realtime/sdp' });
    assert.deepEqual(ingestNotification('brand/new', {}), { kind: 'unknown', method: 'brand/new' });
    // A name inherited from Object.prototype is not a codex method.
    assert.equal(ingestNotification('toString', {}).kind, 'unknown');
  });

  test('reports the counts (for the closing note)', (t) => {
    const classes = Object.values(notificationClasses());
    const reduced = classes.filter((c) => c === 'reduce').length;
    t.diagnostic(`reduced ${reduced}, ignored ${classes.length - reduced}, total ${classes.length}`);
    assert.equal(reduced + Object.keys(IGNORED_NOTIFICATIONS).length, classes.length);
  });
});
