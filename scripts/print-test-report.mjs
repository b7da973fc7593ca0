// The proof suite's summary (issue 6): `--reset` empties the figures file at the start of `npm test`;
// without it, prints one line per group with the figures its tests reported, summed.
// Writers: tests/support/test-report.ts (node tests) and tests/browser/support/test-report-plugin.mjs
// (browser tests). One JSON object per line: {"group": "fuzz", "figures": {"frames": 100000, …}}.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const file = process.env['OKC_TEST_REPORT'] ?? fileURLToPath(new URL('../tests/.report/figures.jsonl', import.meta.url));

if (process.argv.includes('--reset')) {
  rmSync(file, { force: true });
  process.exit(0);
}

/** @type {Map<string, Map<string, number>>} groups in order of first report, figures in order of first mention */
const groups = new Map();
let unreadable = 0;
let text = '';
try {
  text = readFileSync(file, 'utf8');
} catch {
  // no test reported anything (a run that stopped before the first report)
}
for (const line of text.split('\n')) {
  if (line.trim() === '') continue;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    unreadable++;
    continue;
  }
  const { group, figures } = entry ?? {};
  if (typeof group !== 'string' || typeof figures !== 'object' || figures === null) {
    unreadable++;
    continue;
  }
  const totals = groups.get(group) ?? new Map();
  groups.set(group, totals);
  for (const [name, value] of Object.entries(figures)) {
    if (typeof value === 'number' && Number.isFinite(value)) totals.set(name, (totals.get(name) ?? 0) + value);
  }
}

const width = Math.max(0, ...[...groups.keys()].map((g) => g.length));
console.log('\nproof suite figures (summed over this run; definitions in README "Reliability"):');
if (groups.size === 0) console.log('  no figures were reported');
for (const [group, totals] of groups) {
  // why last: `failures` (what must stay 0: escaped exceptions, canaries fired, attacks let in) ends each line.
  const ordered = [...totals].sort(([a], [b]) => Number(a === 'failures') - Number(b === 'failures'));
  const parts = ordered.map(([name, value]) => `${name} ${value.toLocaleString('en')}`);
  console.log(`  ${group.padEnd(width)}  ${parts.join(', ')}`);
}
if (unreadable > 0) console.log(`  (${unreadable} unreadable line(s) in ${file} skipped)`);
