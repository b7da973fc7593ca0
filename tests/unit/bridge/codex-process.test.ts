import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { INSTALL_HINT, findSetpriv, readCodexVersion, resolveCodexBinary } from '../../../bridge/src/codex-binary.ts';
import { CodexStartError, CodexSupervisor, type CodexExit } from '../../../bridge/src/codex-process.ts';
import { LineRing } from '../../../bridge/src/ring-buffer.ts';
import { MOCK_PEER, isAlive, scratchDir, waitGone } from './harness.ts';

suite('resolveCodexBinary', () => {
  const scratch = scratchDir('okc-bin-');
  after(() => scratch.remove());
  const bin = join(scratch.dir, 'bin');
  mkdirSync(bin);
  const exe = join(bin, 'codex');
  writeFileSync(exe, '#!/bin/sh\n');
  chmodSync(exe, 0o755);
  const plain = join(bin, 'not-executable');
  writeFileSync(plain, '');
  mkdirSync(join(bin, 'a-directory'));

  const cases: { name: string; requested: string | null; path: string; expect: string | RegExp }[] = [
    { name: 'finds codex on PATH', requested: null, path: `/nonexistent:${bin}`, expect: exe },
    { name: 'finds a named binary on PATH', requested: 'codex', path: bin, expect: exe },
    { name: 'takes an explicit absolute path', requested: exe, path: '', expect: exe },
    { name: 'resolves an explicit relative path against cwd', requested: './bin/codex', path: '', expect: exe },
    { name: 'says codex is missing from PATH', requested: null, path: '/nonexistent', expect: /^okcode-bridge: codex not found on PATH\. Install it with "npm install -g @openai\/codex" or pass --codex \/path\/to\/codex\.$/ },
    { name: 'refuses a missing explicit path', requested: '/nonexistent/codex', path: bin, expect: /\/nonexistent\/codex is not an executable file/ },
    { name: 'refuses a file that is not executable', requested: plain, path: '', expect: /is not an executable file/ },
    { name: 'refuses a directory', requested: join(bin, 'a-directory'), path: '', expect: /is not an executable file/ },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const r = resolveCodexBinary(c.requested, { PATH: c.path }, scratch.dir);
      if (typeof c.expect === 'string') {
        assert.deepEqual(r, { ok: true, path: c.expect });
      } else {
        assert.equal(r.ok, false);
        if (!r.ok) {
          assert.match(r.message, c.expect);
          assert.ok(r.message.endsWith(INSTALL_HINT));
        }
      }
    });
  }

  test('finds setpriv only on Linux', () => {
    assert.equal(findSetpriv({ PATH: '' }, 'darwin'), null);
  });
});

suite('readCodexVersion', () => {
  test('reads the version number', async () => assert.equal(await readCodexVersion(MOCK_PEER, process.env), '0.169.0-mock'));
  test('is null when codex cannot run', async () => assert.equal(await readCodexVersion('/nonexistent/codex', process.env), null));
});

suite('LineRing', () => {
  test('keeps the last lines, joining chunks', () => {
    const ring = new LineRing(3, 100);
    ring.push('one\ntw');
    ring.push('o\nthree\nfour\nfi');
    assert.deepEqual(ring.tail(), ['three', 'four', 'fi']);
    assert.deepEqual(ring.tail(1), ['fi']);
  });
  test('cuts long lines', () => {
    const ring = new LineRing(3, 5);
    ring.push('abcdefgh\n');
    assert.deepEqual(ring.tail(), ['abcde…']);
  });
});

suite('CodexSupervisor', () => {
  function supervisor(socketPath: string, env: NodeJS.ProcessEnv, events: string[]): CodexSupervisor {
    return new CodexSupervisor({
      codexPath: MOCK_PEER,
      cwd: process.cwd(),
      env,
      socketPath,
      setprivPath: null,
      onReady: () => events.push('ready'),
      onExit: (e: CodexExit) => events.push(`exit ${e.code} ${e.signal}`),
      log: () => undefined,
      stopGraceMs: 1000,
    });
  }

  test('starts codex, reports ready, and stop() ends its process group', async () => {
    const scratch = scratchDir('okc-sup-');
    const events: string[] = [];
    const s = supervisor(join(scratch.dir, 'codex.sock'), process.env, events);
    await s.start();
    const pid = s.pid;
    assert.ok(pid !== undefined && isAlive(pid));
    await s.stop();
    assert.ok(await waitGone(pid, 2000));
    assert.deepEqual(events, ['ready'], 'no exit report or restart while stopping');
    scratch.remove();
  });

  test('start() rejects with codex\'s last stderr lines when codex exits first', async () => {
    const scratch = scratchDir('okc-sup-');
    const events: string[] = [];
    const s = supervisor(join(scratch.dir, 'codex.sock'), { ...process.env, MOCK_PEER_FAIL_START: '1' }, events);
    await assert.rejects(s.start(), (err: Error) => err instanceof CodexStartError && /failing at start as asked/.test(err.message));
    assert.deepEqual(events, []);
    scratch.remove();
  });

  test('start() gives up when the socket never accepts', async () => {
    const scratch = scratchDir('okc-sup-');
    const s = new CodexSupervisor({
      codexPath: MOCK_PEER, cwd: process.cwd(), env: { ...process.env, MOCK_PEER_START_DELAY_MS: '5000' },
      socketPath: join(scratch.dir, 'codex.sock'), setprivPath: null, onReady: () => undefined,
      onExit: () => undefined, log: () => undefined, readyTimeoutMs: 300, stopGraceMs: 1000,
    });
    await assert.rejects(s.start(), /did not accept connections within 300 ms/);
    assert.equal(s.pid, undefined);
    scratch.remove();
  });
});
