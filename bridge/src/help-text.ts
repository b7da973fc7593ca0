/** The `--help` text. Kept apart from the parser so the flag table stays readable. */
import { DEFAULT_GRACE_SECONDS, DEFAULT_HOST, DEFAULT_PORT } from './config.ts';

/** Exit codes of the CLI, as documented in `--help`. */
export const EXIT_OK = 0;
export const EXIT_RUNTIME = 1;
export const EXIT_USAGE = 2;

/** Usage, flags, environment variables and exit codes. */
export function helpText(version: string): string {
  return `okcode-bridge ${version}: loopback relay between the OK Code PWA and \`codex app-server\`.

Usage: okcode-bridge [options]

Starts one \`codex app-server\`, serves the PWA and prints a ready URL with a fresh token:
  okcode-bridge ready: http://127.0.0.1:${DEFAULT_PORT}/#token=...

Options:
  --port N               TCP port (default ${DEFAULT_PORT}; 0 = any free port)       env OKCODE_PORT
  --host H               interface to bind (default ${DEFAULT_HOST})
  --allow-non-loopback   allow a --host that is reachable from the network (prints a warning)
  --token T              token the PWA must present (16-256 of A-Z a-z 0-9 _ -;     env OKCODE_TOKEN
                         default: 128 random bits, new on every start)
  --codex PATH           codex executable (default: \`codex\` on PATH)               env OKCODE_CODEX
  --cwd DIR              working directory for codex and new threads (default: .)
  --allow-origin URL     another origin allowed to connect, e.g. the hosted PWA;    env OKCODE_ALLOW_ORIGIN
                         repeatable (the env variable takes a comma-separated list)
  --static DIR           built PWA to serve (default: the copy shipped with the bridge, else web/dist)
  --grace-seconds N      keep a disconnected browser session this long (default ${DEFAULT_GRACE_SECONDS})
  --no-open              do not open a browser (never opened when CI is set or there is no display)
  --verbose              copy codex's stderr to this terminal
  -h, --help             show this help
  --version              show the bridge version

Exit codes:
  ${EXIT_OK}  stopped normally (Ctrl-C, SIGTERM, SIGHUP)
  ${EXIT_RUNTIME}  runtime failure, e.g. codex missing or failing to start, port in use
  ${EXIT_USAGE}  usage error: unknown option or bad value
`;
}
