import assert from 'node:assert/strict';
import { suite, test } from 'node:test';
import { nextRestart } from '../../../bridge/src/restart-backoff.ts';

suite('nextRestart', () => {
  const cases: { failures: number; uptimeMs: number; delayMs: number; next: number }[] = [
    { failures: 0, uptimeMs: 100, delayMs: 500, next: 1 },
    { failures: 1, uptimeMs: 100, delayMs: 1000, next: 2 },
    { failures: 3, uptimeMs: 100, delayMs: 4000, next: 4 },
    { failures: 5, uptimeMs: 100, delayMs: 10_000, next: 6 },
    { failures: 40, uptimeMs: 100, delayMs: 10_000, next: 41 },
    { failures: 7, uptimeMs: 60_000, delayMs: 500, next: 1 },
  ];
  for (const c of cases) {
    test(`after ${c.failures} quick failures and ${c.uptimeMs} ms up: wait ${c.delayMs} ms`, () => {
      assert.deepEqual(nextRestart(c.failures, c.uptimeMs), { delayMs: c.delayMs, failures: c.next });
    });
  }
});
