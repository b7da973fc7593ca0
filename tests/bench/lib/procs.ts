/**
 * Child processes the benchmarks start: the real okcode-bridge CLI, a codex (real or the mock peer)
 * listening on a unix socket of its own, and the bare `ws` server used as a baseline. Every one is
 * tracked (see cleanup.ts) and stopped by the scope that started it.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitForUnixSocket } from '../../../bridge/src/socket-probe.ts';
import { track, type Scope } from './cleanup.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
export const BRIDGE_BIN = join(REPO_ROOT, 'bridge', 'bin', 'okcode-bridge.js');
export const MOCK_PEER = join(REPO_ROOT, 'tests', 'fixtures', 'codex-mock-peer.mjs');
const BARE_SERVER = fileURLToPath(new URL('./bare-ws-server.ts', import.meta.url));

/** Spawns and tracks a child; `ownGroup` puts it in a process group of its own (killed as a whole). */
export function spawnTracked(cmd: string, args: readonly string[], opts: SpawnOptions, ownGroup: boolean): ChildProcess {
  const child = spawn(cmd, [...args], { ...opts, detached: ownGroup });
  track(child, ownGroup);
  return child;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function signal(child: ChildProcess, sig: NodeJS.Signals, group: boolean): void {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    process.kill(group ? -pid : pid, sig);
  } catch {
    // already gone
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; with `group`, to the whole process group (again at the end). */
export async function stopChild(child: ChildProcess, group: boolean, graceMs = 5000): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    signal(child, 'SIGTERM', group);
    const timer = setTimeout(() => signal(child, 'SIGKILL', group), graceMs);
    await exited(child);
    clearTimeout(timer);
  }
  if (group) signal(child, 'SIGKILL', true);
}

/** Collects a child's output (last 64 kB) for error messages. */
function captureOutput(child: ChildProcess): () => string {
  let out = '';
  const add = (d: Buffer): void => {
    out = (out + d.toString()).slice(-65_536);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => out;
}

/** A codex (or mock peer) on its own unix socket. */
export interface UnixPeer {
  readonly socketPath: string;
  /** Spawn → socket accepts, in ms. */
  readonly startMs: number;
  readonly child: ChildProcess;
}

/** Starts `codex app-server --listen unix://…` (or the mock peer, with `node`) in a private temp dir. */
export async function startUnixPeer(
  scope: Scope,
  opts: { kind: 'codex' | 'mock'; codexPath?: string; env?: NodeJS.ProcessEnv; cwd?: string },
): Promise<UnixPeer> {
  const dir = mkdtempSync('/tmp/okc-bench-');
  scope.defer(() => rmSync(dir, { recursive: true, force: true }));
  const socketPath = join(dir, 's.sock');
  const listen = ['app-server', '--listen', `unix://${socketPath}`];
  const [cmd, args] =
    opts.kind === 'mock' ? [process.execPath, [MOCK_PEER, ...listen]] : [opts.codexPath ?? 'codex', listen];
  const t0 = performance.now();
  const child = spawnTracked(cmd, args, { cwd: opts.cwd ?? REPO_ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] }, true);
  scope.defer(() => stopChild(child, true));
  const output = captureOutput(child);
  const gone = new AbortController();
  child.once('exit', () => gone.abort());
  try {
    await waitForUnixSocket(socketPath, { timeoutMs: 30_000, intervalMs: 2, signal: gone.signal });
  } catch (e) {
    throw new Error(`${opts.kind} did not listen on ${socketPath}: ${String(e)}\n${output()}`, { cause: e });
  }
  return { socketPath, startMs: performance.now() - t0, child };
}

/** The okcode-bridge CLI, running. */
export interface BridgeProc {
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Spawn → ready line on stdout, in ms. */
  readonly readyMs: number;
  readonly output: () => string;
}

/** Spawns `okcode-bridge --port 0 --no-open --codex <codexPath>` and waits for its ready URL. */
export async function startBridgeCli(
  scope: Scope,
  opts: { codexPath: string; env?: NodeJS.ProcessEnv; cwd?: string; args?: readonly string[] },
): Promise<BridgeProc> {
  const t0 = performance.now();
  // OKC_BENCH_CPU_PROF=<dir>: every bridge the benchmarks start writes a CPU profile there on exit.
  const profDir = process.env['OKC_BENCH_CPU_PROF'];
  const prof = profDir !== undefined && profDir !== '' ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : [];
  const extra = opts.args ?? [];
  // OKC_BENCH_WEB_DIST (lib/build.ts): serve that build instead of web/dist.
  const webDist = process.env['OKC_BENCH_WEB_DIST'];
  const web = extra.includes('--static') || webDist === undefined || webDist === '' ? [] : ['--static', webDist];
  const args = [...prof, BRIDGE_BIN, '--port', '0', '--no-open', '--codex', opts.codexPath, ...web, ...extra];
  const child = spawnTracked(process.execPath, args, { cwd: opts.cwd ?? REPO_ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] }, false);
  scope.defer(() => stopChild(child, false));
  const output = captureOutput(child);
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`bridge printed no ready URL within 60 s:\n${output()}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /(http:\/\/\S+#token=[A-Za-z0-9_-]+)/.exec(stdout);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bridge exited (${String(code)}) before ready:\n${output()}`));
    });
  });
  const readyMs = performance.now() - t0;
  const parsed = new URL(url);
  const token = new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '';
  return { url, origin: parsed.origin, token, port: Number(parsed.port), child, readyMs, output };
}

/** The bare `ws` server of bare-ws-server.ts in a process of its own; resolves with its port. */
export async function startBareServer(scope: Scope): Promise<number> {
  const child = spawnTracked(process.execPath, ['--import', 'tsx', BARE_SERVER], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] }, false);
  scope.defer(() => stopChild(child, false));
  const output = captureOutput(child);
  return new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bare ws server did not start:\n${output()}`)), 30_000);
    child.stdout?.on('data', () => {
      const m = /listening on (\d+)/.exec(output());
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bare ws server exited (${String(code)}):\n${output()}`));
    });
  });
}

/** Resident set size of `pid` in bytes (Linux /proc), or NaN. */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m?.[1] !== undefined ? Number(m[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
