// @ts-check
/**
 * A @web/test-runner server command, `okc-report`: lets a browser test add figures to the proof suite's
 * report (browser pages cannot write files). Same file and line format as tests/support/test-report.ts;
 * `scripts/print-test-report.mjs` sums and prints them at the end of `npm test`.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = process.env['OKC_TEST_REPORT'] ?? fileURLToPath(new URL('../../.report/figures.jsonl', import.meta.url));

/** @param {unknown} payload @returns {payload is {group: string, figures: Record<string, number>}} */
function isReport(payload) {
  if (typeof payload !== 'object' || payload === null) return false;
  const { group, figures } = /** @type {{group?: unknown, figures?: unknown}} */ (payload);
  return typeof group === 'string' && typeof figures === 'object' && figures !== null &&
    Object.values(figures).every((v) => typeof v === 'number' && Number.isFinite(v));
}

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function testReportPlugin() {
  return {
    name: 'okc-report',
    executeCommand({ command, payload }) {
      if (command !== 'okc-report') return undefined;
      if (!isReport(payload)) throw new Error(`okc-report expects {group, figures: {name: number}}, got ${JSON.stringify(payload)}`);
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, JSON.stringify({ group: payload.group, figures: payload.figures }) + '\n');
      return true;
    },
  };
}
