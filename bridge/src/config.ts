/**
 * Command line and environment → bridge options. Pure: no file system, no randomness, no clock.
 * Values that need I/O (a fresh token, the default static dir, the current directory) stay `null`
 * here and are filled in by the CLI shell.
 */
import { TOKEN_PATTERN } from '../../protocol/bridge-frames.ts';
import { isLoopbackHost, urlHost } from './hosts.ts';

/** What the user asked for, after validation. */
export interface BridgeOptions {
  readonly action: 'run' | 'help' | 'version';
  readonly host: string;
  /** 0 = any free port. */
  readonly port: number;
  readonly allowNonLoopback: boolean;
  /** null = generate a random one. */
  readonly token: string | null;
  /** null = look up `codex` on PATH. */
  readonly codex: string | null;
  /** null = the process's working directory. */
  readonly cwd: string | null;
  /** Normalized origins (`scheme://host[:port]`) allowed besides the bridge's own. */
  readonly allowOrigins: readonly string[];
  /** null = the built PWA next to the bundle, else `<repo>/web/dist`. */
  readonly staticDir: string | null;
  /** How long a disconnected browser session (and its codex connection) is kept for a reconnect. */
  readonly graceSeconds: number;
  /** false when `--no-open` was given; whether a browser can be opened is decided by the shell. */
  readonly open: boolean;
  readonly verbose: boolean;
  /** Lines the shell prints on stderr before starting (e.g. the non-loopback warning). */
  readonly warnings: readonly string[];
}

export type ParseConfigResult =
  | { readonly ok: true; readonly config: BridgeOptions }
  | { readonly ok: false; readonly message: string; readonly exitCode: 2 };

/** Environment variables read by {@link parseConfig}. */
export type ConfigEnv = Readonly<Record<string, string | undefined>>;

export const DEFAULT_PORT = 3773;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_GRACE_SECONDS = 120;
const MAX_GRACE_SECONDS = 86_400;

type Draft = { -readonly [K in keyof BridgeOptions]: BridgeOptions[K] } & { allowOrigins: string[] };

interface FlagSpec {
  readonly takesValue: boolean;
  /** Applies the flag; returns an error message (without the `okcode-bridge: ` prefix) or null. */
  readonly apply: (draft: Draft, value: string) => string | null;
}

const FLAGS: Readonly<Record<string, FlagSpec>> = {
  '--port': { takesValue: true, apply: (d, v) => setPort(d, v, '--port') },
  '--host': { takesValue: true, apply: (d, v) => setHost(d, v) },
  '--allow-non-loopback': { takesValue: false, apply: (d) => ((d.allowNonLoopback = true), null) },
  '--token': { takesValue: true, apply: (d, v) => setToken(d, v, '--token') },
  '--codex': { takesValue: true, apply: (d, v) => ((d.codex = v), nonEmpty(v, '--codex', 'a path')) },
  '--cwd': { takesValue: true, apply: (d, v) => ((d.cwd = v), nonEmpty(v, '--cwd', 'a directory')) },
  '--allow-origin': { takesValue: true, apply: (d, v) => addOrigins(d, [v], '--allow-origin') },
  '--static': { takesValue: true, apply: (d, v) => ((d.staticDir = v), nonEmpty(v, '--static', 'a directory')) },
  '--grace-seconds': { takesValue: true, apply: (d, v) => setGrace(d, v) },
  '--no-open': { takesValue: false, apply: (d) => ((d.open = false), null) },
  '--verbose': { takesValue: false, apply: (d) => ((d.verbose = true), null) },
  '--help': { takesValue: false, apply: (d) => ((d.action = 'help'), null) },
  '-h': { takesValue: false, apply: (d) => ((d.action = 'help'), null) },
  '--version': { takesValue: false, apply: (d) => (d.action === 'help' ? null : ((d.action = 'version'), null)) },
};

/**
 * Parses `argv` (without `node` and the script) and the `OKCODE_*` environment variables.
 * Flags win over the environment. Accepts `--flag value` and `--flag=value`. Any unknown flag, stray
 * argument or bad value gives one line naming the flag and what it accepts, with exit code 2.
 * Never echoes a token value.
 */
