/**
 * The README and docs say only what is true now: every repository path they name (in backticks or in
 * the repo map) exists.
 */
import { suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const mdIn = (dir: string): string[] => readdirSync(root + dir).filter((f) => f.endsWith('.md')).map((f) => `${dir}/${f}`);
const docs = ['README.md', 'bridge/README.md', 'tests/support/README.md', ...mdIn('docs'), ...mdIn('docs/decisions')];
const TOP = new Set(['protocol', 'bridge', 'web', 'tests', 'scripts', 'docs', '.ci']);

/** Candidate paths: `backticked` tokens that start at a top-level folder, or name a root file. */
function pathsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`\s]+)`/g)) {
    const p = (m[1] ?? '').replace(/[),.:;]+$/, '');
    const first = p.split('/')[0] ?? '';
    if (TOP.has(first) && !/[<>*…{}]/.test(p)) out.add(p);
  }
  // The repo map: lines of a code block that start with a path.
  for (const m of text.matchAll(/^([\w.-]+\/[\w./-]*)\s{2,}/gm)) if (TOP.has((m[1] ?? '').split('/')[0] ?? '')) out.add(m[1] ?? '');
  return [...out];
}

suite('docs name only paths that exist', () => {
  test('finds backticked and mapped paths, and ignores placeholders', () => {
    assert.deepEqual(pathsIn('see `web/src/nope.ts` and `npm test` and `tests/<x>`\nprotocol/gone.ts   a map line\n').sort(), ['protocol/gone.ts', 'web/src/nope.ts']);
  });

  for (const doc of docs) {
    test(doc, () => {
      const text = readFileSync(root + doc, 'utf8');
      const base = doc.startsWith('bridge/') ? `${root}bridge/` : root;
      const missing = pathsIn(text).filter((p) => !existsSync(root + p) && !existsSync(base + p));
      assert.deepEqual(missing, [], `${doc} names paths that do not exist`);
    });
  }
});
