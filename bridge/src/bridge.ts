/**
 * Starts a complete bridge (HTTP server, relay, supervised codex) from a resolved configuration.
 * The CLI wraps this with argument parsing, signals and output; tests call it directly.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCodexVersion } from './codex-binary.ts';
import { CodexSupervisor } from './codex-process.ts';
import { CodexTooOldError, judgeCodexVersion } from './codex-version.ts';
import { browsableHost } from './hosts.ts';
import { createBridgeServer, listen } from './http-server.ts';
import { CodexRegistry } from './orphan-registry.ts';
import type { ReplayLimits } from './replay-buffer.ts';
import { Relay } from './relay.ts';
import type { AccessPolicy } from './upgrade-auth.ts';

/** Everything a running bridge needs, with every default already applied. */
export interface BridgeConfig {
  readonly host: string;
  readonly port: number;
  readonly token: string;
  /** Absolute path of an executable codex. */
  readonly codexPath: string;
  readonly cwd: string;
  readonly allowOrigins: readonly string[];
  readonly staticDir: string;
  readonly graceSeconds: number;
  readonly verbose: boolean;
  /** codex's environment (the bridge's own, unchanged, in the CLI). */
  readonly env: NodeJS.ProcessEnv;
  readonly bridgeVersion: string;
  /** `setpriv` for `--pdeathsig`, or null. */
  readonly setprivPath: string | null;
  /** Per-user state directory for the orphan record (see orphan-registry.ts), or null for none. */
  readonly stateDir: string | null;
}

/** Knobs for tests; the CLI uses the defaults. */
export interface BridgeTuning {
  readonly replayLimits?: ReplayLimits;
  readonly heartbeatMs?: number;
  readonly codexReadyTimeoutMs?: number;
  /** Bytes a browser may leave unread before it is dropped (default 64 MiB). */
  readonly maxClientBufferedBytes?: number;
  /** Bytes codex may leave unread before browser rpc frames are refused (default 64 MiB). */
  readonly maxUpstreamBufferedBytes?: number;
  readonly log?: (line: string) => void;
  readonly passthrough?: (chunk: string) => void;
}

export interface RunningBridge {
  readonly port: number;
  /** `http://127.0.0.1:PORT/#token=TOKEN`: the one URL the user opens. */
  readonly readyUrl: string;
  readonly codexVersion: string | null;
  /** The unix socket codex listens on, inside a private 0700 directory. */
  readonly socketPath: string;
  readonly relay: Relay;
  readonly supervisor: CodexSupervisor;
  /** Closes browser sockets, stops codex's process group, removes the socket directory. Idempotent. */
  stop(): Promise<void>;
}

/**
 * Binds the HTTP server, starts codex and resolves once codex accepts connections, so the first
 * browser connection works. Rejects with `PortInUseError` when the port is taken,
 * `CodexTooOldError` when `codex --version` is below `MIN_CODEX_VERSION`, and `CodexStartError` when
 * codex fails to start; nothing is left running in any case.
 */
export async function startBridge(config: BridgeConfig, tuning: BridgeTuning = {}): Promise<RunningBridge> {
  const log = tuning.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // why: a fresh 0700 directory makes the socket reachable by this user only, so codex needs no auth.
  const socketDir = mkdtempSync(join(socketBase(), 'okcode-bridge-'));
  chmodSync(socketDir, 0o700);
  const socketPath = join(socketDir, 'codex.sock');
  let codexVersion: string | null = null;
  let policy: AccessPolicy | null = null;
  const relay = new Relay({
    socketPath,
    bridgeVersion: config.bridgeVersion,
    codexVersion: () => codexVersion,
    cwd: config.cwd,
    graceMs: config.graceSeconds * 1000,
    ...(tuning.replayLimits !== undefined ? { replayLimits: tuning.replayLimits } : {}),
    ...(tuning.heartbeatMs !== undefined ? { heartbeatMs: tuning.heartbeatMs } : {}),
    ...(tuning.maxClientBufferedBytes !== undefined ? { maxClientBufferedBytes: tuning.maxClientBufferedBytes } : {}),
    ...(tuning.maxUpstreamBufferedBytes !== undefined ? { maxUpstreamBufferedBytes: tuning.maxUpstreamBufferedBytes } : {}),
  });
  const server = createBridgeServer({
    staticDir: config.staticDir,
    policy: () => policy,
    onUpgrade: (req, socket, head) => relay.handleUpgrade(req, socket, head, policy),
  });
  const registry = config.stateDir === null ? null : new CodexRegistry(config.stateDir, socketPath, log);
  const supervisor = new CodexSupervisor({
    codexPath: config.codexPath,
    cwd: config.cwd,
    env: withoutToken(config.env),
    socketPath,
    setprivPath: config.setprivPath,
    onSpawned: (pid) => registry?.record(pid),
    onReady: () => relay.codexStarted(),
    onExit: (exit) => relay.codexExited(exit),
    log,
    ...(tuning.passthrough !== undefined ? { passthrough: tuning.passthrough } : {}),
    ...(tuning.codexReadyTimeoutMs !== undefined ? { readyTimeoutMs: tuning.codexReadyTimeoutMs } : {}),
  });
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => (stopped ??= shutdown(relay, server, supervisor, socketDir, registry));
  try {
    const port = await listen(server, config.host, config.port);
    policy = { host: config.host, port, token: config.token, allowOrigins: config.allowOrigins };
    // why: `codex --version` runs alongside the start, but a too-old verdict wins over whatever error the
    // old codex gives for flags it does not know.
    const version = readCodexVersion(config.codexPath, withoutToken(config.env));
    const started = supervisor.start().then(() => null, (err: unknown) => err);
    codexVersion = await version;
    const verdict = judgeCodexVersion(codexVersion, config.codexPath);
    if (verdict.kind === 'too-old') throw new CodexTooOldError(verdict.message);
    const startError = await started;
    if (startError !== null) throw startError;
    if (verdict.kind === 'unknown') log(verdict.message);
    const readyUrl = `http://${browsableHost(config.host)}:${port}/#token=${config.token}`;
    return { port, readyUrl, codexVersion, socketPath, relay, supervisor, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/**
 * Where the private socket directory goes: the OS temp dir, unless its path is so long that the socket
 * path would not fit.
 * why: a unix socket path is limited to 104 bytes on macOS (108 on Linux); macOS TMPDIRs are long.
 */
function socketBase(): string {
  const base = tmpdir();
  return base.length <= 64 ? base : '/tmp';
}

/** codex's environment: the bridge's, minus the token. why: codex and every command it runs see this. */
function withoutToken(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out['OKCODE_TOKEN'];
  return out;
}

async function shutdown(
  relay: Relay,
  server: Server,
  supervisor: CodexSupervisor,
  socketDir: string,
  registry: CodexRegistry | null,
): Promise<void> {
  relay.close();
  server.close();
  server.closeAllConnections();
  await supervisor.stop();
  rmSync(socketDir, { recursive: true, force: true });
  registry?.remove();
}
