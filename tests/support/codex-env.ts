/**
 * A throwaway codex configuration per test: CODEX_HOME with a config.toml that points codex at a
 * scripted model, a git-initialised workspace, and the environment to spawn codex with.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { nativeCodexBin, REPO_ROOT } from './codex-paths.ts';

export { codexBin, nativeCodexBin } from './codex-paths.ts';

/** Name of the environment variable that carries the scripted provider's API key. */
export const SCRIPTED_KEY_ENV = 'OKC_SCRIPTED_KEY';

/** Options of {@link makeCodexEnv}. */
export interface CodexEnvOptions {
  /** The scripted model's base URL (ending in /v1). */
  modelUrl: string;
  /**
   * `approval_policy` in config.toml (default: not set, i.e. codex's `on-request`). codex 0.169.0
   * refuses `untrusted` in config.toml; pass `approvalPolicy: "untrusted"` to `thread/start` instead.
   */
  approvalPolicy?: 'on-request' | 'on-failure' | 'never';
  /** `sandbox_mode` in config.toml (default: not set, i.e. read-only for new threads). */
  sandboxMode?: 'read-only' | 'workspace-write' | 'danger-full-access';
  /** Model slug (default `gpt-5.5`: a bundled slug, so codex offers the apply_patch tool). */
  model?: string;
  /** `stream_idle_timeout_ms` of the provider (default: codex's own, 5 minutes). */
  streamIdleTimeoutMs?: number;
  /** `[features]` switches, merged over the defaults (see {@link DEFAULT_FEATURES}). */
  features?: Record<string, boolean>;
  /**
   * Mark the workspace `trust_level = "trusted"` (default true). A trusted project's threads default to
   * the workspace-write sandbox; an untrusted one's to read-only (both under `on-request`).
   */
  trustWorkspace?: boolean;
  /** Raw TOML appended to config.toml, for anything else. */
  extraToml?: string;
  /** Prefix of the scratch directory name (default `codex`). */
  name?: string;
}

/** A scratch codex setup. */
export interface CodexEnv {
  /** The root of this scratch setup (holds codexHome, workDir, home and bin). */
  root: string;
  /** CODEX_HOME, with config.toml. */
  codexHome: string;
  /** A `git init`ed, empty workspace: use it as the thread's cwd. */
  workDir: string;
  /** The empty HOME codex (and the shells it starts) see. */
  homeDir: string;
  /**
   * The environment to spawn codex with: this process's, minus CODEX_* / OPENAI_*, plus CODEX_HOME,
   * the provider key, an empty scratch HOME, and PATH starting with the `codex-linux-sandbox` alias.
   */
  env: NodeJS.ProcessEnv;
  /** Removes the scratch directory (kept when OKC_KEEP_TEST_TMP=1). */
  cleanup(): void;
}

/**
 * Feature switches every scratch config gets: `request_user_input` outside Plan mode (so `[ask]`
 * works on ordinary threads).
 */
export const DEFAULT_FEATURES: Readonly<Record<string, boolean>> = { default_mode_request_user_input: true };

/** Where scratch setups live: inside the repo (gitignored), never under /tmp (see below). */
export const TEST_TMP_ROOT = join(REPO_ROOT, '.test-tmp');

function tomlString(s: string): string {
  return JSON.stringify(s);
}

/** The config.toml text for the given options. */
export function renderConfigToml(opts: CodexEnvOptions, workDir: string): string {
  const lines = [
    `model = ${tomlString(opts.model ?? 'gpt-5.5')}`,
    'model_provider = "scripted"',
    // why: `[ask]` needs an under-development feature, which otherwise adds a warning to every thread.
    'suppress_unstable_features_warning = true',
  ];
  if (opts.approvalPolicy !== undefined) lines.push(`approval_policy = ${tomlString(opts.approvalPolicy)}`);
  if (opts.sandboxMode !== undefined) lines.push(`sandbox_mode = ${tomlString(opts.sandboxMode)}`);
  lines.push(
    '',
    '[model_providers.scripted]',
    'name = "scripted"',
    `base_url = ${tomlString(opts.modelUrl)}`,
    'wire_api = "responses"',
    `env_key = ${tomlString(SCRIPTED_KEY_ENV)}`,
    'request_max_retries = 0',
    'stream_max_retries = 0',
  );
  if (opts.streamIdleTimeoutMs !== undefined) lines.push(`stream_idle_timeout_ms = ${opts.streamIdleTimeoutMs}`);
  lines.push('', '[tools.update_plan]', 'enabled = true', '', '[features]');
  for (const [k, v] of Object.entries({ ...DEFAULT_FEATURES, ...opts.features })) lines.push(`${k} = ${v}`);
  if (opts.trustWorkspace ?? true) lines.push('', `[projects.${tomlString(workDir)}]`, 'trust_level = "trusted"');
  if (opts.extraToml !== undefined) lines.push('', opts.extraToml);
  return `${lines.join('\n')}\n`;
}

function gitInit(dir: string): void {
  try {
    execFileSync('git', ['init', '-q', dir], { stdio: 'ignore' });
  } catch {
    // why: git is only a nicety (codex shows gitInfo); without it codex still runs in the folder.
  }
}

function inheritedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // why: a developer's own CODEX_* / OPENAI_* settings must not leak into a hermetic test run.
    if (!k.startsWith('CODEX_') && !k.startsWith('OPENAI_')) env[k] = v;
  }
  return env;
}

/**
 * Creates a fresh scratch setup under `<repo>/.test-tmp/`.
 *
 * why (codex-app-server.md §9.1): with CODEX_HOME under /tmp codex refuses to create its
 * `codex-linux-sandbox` helper alias and sandboxed exec then fails without any commandExecution item.
 * The scratch root is outside /tmp, and in case the repo itself is checked out under /tmp, a
 * `codex-linux-sandbox` symlink to the native binary is also put first on PATH.
 */
export function makeCodexEnv(opts: CodexEnvOptions): CodexEnv {
  mkdirSync(TEST_TMP_ROOT, { recursive: true });
  const root = mkdtempSync(join(TEST_TMP_ROOT, `${opts.name ?? 'codex'}-`));
  const codexHome = join(root, 'codex-home');
  const workDir = join(root, 'work');
  const binDir = join(root, 'bin');
  const homeDir = join(root, 'home');
  for (const d of [codexHome, workDir, binDir, homeDir]) mkdirSync(d, { recursive: true });
  gitInit(workDir);
  if (process.platform === 'linux') symlinkSync(nativeCodexBin(), join(binDir, 'codex-linux-sandbox'));
  writeFileSync(join(codexHome, 'config.toml'), renderConfigToml(opts, workDir));

  const base = inheritedEnv();
  const env: NodeJS.ProcessEnv = {
    ...base,
    CODEX_HOME: codexHome,
    // why: commands run in a login shell (`bash -lc`); the developer's ~/.bashrc must not run in tests
    // (it can be slow, and a killed `pyenv rehash` left a stale lock that stalled every later shell).
    HOME: homeDir,
    [SCRIPTED_KEY_ENV]: 'test',
    PATH: [binDir, base['PATH'] ?? ''].filter((p) => p !== '').join(delimiter),
  };
  return {
    root,
    codexHome,
    workDir,
    homeDir,
    env,
    cleanup(): void {
      if (process.env['OKC_KEEP_TEST_TMP'] === '1') return;
      rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  };
}
