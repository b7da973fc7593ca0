/**
 * axe-core in the test page: `expectNoSeriousAxeViolations(el, state)` runs every axe rule on `el`
 * (open shadow roots included) and fails, naming each rule, its targets and its help, when any
 * violation is `moderate`, `serious` or `critical` (the bar was serious; the moderate ones are
 * fixed too, so none may come back). `minor` ones (best practices) are not counted.
 */
// why the side-effect import: axe-core ships a UMD script, not an ES module; in a page it registers `window.axe`.
import 'axe-core/axe.min.js';
import type { AxeResults, ImpactValue, Result } from 'axe-core';

type Axe = typeof import('axe-core');

const BLOCKING: ReadonlySet<ImpactValue> = new Set<ImpactValue>(['moderate', 'serious', 'critical']);

function axe(): Axe {
  const found = (globalThis as { axe?: Axe }).axe;
  if (found === undefined) throw new Error('axe-core did not register window.axe');
  return found;
}

/** The moderate, serious and critical violations axe finds in `root`. */
export async function seriousAxeViolations(root: Element): Promise<Result[]> {
  const results: AxeResults = await axe().run(root, { resultTypes: ['violations'] });
  return results.violations.filter((v) => v.impact != null && BLOCKING.has(v.impact));
}

/** One line per violation and one per offending element: rule id, impact, help, then each target. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((v) => [`${v.id} (${v.impact ?? '?'}): ${v.help}`, ...v.nodes.map((n) => `  at ${JSON.stringify(n.target)}: ${n.failureSummary ?? ''}`.replace(/\n/g, ' '))].join('\n'))
    .join('\n');
}

/** Fails when axe finds a moderate, serious or critical violation in `root`; `state` names what was on screen. */
export async function expectNoSeriousAxeViolations(root: Element, state: string): Promise<void> {
  const violations = await seriousAxeViolations(root);
  if (violations.length > 0) {
    throw new Error(`${state}: ${violations.length} moderate, serious or critical axe violation(s)\n${describeViolations(violations)}`);
  }
}
