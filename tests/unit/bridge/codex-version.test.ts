import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { suite, test } from 'node:test';
import { MIN_CODEX_VERSION, judgeCodexVersion, versionTriple } from '../../../bridge/src/codex-version.ts';
import { stripAnsi, wantsNoColor } from '../../../bridge/src/terminal-text.ts';

suite('judgeCodexVersion', () => {
  const cases: [string | null, 'supported' | 'too-old' | 'unknown'][] = [
    [MIN_CODEX_VERSION, 'supported'],
    ['0.169.1', 'supported'],
    ['0.170.0-alpha.2', 'supported'],
    ['0.169.0-alpha.1', 'supported'], // pre-release tags are ignored
    ['1.0.0', 'supported'],
    ['0.1000.0', 'supported'],
    ['0.168.9', 'too-old'],
    ['0.99.0', 'too-old'],
    ['0.0.1', 'too-old'],
    ['codex (dev build)', 'unknown'],
    [null, 'unknown'],
  ];
  for (const [reported, kind] of cases) {
    test(`${String(reported)} → ${kind}`, () => assert.equal(judgeCodexVersion(reported, '/bin/codex').kind, kind));
  }

  test('a too-old message is one line with the fix', () => {
    const v = judgeCodexVersion('0.150.0', '/opt/codex');
    assert.equal(v.kind, 'too-old');
    assert.equal(
      v.kind === 'too-old' && v.message,
      `okcode-bridge: codex 0.150.0 (/opt/codex) is too old; OK Code needs ${MIN_CODEX_VERSION} or newer. ` +
        'Update it with "npm install -g @openai/codex@latest" or pass --codex /path/to/a/newer/codex.',
    );
  });

  test('the minimum is the pinned codex the tests run against', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    assert.equal(pkg.devDependencies['@openai/codex'], MIN_CODEX_VERSION);
  });

  test('versionTriple reads the first N.N.N', () => {
    assert.deepEqual(versionTriple('codex-cli 0.169.0'), [0, 169, 0]);
    assert.equal(versionTriple('v1.2'), null);
  });
});

suite('terminal text', () => {
  test('stripAnsi removes CSI, OSC and two-byte escapes, nothing else', () => {
    const colored = '\u001b[1;33mwarn\u001b[0m plain \u001b]8;;https://x.example\u0007link\u001b]8;;\u0007 \u001bMend';
    assert.equal(stripAnsi(colored), 'warn plain link end');
    assert.equal(stripAnsi('no escapes: [1m stays'), 'no escapes: [1m stays');
  });

  test('NO_COLOR counts when set and not empty', () => {
    assert.equal(wantsNoColor({ NO_COLOR: '1' }), true);
    assert.equal(wantsNoColor({ NO_COLOR: '' }), false);
    assert.equal(wantsNoColor({}), false);
  });
});
