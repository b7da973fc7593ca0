/**
 * Helpers for tests that run the okcode-bridge command as users do: the built bin, as a child process,
 * with a clean environment whose per-user state directory is a scratch one.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './harness.ts';

export const BIN = join(REPO_ROOT, 'bridge/bin/okcode-bridge.js');
export const REAL_CODEX = join(REPO_ROOT, 'node_modules/.bin/codex');
export const READY_LINE = /^okcode-bridge ready: http:\/\/127\.0\.0\.1:(\d+)\/#token=([A-Za-z0-9_-]+)\n$/;

/** Builds bridge/dist/cli.js from the sources (atomically, see bridge/scripts/build.mjs). */
export function buildBridge(): void {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bridge/scripts/build.mjs')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
}

/**
 * `base` (this process's environment by default) without OKCODE_* and color variables, with
 * `stateHome` as XDG_STATE_HOME (so no test touches the real ~/.local/state), plus `extra`.
 */
export function cleanEnv(stateHome: string, extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, XDG_STATE_HOME: stateHome };
  for (const k of Object.keys(env)) if (k.startsWith('OKCODE_') || k === 'NO_COLOR' || k === 'FORCE_COLOR') delete env[k];
  return { ...env, ...extra };
}

/** Runs the bin to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A bridge started by {@link startCli}. */
export interface RunningCli {
  readonly child: ChildProcess;
  readonly port: number;
  readonly token: string;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM (if still running) and wait for the exit. */
  stop(): Promise<void>;
}

/**
 * Spawns the bridge with `--port 0 --no-open` and waits for its ready line. `command` is what runs it:
 * by default node with this checkout's bin.
 */
export async function startCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = REPO_ROOT,
  command: readonly string[] = [process.execPath, BIN],
): Promise<RunningCli> {
  const [file = process.execPath, ...prefix] = command;
  const child = spawn(file, [...prefix, '--port', '0', '--no-open', ...args], { cwd, env });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  const line = await new Promise<string>((done, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) done(out);
    });
    void exited.then(() => reject(new Error(`bridge exited before ready: ${err}`)));
    setTimeout(() => reject(new Error(`no ready line within 20 s: ${err}`)), 20_000).unref();
  });
  const m = READY_LINE.exec(line);
  assert.ok(m !== null, `unexpected ready line ${JSON.stringify(line)}`);
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return { child, port: Number(m[1]), token: String(m[2]), stdout: () => out, stderr: () => err, exited, stop };
}

/** Live pids whose environment has CODEX_HOME=home (Linux /proc only). */
export function pidsWithCodexHome(home: string): number[] {
  const needle = `CODEX_HOME=${home}\0`;
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const zombie = readFileSync(`/proc/${name}/stat`, 'utf8').includes(') Z ');
      if (!zombie && readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle)) out.push(Number(name));
    } catch {
      // gone or not ours
    }
  }
  return out;
}
