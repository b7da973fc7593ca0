/**
 * A small per-user state file per running bridge, naming its codex process group and socket
 * directory. A bridge that is SIGKILLed cannot clean up; the next start reads these files and does
 * it (see orphan-reaper.ts).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir, userInfo } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';

/** What one bridge wrote down about its codex. */
export interface CodexRecord {
  readonly bridgePid: number;
  /** The leader (and so the process group id) of codex's group: setpriv's exec, the npm wrapper or codex. */
  readonly codexPid: number;
  /** codex's `--listen` socket; its directory is the bridge's private socket directory. */
  readonly socketPath: string;
  /** When codex was spawned (ms since the epoch), for people reading the file. */
  readonly spawnedAt: number;
}

/** A record as found on disk, with the file it came from. */
export interface FoundRecord {
  readonly file: string;
  /** null when the file is not a valid record (it is removed by the reaper). */
  readonly record: CodexRecord | null;
}

const FILE_PATTERN = /^codex-\d+-[A-Za-z0-9]+\.json$/;

/**
 * The per-user state directory: `$XDG_STATE_HOME/okcode-bridge`, else `~/.local/state/okcode-bridge`,
 * else (no usable home) `<tmpdir>/okcode-bridge-<uid>`.
 */
export function defaultStateDir(env: Readonly<Record<string, string | undefined>>): string {
  const xdg = env['XDG_STATE_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'okcode-bridge');
  let home = env['HOME'] ?? '';
  if (!isAbsolute(home)) {
    try {
      home = homedir();
    } catch {
      home = '';
    }
  }
  if (isAbsolute(home)) return join(home, '.local', 'state', 'okcode-bridge');
  return join(tmpdir(), `okcode-bridge-${userInfo().uid}`);
}

/** Keeps the one record file of this bridge up to date. Failures to write are reported once and ignored. */
export class CodexRegistry {
  private readonly file: string;
  private warned = false;

  constructor(
    private readonly stateDir: string,
    private readonly socketPath: string,
    private readonly log: (line: string) => void,
    private readonly bridgePid = process.pid,
  ) {
    // why: the socket directory's random suffix keeps two bridges in one process (tests) apart.
    const suffix = basename(dirname(socketPath)).replace(/[^A-Za-z0-9]/g, '');
    this.file = join(stateDir, `codex-${bridgePid}-${suffix}.json`);
  }

  /** Records a freshly spawned codex group leader. */
  record(codexPid: number): void {
    const record: CodexRecord = { bridgePid: this.bridgePid, codexPid, socketPath: this.socketPath, spawnedAt: Date.now() };
    try {
      mkdirSync(this.stateDir, { recursive: true, mode: 0o700 });
      // why: write then rename, so a reader never sees half a file.
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
      renameSync(tmp, this.file);
    } catch (err) {
      if (!this.warned) this.log(`okcode-bridge: warning: cannot write ${this.file}: ${(err as Error).message}`);
      this.warned = true;
    }
  }

  /** Forgets this bridge's codex (it was stopped cleanly). */
  remove(): void {
    rmSync(this.file, { force: true });
  }
}

/** Every record file in `stateDir` (none when the directory does not exist). */
export function readRecords(stateDir: string): FoundRecord[] {
  let names: string[];
  try {
    names = readdirSync(stateDir).filter((n) => FILE_PATTERN.test(n));
  } catch {
    return [];
  }
  return names.map((name) => {
    const file = join(stateDir, name);
    let value: unknown = null;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      // unreadable or half-written by a crashed writer: invalid
    }
    return { file, record: asRecord(value) };
  });
}

function asRecord(v: unknown): CodexRecord | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Record<string, unknown>;
  const pid = (x: unknown): boolean => typeof x === 'number' && Number.isSafeInteger(x) && x > 1;
  if (!pid(r['bridgePid']) || !pid(r['codexPid']) || typeof r['socketPath'] !== 'string' || !isAbsolute(r['socketPath'])) {
    return null;
  }
  return {
    bridgePid: r['bridgePid'] as number,
    codexPid: r['codexPid'] as number,
    socketPath: r['socketPath'],
    spawnedAt: typeof r['spawnedAt'] === 'number' ? r['spawnedAt'] : 0,
  };
}