export function parseConfig(argv: readonly string[], env: ConfigEnv): ParseConfigResult {
  const draft: Draft = {
    action: 'run', host: DEFAULT_HOST, port: DEFAULT_PORT, allowNonLoopback: false, token: null,
    codex: null, cwd: null, allowOrigins: [], staticDir: null, graceSeconds: DEFAULT_GRACE_SECONDS,
    open: true, verbose: false, warnings: [],
  };
  const envError = applyEnv(draft, env);
  let sawOriginFlag = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const spec = FLAGS[name];
    if (spec === undefined) {
      return fail(
        arg.startsWith('-')
          ? `unknown option ${name}. Run okcode-bridge --help for the list.`
          : `unexpected argument "${arg}". Run okcode-bridge --help for the list.`,
      );
    }
    let value = '';
    if (spec.takesValue) {
      const next = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (next === undefined) return fail(`${name} needs a value.`);
      value = next;
    } else if (eq !== -1) {
      return fail(`${name} does not take a value.`);
    }
    // why: --allow-origin flags replace OKCODE_ALLOW_ORIGIN rather than add to it, like every other flag.
    if (name === '--allow-origin' && !sawOriginFlag) {
      sawOriginFlag = true;
      draft.allowOrigins = [];
    }
    const error = spec.apply(draft, value);
    if (error !== null) return fail(error);
  }
  // why: --help and --version must work even when the environment holds a bad value.
  if (envError !== null && draft.action === 'run') return fail(envError);
  return finish(draft);
}

function applyEnv(d: Draft, env: ConfigEnv): string | null {
  const port = env['OKCODE_PORT'];
  if (port !== undefined && port !== '') {
    const e = setPort(d, port, 'OKCODE_PORT');
    if (e !== null) return e;
  }
  const token = env['OKCODE_TOKEN'];
  if (token !== undefined && token !== '') {
    const e = setToken(d, token, 'OKCODE_TOKEN');
    if (e !== null) return e;
  }
  const codex = env['OKCODE_CODEX'];
  if (codex !== undefined && codex !== '') d.codex = codex;
  const origins = env['OKCODE_ALLOW_ORIGIN'];
  if (origins !== undefined && origins.trim() !== '') {
    return addOrigins(d, origins.split(',').map((o) => o.trim()).filter((o) => o !== ''), 'OKCODE_ALLOW_ORIGIN');
  }
  return null;
}

function finish(d: Draft): ParseConfigResult {
  if (!isLoopbackHost(d.host)) {
    if (!d.allowNonLoopback) {
      return fail(
        `--host ${d.host} is not a loopback address; pass --allow-non-loopback to expose the bridge to the network.`,
      );
    }
    d.warnings = [
      `okcode-bridge: warning: listening on ${d.host} exposes the bridge to the network. ` +
        'Anyone who has the token can make codex run commands on this machine.',
    ];
  }
  return { ok: true, config: { ...d, allowOrigins: [...new Set(d.allowOrigins)] } };
}

function fail(message: string): ParseConfigResult {
  return { ok: false, message: `okcode-bridge: ${message}`, exitCode: 2 };
}

function nonEmpty(value: string, flag: string, what: string): string | null {
  return value === '' ? `${flag} expects ${what}, got an empty value.` : null;
}

function setPort(d: Draft, value: string, source: string): string | null {
  const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 65535)) {
    return `${source} expects an integer from 0 to 65535 (0 = any free port), got "${value}".`;
  }
  d.port = n;
  return null;
}

function setHost(d: Draft, value: string): string | null {
  const ipv6 = /^\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\]?$/;
  const name = /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
  if (!ipv6.test(value) && !name.test(value)) {
    return `--host expects a host name or IP address such as 127.0.0.1 (no scheme, no port), got "${value}".`;
  }
  d.host = value.startsWith('[') ? value : value.toLowerCase();
  return null;
}

function setToken(d: Draft, value: string, source: string): string | null {
  if (!TOKEN_PATTERN.test(value)) {
    // why: never echo the token, even a malformed one: it may be a real secret with a typo.
    return `${source} expects 16 to 256 characters from A-Z, a-z, 0-9, "_" and "-".`;
  }
  d.token = value;
  return null;
}

function setGrace(d: Draft, value: string): string | null {
  const n = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= MAX_GRACE_SECONDS)) {
    return `--grace-seconds expects a number of seconds from 0 to ${MAX_GRACE_SECONDS}, got "${value}".`;
  }
  d.graceSeconds = n;
  return null;
}

function addOrigins(d: Draft, values: readonly string[], source: string): string | null {
  for (const value of values) {
    const origin = normalizeOrigin(value);
    if (origin === null) {
      return `${source} expects an origin such as https://okcode.example (scheme, host, optional port; no path), got "${value}".`;
    }
    d.allowOrigins.push(origin);
  }
  return null;
}

/** `https://Example.com:443/` → `https://example.com`; null for anything that is not a bare http(s) origin. */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  const bare = (url.pathname === '/' || url.pathname === '') && url.search === '' && url.hash === '';
  const plain = url.username === '' && url.password === '';
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !bare || !plain || url.hostname === '') {
    return null;
  }
  return `${url.protocol}//${urlHost(url.hostname)}${url.port === '' ? '' : `:${url.port}`}`;
}
