/**
 * Where the pinned codex lives in this checkout: the npm launcher and the native binary behind it.
 */
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root (two levels above tests/support). */
export const REPO_ROOT: string = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');

/** Absolute path of `node_modules/.bin/codex`, the launcher of the pinned @openai/codex. */
export function codexBin(): string {
  const bin = join(REPO_ROOT, 'node_modules', '.bin', 'codex');
  if (!existsSync(bin)) throw new Error(`codex launcher not found at ${bin}; run npm install`);
  return bin;
}

const PLATFORM_PACKAGES: Record<string, { pkg: string; triple: string }> = {
  'linux-x64': { pkg: '@openai/codex-linux-x64', triple: 'x86_64-unknown-linux-musl' },
  'linux-arm64': { pkg: '@openai/codex-linux-arm64', triple: 'aarch64-unknown-linux-musl' },
  'darwin-x64': { pkg: '@openai/codex-darwin-x64', triple: 'x86_64-apple-darwin' },
  'darwin-arm64': { pkg: '@openai/codex-darwin-arm64', triple: 'aarch64-apple-darwin' },
};

/**
 * Absolute path of the native codex binary the launcher runs, resolved the way the launcher does
 * (the platform package next to @openai/codex, else @openai/codex's own vendor dir).
 */
export function nativeCodexBin(): string {
  const entry = PLATFORM_PACKAGES[`${process.platform}-${process.arch}`];
  if (entry === undefined) throw new Error(`no codex binary for ${process.platform}-${process.arch}`);
  const codexPkg = dirname(realpathSync(join(REPO_ROOT, 'node_modules', '@openai', 'codex', 'package.json')));
  const candidates: string[] = [];
  try {
    // why: resolve from inside @openai/codex, as its launcher does, so nested installs work too.
    const pkgJson = createRequire(join(codexPkg, 'bin', 'codex.js')).resolve(`${entry.pkg}/package.json`);
    candidates.push(join(dirname(pkgJson), 'vendor', entry.triple, 'bin', 'codex'));
  } catch {
    // the platform package is optional; fall through to the vendored copy
  }
  candidates.push(join(codexPkg, 'vendor', entry.triple, 'bin', 'codex'));
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) throw new Error(`native codex binary not found (tried ${candidates.join(', ')})`);
  return found;
}
