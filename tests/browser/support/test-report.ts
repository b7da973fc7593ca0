/**
 * Browser tests' side of the proof suite's report (see tests/support/test-report.ts): adds `figures`
 * to `group`'s totals through the `okc-report` server command (test-report-plugin.mjs).
 */
import { executeServerCommand } from '@web/test-runner-commands';

export async function report(group: string, figures: Readonly<Record<string, number>>): Promise<void> {
  await executeServerCommand<boolean, { group: string; figures: Readonly<Record<string, number>> }>('okc-report', { group, figures });
}
