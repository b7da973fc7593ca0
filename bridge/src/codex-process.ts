/**
 * Runs one `codex app-server --listen unix://<sock>` in its own process group, reports its exits,
 * restarts it with backoff, and takes the whole group down on stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { LineRing } from './ring-buffer.ts';
import { nextRestart } from './restart-backoff.ts';
import { waitForUnixSocket } from './socket-probe.ts';

/** How a codex process ended, as reported to the relay (and to browsers in `codex-exit`). */
export interface CodexExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** false when the bridge is stopping (no restart follows). */
  readonly restarting: boolean;
}

export interface CodexSupervisorOptions {
  readonly codexPath: string;
  readonly cwd: string;
  /** Passed to codex unchanged (tests select a configuration with CODEX_HOME). */
  readonly env: NodeJS.ProcessEnv;
  readonly socketPath: string;
  /** `setpriv` for `--pdeathsig SIGTERM`, or null. */
  readonly setprivPath: string | null;
  /** Called after every start once the socket accepts connections. */
  readonly onReady: () => void;
  /** Called with the group leader's pid right after every spawn (the bridge records it for orphan cleanup). */
  readonly onSpawned?: (pid: number) => void;
  /** Called after every exit once the first start succeeded. */
  readonly onExit: (exit: CodexExit) => void;
  /** One line for the bridge's stderr. */
  readonly log: (line: string) => void;
  /** Receives codex's raw stderr/stdout when set (`--verbose`). */
  readonly passthrough?: (chunk: string) => void;
  readonly readyTimeoutMs?: number;
  readonly stopGraceMs?: number;
}

/** Thrown by {@link CodexSupervisor.start} when the first codex never became ready. */
export class CodexStartError extends Error {}

/** Owns the codex child. Not reusable after {@link stop}. */
export class CodexSupervisor {
  private child: ChildProcess | null = null;
  /** Resolves with a description of the exit once the current child is gone. */
  private childGone: Promise<string> = Promise.resolve('codex is not running');
  private readyAbort: AbortController | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopping = false;
  private started = false;
  private failures = 0;
  private startedAt = 0;
  private readonly stderr = new LineRing();

  constructor(private readonly opts: CodexSupervisorOptions) {}

  /** The group leader's pid (setpriv, the npm wrapper or codex itself), if running. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The last lines codex wrote on stderr or stdout. */
  stderrTail(n?: number): string[] {
    return this.stderr.tail(n);
  }

  /**
   * Starts codex and resolves once its socket accepts connections. Rejects with
   * {@link CodexStartError} (including codex's last stderr lines) if it exits or times out first;
   * after that first success, exits are reported through `onExit` and followed by restarts.
   */
  async start(): Promise<void> {
    try {
      await this.spawnAndWait();
    } catch (err) {
      await this.killAndWait();
      const tail = this.stderrTail(15).join('\n');
      throw new CodexStartError(`${(err as Error).message}${tail === '' ? '' : `\n${tail}`}`);
    }
    this.started = true;
  }

  /** Stops restarting and ends codex's process group: SIGTERM, then SIGKILL after the grace. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    await this.killAndWait();
  }

  /** Last resort from `process.on('exit')`: SIGTERM the group without waiting. */
  killGroupNow(): void {
    this.signalGroup('SIGTERM');
  }

  private async spawnAndWait(): Promise<void> {
    const abort = new AbortController();
    this.readyAbort = abort;
    this.spawnChild();
    void this.childGone.then((how) => abort.abort(new Error(`${how} before it accepted connections`)));
    try {
      await waitForUnixSocket(this.opts.socketPath, { timeoutMs: this.opts.readyTimeoutMs ?? 30_000, signal: abort.signal });
    } catch (err) {
      throw abort.signal.aborted ? abort.signal.reason : err;
    } finally {
      this.readyAbort = null;
    }
    this.opts.onReady();
  }

  private spawnChild(): void {
    // why: a crashed codex leaves its socket file behind; remove it so the probe cannot hit a stale one.
    rmSync(this.opts.socketPath, { force: true });
    const codexArgs = ['app-server', '--listen', `unix://${this.opts.socketPath}`];
    // why: codex in listen mode ignores stdin EOF, so a SIGKILLed bridge would orphan it; pdeathsig
    // makes the kernel send SIGTERM when the bridge dies (the npm wrapper forwards it to the binary).
    const [cmd, args] =
      this.opts.setprivPath !== null
        ? [this.opts.setprivPath, ['--pdeathsig', 'SIGTERM', '--', this.opts.codexPath, ...codexArgs]]
        : [this.opts.codexPath, codexArgs];
    const child = spawn(cmd, args, {
      cwd: this.opts.cwd,
      env: this.opts.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // why: own process group, so stop() can end codex and everything it started
      shell: false,
    });
    this.child = child;
    this.startedAt = Date.now();
    if (child.pid !== undefined) this.opts.onSpawned?.(child.pid);
    const sink = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      this.stderr.push(text);
      this.opts.passthrough?.(text);
    };
    child.stdout?.on('data', sink);
    child.stderr?.on('data', sink);
    this.childGone = new Promise((resolveGone) => {
      let gone = false;
      const finish = (code: number | null, signal: NodeJS.Signals | null): void => {
        if (gone) return;
        gone = true;
        this.onChildGone(child, code, signal);
        resolveGone(describeExit(code, signal));
      };
      child.once('exit', finish);
      child.once('error', (err) => {
        this.stderr.push(`spawn failed: ${err.message}\n`);
        if (child.pid === undefined) finish(null, null);
      });
    });
  }

  private onChildGone(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.child !== child) return;
    // why: the leader may be setpriv or the npm wrapper; anything left in its group goes with it.
    this.signalGroup('SIGKILL');
    this.child = null;
    if (this.stopping || !this.started) return;
    const plan = nextRestart(this.failures, Date.now() - this.startedAt);
    this.failures = plan.failures;
    this.opts.log(`okcode-bridge: ${describeExit(code, signal)}; restarting in ${plan.delayMs / 1000} s`);
    if (this.opts.passthrough === undefined) {
      for (const line of this.stderrTail(10)) this.opts.log(`  codex: ${line}`);
    }
    this.opts.onExit({ code, signal, restarting: true });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.restart().catch(() => undefined);
    }, plan.delayMs);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.spawnAndWait();
    } catch (err) {
      if (this.child !== null && !this.stopping) {
        // Alive but never accepted connections: kill it; its exit schedules the next attempt.
        this.opts.log(`okcode-bridge: ${(err as Error).message}`);
        this.signalGroup('SIGKILL');
      }
    }
  }

  private async killAndWait(): Promise<void> {
    this.readyAbort?.abort(new Error('stopping'));
    if (this.child === null) return;
    const gone = this.childGone;
    this.signalGroup('SIGTERM');
    if (!(await settlesWithin(gone, this.opts.stopGraceMs ?? 3000))) {
      this.signalGroup('SIGKILL');
      await settlesWithin(gone, 2000);
    }
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child?.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  }
}

/** True if `p` settles within `ms`; the timer is cleared either way, so it never holds the process open. */
function settlesWithin(p: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    void p.then(() => {
      clearTimeout(timer);
      done(true);
    });
  });
}

function describeExit(code: number | null, signal: string | null): string {
  if (signal !== null) return `codex was killed by ${signal}`;
  return code === null ? 'codex could not be started' : `codex exited with code ${code}`;
}
