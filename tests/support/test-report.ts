/**
 * The proof suite's figures (issue 6): each group of tests adds what it did (scenarios run, faults
 * injected, frames fuzzed, payloads tried, failures) and `scripts/print-test-report.mjs` prints one
 * summary line per group at the end of `npm test`.
 *
 * why a JSON-lines file: node's test runner runs each test file in its own process, so the figures have
 * to meet somewhere outside them; appends of one short line are atomic enough for that.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where figures go: `OKC_TEST_REPORT`, else `tests/.report/figures.jsonl` (ignored by git). */
export const reportFile: string =
  process.env['OKC_TEST_REPORT'] ?? fileURLToPath(new URL('../.report/figures.jsonl', import.meta.url));

/**
 * Adds `figures` to `group`'s totals. Numbers add up across calls and files, so call it once per
 * test with what that test did, e.g. `report('fuzz', { frames: 100_000, malformed: 14_512, failures: 0 })`.
 * `failures` counts what must stay 0 (exceptions that escaped, canaries that fired, attacks let in):
 * count it and report before asserting, so a failing run still says how bad it was. Browser tests
 * report through tests/browser/support/test-report.ts.
 */
export function report(group: string, figures: Readonly<Record<string, number>>): void {
  mkdirSync(dirname(reportFile), { recursive: true });
  appendFileSync(reportFile, JSON.stringify({ group, figures }) + '\n');
}
