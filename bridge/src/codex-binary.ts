/** Finds the codex executable and reads its version. Never runs a shell. */
import { execFile } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/** The hint appended to every "codex not found" message. */
export const INSTALL_HINT = 'Install it with "npm install -g @openai/codex" or pass --codex /path/to/codex.';

export type CodexLookup = { readonly ok: true; readonly path: string } | { readonly ok: false; readonly message: string };

/**
 * Resolves the codex executable. A `requested` value containing a path separator must name an
 * executable file (relative paths resolve against `cwd`); a bare name (or null = `codex`) is searched
 * on `PATH`. Failure messages are one line, prefixed `okcode-bridge:`, and end with the install hint.
 */
export function resolveCodexBinary(
  requested: string | null,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CodexLookup {
  const name = requested ?? 'codex';
  if (name.includes('/') || isAbsolute(name)) {
    const full = resolve(cwd, name);
    if (isExecutableFile(full)) return { ok: true, path: full };
    return { ok: false, message: `okcode-bridge: ${full} is not an executable file. ${INSTALL_HINT}` };
  }
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = resolve(cwd, join(dir, name));
    if (isExecutableFile(candidate)) return { ok: true, path: candidate };
  }
  return { ok: false, message: `okcode-bridge: ${name} not found on PATH. ${INSTALL_HINT}` };
}

function isExecutableFile(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds `setpriv` (util-linux) on Linux, for `--pdeathsig`; null elsewhere or when absent.
 * `OKCODE_NO_PDEATHSIG=1` makes it null too: a test hook that simulates a system without setpriv.
 */
export function findSetpriv(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform): string | null {
  if (platform !== 'linux' || env['OKCODE_NO_PDEATHSIG'] === '1') return null;
  if (isExecutableFile('/usr/bin/setpriv')) return '/usr/bin/setpriv';
  const found = resolveCodexBinary('setpriv', env, '/');
  return found.ok ? found.path : null;
}

/**
 * Runs `codex --version` and returns the version number (`codex-cli 0.169.0` → `0.169.0`), or the
 * trimmed output when it has no version number, or null when codex fails or times out.
 */
export function readCodexVersion(
  codexPath: string,
  env: Readonly<Record<string, string | undefined>>,
  timeoutMs = 10_000,
): Promise<string | null> {
  return new Promise((done) => {
    execFile(codexPath, ['--version'], { env, timeout: timeoutMs, shell: false }, (err, stdout) => {
      if (err !== null) return done(null);
      const text = String(stdout).trim();
      const m = /\d+\.\d+\.\d+[0-9A-Za-z.+-]*/.exec(text);
      done(m !== null ? m[0] : text === '' ? null : text.split('\n')[0] ?? null);
    });
  });
}
