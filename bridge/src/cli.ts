/**
 * `okcode-bridge`: parse options, find codex, clean up after a killed bridge, bind, start codex, print
 * the ready URL, stop cleanly. stdout carries exactly one line (the ready URL); everything else goes
 * to stderr. No colors (and with NO_COLOR set, none of codex's either).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBridge, type RunningBridge } from './bridge.ts';
import { findSetpriv, resolveCodexBinary } from './codex-binary.ts';
import { CodexStartError } from './codex-process.ts';
import { CodexTooOldError } from './codex-version.ts';
import { parseConfig, type BridgeOptions } from './config.ts';
import { EXIT_OK, EXIT_RUNTIME, EXIT_USAGE, helpText } from './help-text.ts';
import { PortInUseError } from './http-server.ts';
import { openBrowser, shouldOpenBrowser } from './open-browser.ts';
import { reapOrphans } from './orphan-reaper.ts';
import { defaultStateDir } from './orphan-registry.ts';
import { stripAnsi, wantsNoColor } from './terminal-text.ts';
import { readBridgeVersion } from './version.ts';

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const NO_COLOR = wantsNoColor(process.env);

/** Writes to stderr, without escape sequences when NO_COLOR is set. */
function toStderr(text: string): void {
  process.stderr.write(NO_COLOR ? stripAnsi(text) : text);
}

function say(line: string): void {
  toStderr(`${line}\n`);
}

/**
 * The built PWA: `web/` next to the bundle (bridge/dist/web in a packed package) when present,
 * else the repository's web/dist.
 */
function defaultStaticDir(): string {
  const shipped = fileURLToPath(new URL('./web/', import.meta.url));
  return existsSync(shipped) ? shipped : fileURLToPath(new URL('../../web/dist/', import.meta.url));
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const parsed = parseConfig(process.argv.slice(2), process.env);
  if (!parsed.ok) {
    say(parsed.message);
    return parsed.exitCode;
  }
  const opts = parsed.config;
  const version = readBridgeVersion();
  if (opts.action === 'help') {
    process.stdout.write(helpText(version));
    return EXIT_OK;
  }
  if (opts.action === 'version') {
    process.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  for (const warning of opts.warnings) say(warning);
  const cwd = resolve(opts.cwd ?? process.cwd());
  if (!isDirectory(cwd)) {
    say(`okcode-bridge: --cwd ${cwd} is not a directory.`);
    return EXIT_USAGE;
  }
  const codex = resolveCodexBinary(opts.codex, process.env, process.cwd());
  if (!codex.ok) {
    say(codex.message);
    return EXIT_RUNTIME;
  }
  return run(opts, cwd, codex.path, version);
}

async function run(opts: BridgeOptions, cwd: string, codexPath: string, version: string): Promise<number> {
  let bridge: RunningBridge | null = null;
  let stopRequested = false;
  const stopAndExit = async (): Promise<void> => {
    await bridge?.stop();
    process.exit(EXIT_OK);
  };
  for (const signal of STOP_SIGNALS) {
    process.on(signal, () => {
      if (stopRequested) {
        // A second Ctrl-C: give up waiting, but still take codex down.
        bridge?.supervisor.killGroupNow();
        process.exit(EXIT_RUNTIME);
      }
      stopRequested = true;
      // why: during startup the bridge object does not exist yet; startup checks the flag when done.
      if (bridge !== null) void stopAndExit();
    });
  }
  process.on('exit', () => bridge?.supervisor.killGroupNow());
  const staticDir = opts.staticDir !== null ? resolve(opts.staticDir) : defaultStaticDir();
  const token = opts.token ?? randomBytes(16).toString('hex');
  const stateDir = defaultStateDir(process.env);
  await reapOrphans(stateDir, { log: say });
  try {
    bridge = await startBridge(
      {
        host: opts.host, port: opts.port, token, codexPath, cwd, allowOrigins: opts.allowOrigins, staticDir,
        graceSeconds: opts.graceSeconds, verbose: opts.verbose, env: process.env, bridgeVersion: version,
        setprivPath: findSetpriv(process.env, process.platform), stateDir,
      },
      { log: say, ...(opts.verbose ? { passthrough: toStderr } : {}) },
    );
  } catch (err) {
    say(startupFailure(err, codexPath));
    return EXIT_RUNTIME;
  }
  if (stopRequested) {
    await stopAndExit();
    return EXIT_OK;
  }
  say(`okcode-bridge ${version}: codex ${bridge.codexVersion ?? '(unknown version)'} in ${cwd}`);
  if (!existsSync(join(staticDir, 'index.html'))) {
    say(`okcode-bridge: note: ${staticDir} has no index.html; run "npm run build" to serve the app.`);
  }
  process.stdout.write(`okcode-bridge ready: ${bridge.readyUrl}\n`);
  if (shouldOpenBrowser(opts.open, process.platform, process.env)) openBrowser(bridge.readyUrl, process.platform);
  return new Promise<number>(() => undefined); // runs until a signal stops it
}

/** The one line that explains why the bridge could not start. */
function startupFailure(err: unknown, codexPath: string): string {
  if (err instanceof PortInUseError) {
    return `okcode-bridge: port ${err.port} is in use. Stop the other process or pass --port 0 for any free port.`;
  }
  if (err instanceof CodexTooOldError) return err.message;
  if (err instanceof CodexStartError) return `okcode-bridge: codex (${codexPath}) failed to start: ${err.message}`;
  return `okcode-bridge: ${(err as Error).message}`;
}

process.on('uncaughtException', (err) => {
  say(`okcode-bridge: internal error: ${err.stack ?? err.message}`);
  process.exit(EXIT_RUNTIME);
});

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`okcode-bridge: ${(err as Error).message}`);
    process.exit(EXIT_RUNTIME);
  },
);
