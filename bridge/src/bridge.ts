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
import { browsableHost } from './hosts.ts';
import { createBridgeServer, listen } from './http-server.ts';
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
}

/** Knobs for tests; the CLI uses the defaults. */
export interface BridgeTuning {
  readonly replayLimits?: ReplayLimits;
  readonly heartbeatMs?: number;
  readonly codexReadyTimeoutMs?: number;
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
 * browser connection works. Rejects with `PortInUseError` when the port is taken and
 * `CodexStartError` when codex fails to start; nothing is left running in either case.
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
  });
  const server = createBridgeServer({
    staticDir: config.staticDir,
    policy: () => policy,
    onUpgrade: (req, socket, head) => relay.handleUpgrade(req, socket, head, policy),
  });
  const supervisor = new CodexSupervisor({
    codexPath: config.codexPath,
    cwd: config.cwd,
    env: config.env,
    socketPath,
    setprivPath: config.setprivPath,
    onReady: () => relay.codexStarted(),
    onExit: (exit) => relay.codexExited(exit),
    log,
    ...(tuning.passthrough !== undefined ? { passthrough: tuning.passthrough } : {}),
    ...(tuning.codexReadyTimeoutMs !== undefined ? { readyTimeoutMs: tuning.codexReadyTimeoutMs } : {}),
  });
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => (stopped ??= shutdown(relay, server, supervisor, socketDir));
  try {
    const port = await listen(server, config.host, config.port);
    policy = { host: config.host, port, token: config.token, allowOrigins: config.allowOrigins };
    const version = readCodexVersion(config.codexPath, config.env);
    await supervisor.start();
    codexVersion = await version;
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

async function shutdown(relay: Relay, server: Server, supervisor: CodexSupervisor, socketDir: string): Promise<void> {
  relay.close();
  server.close();
  server.closeAllConnections();
  await supervisor.stop();
  rmSync(socketDir, { recursive: true, force: true });
}
