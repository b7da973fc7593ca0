/**
 * The state records and the start-time reaper, with real processes: what it kills, and, as much, what
 * it must never touch (a live bridge's codex, a recycled pid, a directory it did not create).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, suite, test } from 'node:test';
import { reapOrphans } from '../../../bridge/src/orphan-reaper.ts';
import { CodexRegistry, defaultStateDir, readRecords, type CodexRecord } from '../../../bridge/src/orphan-registry.ts';
import { MOCK_PEER, isAlive, scratchDir, waitGone } from './harness.ts';

/** A pid that certainly is not running: a child that already exited and was reaped. */
function deadPid(): number {
  return spawnSync('true').pid ?? 999_999;
}

const made: string[] = [];

/** A directory shaped like the bridge's socket dirs (removed after the suite if the reaper did not). */
function socketDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'okcode-bridge-'));
  made.push(dir);
  return dir;
}

suite('orphan records and reaper', () => {
  const state = scratchDir('okc-reaper-');
  const children: ChildProcess[] = [];
  const logs: string[] = [];
  const reap = (): ReturnType<typeof reapOrphans> => reapOrphans(state.dir, { log: (l) => logs.push(l), graceMs: 1000, selfPid: 1 });
  const write = (name: string, record: CodexRecord | string): string => {
    const file = join(state.dir, name);
    writeFileSync(file, typeof record === 'string' ? record : JSON.stringify(record));
    return file;
  };
  after(() => {
    for (const c of children) c.kill('SIGKILL');
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    state.remove();
  });

  test('defaultStateDir: XDG_STATE_HOME, else ~/.local/state, else a per-user temp dir', () => {
    assert.equal(defaultStateDir({ XDG_STATE_HOME: '/x/state', HOME: '/home/u' }), '/x/state/okcode-bridge');
    assert.equal(defaultStateDir({ XDG_STATE_HOME: 'relative', HOME: '/home/u' }), '/home/u/.local/state/okcode-bridge');
  });

  test('a registry writes, rewrites and removes its one record', () => {
    const dir = socketDir();
    const registry = new CodexRegistry(join(state.dir, 'nested'), join(dir, 'codex.sock'), () => undefined, 4242);
    registry.record(100);
    registry.record(200);
    const found = readRecords(join(state.dir, 'nested'));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.record?.codexPid, 200);
    assert.equal(found[0]?.record?.bridgePid, 4242);
    registry.remove();
    assert.deepEqual(readRecords(join(state.dir, 'nested')), []);
  });

  test('stops an orphaned codex group (with what it started) and removes its socket dir', async () => {
    const dir = socketDir();
    const sock = join(dir, 'codex.sock');
    const codex = spawn(process.execPath, [MOCK_PEER, 'app-server', '--listen', `unix://${sock}`], { detached: true, stdio: 'ignore' });
    children.push(codex);
    const bystander = spawn('sleep', ['600'], { stdio: 'ignore' }); // outside codex's group
    children.push(bystander);
    while (!existsSync(sock)) await new Promise((r) => setTimeout(r, 20));
    const file = write('codex-1-a.json', { bridgePid: deadPid(), codexPid: codex.pid ?? 0, socketPath: sock, spawnedAt: 0 });
    const report = await reap();
    assert.deepEqual(report, { stopped: [codex.pid], removedDirs: [dir] });
    assert.ok(await waitGone(codex.pid ?? 0, 1000));
    assert.ok(!existsSync(dir) && !existsSync(file));
    assert.ok(isAlive(bystander.pid ?? 0), 'a process outside the group is not touched');
    assert.match(logs.at(-1) ?? '', /^okcode-bridge: stopping codex \(pid \d+\) left running by a bridge that was killed/);
  });

  test('never kills a recycled pid: the leader must be that bridge\'s codex', async () => {
    const dir = socketDir();
    const other = spawn('sleep', ['600'], { detached: true, stdio: 'ignore' });
    children.push(other);
    const file = write('codex-2-b.json', { bridgePid: deadPid(), codexPid: other.pid ?? 0, socketPath: join(dir, 'codex.sock'), spawnedAt: 0 });
    const report = await reap();
    assert.deepEqual(report.stopped, []);
    assert.ok(isAlive(other.pid ?? 0), 'the unrelated process lives');
    assert.ok(!existsSync(file) && !existsSync(dir), 'the stale record and dir are gone');
  });

  test('leaves a live bridge alone: its codex, its socket dir and its record', async () => {
    const dir = socketDir();
    const sock = join(dir, 'codex.sock');
    // This test process plays the live bridge: the codex is its child.
    const codex = spawn(process.execPath, [MOCK_PEER, 'app-server', '--listen', `unix://${sock}`], { detached: true, stdio: 'ignore' });
    children.push(codex);
    const file = write('codex-3-c.json', { bridgePid: process.pid, codexPid: codex.pid ?? 0, socketPath: sock, spawnedAt: 0 });
    const between = write('codex-4-d.json', { bridgePid: process.pid, codexPid: deadPid(), socketPath: sock, spawnedAt: 0 });
    const report = await reap();
    assert.deepEqual(report, { stopped: [], removedDirs: [] });
    assert.ok(isAlive(codex.pid ?? 0) && existsSync(dir) && existsSync(file), 'untouched');
    assert.ok(existsSync(between), 'a live bridge between two codex runs is left alone too');
    codex.kill('SIGKILL');
  });

  test('removes unreadable records, but never a directory it did not create', async () => {
    const notOurs = join(state.dir, 'precious');
    mkdirSync(notOurs);
    const bad = write('codex-5-e.json', '{"half a');
    const odd = write('codex-6-f.json', { bridgePid: deadPid(), codexPid: deadPid(), socketPath: join(notOurs, 'codex.sock'), spawnedAt: 0 });
    const report = await reap();
    assert.deepEqual(report.removedDirs, []);
    assert.ok(existsSync(notOurs), 'a directory not named okcode-bridge-XXXXXX stays');
    assert.ok(!existsSync(bad) && !existsSync(odd));
    assert.deepEqual(readdirSync(state.dir).filter((n) => n.endsWith('.json')).sort(), ['codex-3-c.json', 'codex-4-d.json']);
  });
});
