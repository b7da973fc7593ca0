/**
 * A small test client for the real `codex app-server` over stdio JSONL (one JSON object per line both
 * ways). For integration tests and fixture recording only; it is not the product's client.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { codexBin } from './codex-paths.ts';
import type { Frame } from './codex-frames.ts';
import { FrameLog } from './frame-log.ts';
import { descendantsOf, isAlive, killAll, waitGone } from './process-tree.ts';

/** Options of {@link startCodexClient}. */
export interface CodexClientOptions {
  /** The environment codex runs with (from makeCodexEnv). */
  env: NodeJS.ProcessEnv;
  /** The server process's cwd (the default cwd of new threads). */
  cwd?: string;
  /** Extra arguments after `app-server`, e.g. `['--enable', 'request_permissions_tool']`. */
  args?: string[];
  /** `clientInfo.name` (default `okcode_tests`). */
  clientName?: string;
  /** `capabilities.experimentalApi` (default false). */
  experimentalApi?: boolean;
  /** `capabilities.optOutNotificationMethods` (default none). */
  optOutNotificationMethods?: string[];
}

/** One line of the conversation, in either direction, as raw text and parsed. */
export interface TranscriptEntry {
  dir: 'in' | 'out';
  raw: string;
  frame: Frame;
}

/** A JSON-RPC error reply from codex. */
export class CodexRpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data: unknown,
  ) {
    super(message);
    this.name = 'CodexRpcError';
  }
}

const live = new Set<CodexClient>();
// why: a test that crashes before close() must not leave codex running (stdin EOF alone ends it,
// but commands codex started may outlive it).
process.on('exit', () => {
  for (const c of live) c.killNow();
});

/** A running `codex app-server` child, initialised. Create it with {@link startCodexClient}. */
export class CodexClient {
  private readonly log = new FrameLog();
  /** Notifications and server→client requests, raw, in arrival order (responses are not included). */
  readonly frames: Frame[] = this.log.frames;
  /** Every line in both directions (responses included), in order. */
  readonly transcript: TranscriptEntry[] = [];
  /** The `initialize` result. */
  initializeResult: unknown = null;
  /** Exit code once the process is gone (null if it died by signal or still runs). */
  exitCode: number | null = null;
  private exited = false;
  private stderrText = '';
  private stdoutBuf = '';
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private readonly exitPromise: Promise<void>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    child.stderr.on('data', (chunk: string) => {
      this.stderrText = (this.stderrText + chunk).slice(-200_000);
    });
    child.stdin.on('error', () => undefined);
    this.exitPromise = new Promise((resolve) => {
      child.once('exit', (code) => {
        this.exited = true;
        this.exitCode = code;
        live.delete(this);
        const err = new Error(`codex exited (code ${String(code)})\n${this.stderrTail()}`);
        for (const p of this.pending.values()) p.reject(err);
        this.pending.clear();
        this.log.fail(err);
        resolve();
      });
    });
    live.add(this);
  }

  /** The process id of the spawned launcher. */
  get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Everything codex wrote to stderr (last 200 kB). */
  get stderr(): string {
    return this.stderrText;
  }

  /**
   * Calls `listener` for every later notification or server request, as it arrives (e.g. to answer
   * approvals automatically). Returns the unsubscribe function.
   */
  onFrame(listener: (f: Frame) => void): () => void {
    return this.log.onFrame(listener);
  }

  /** Sends a request and resolves with its `result` (rejects with {@link CodexRpcError}). */
  request<T = unknown>(method: string, params?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (r) => resolve(r as T), reject });
      this.send(params === undefined ? { id, method } : { id, method, params });
    });
  }

  /** Sends a notification. */
  notify(method: string, params?: unknown): void {
    this.send(params === undefined ? { method } : { method, params });
  }

  /** Answers a server→client request. */
  respond(id: string | number, result: unknown): void {
    this.send({ id, result });
  }

  /** Answers a server→client request with a JSON-RPC error. */
  respondError(id: string | number, code: number, message: string): void {
    this.send({ id, error: { code, message } });
  }

  /** Writes one raw message line (for malformed-input tests, pass any object). */
  send(msg: Frame): void {
    if (this.exited) throw new Error('codex has exited');
    const raw = JSON.stringify(msg);
    this.transcript.push({ dir: 'out', raw, frame: msg });
    this.child.stdin.write(`${raw}\n`);
  }

  /**
   * Resolves with the first frame at index ≥ `from` in {@link frames} that matches, waiting for it
   * if needed; rejects after `timeoutMs` (with the methods seen so far) or when codex exits.
   */
  waitFor(predicate: (f: Frame) => boolean, timeoutMs = 15_000, from = 0): Promise<Frame> {
    return this.log.waitFor(predicate, timeoutMs, from, () => this.stderrTail());
  }

  /**
   * Ends the server: closes stdin (codex exits 0 on EOF), then SIGTERM and SIGKILL to its process
   * group if it lingers, then SIGKILL to any descendant still alive, and waits until they are gone.
   * Idempotent.
   */
  async close(graceMs = 3000): Promise<void> {
    const tree = descendantsOf(this.pid);
    if (!this.exited) {
      this.child.stdin.end();
      if (!(await this.exitedWithin(graceMs))) {
        killAll([-this.pid], 'SIGTERM');
        if (!(await this.exitedWithin(graceMs))) killAll([-this.pid], 'SIGKILL');
        await this.exitPromise;
      }
    }
    const stragglers = [...tree, ...descendantsOf(this.pid)].filter(isAlive);
    killAll([-this.pid, ...stragglers], 'SIGKILL');
    await waitGone(stragglers, graceMs);
  }

  /** Kills the process group at once (synchronous; used on test-process exit). */
  killNow(): void {
    killAll([-this.pid, ...descendantsOf(this.pid)], 'SIGKILL');
  }

  private async exitedWithin(ms: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), ms);
    });
    const done = await Promise.race([this.exitPromise.then(() => true), timeout]);
    clearTimeout(timer);
    return done;
  }

  private stderrTail(): string {
    return `codex stderr (tail):\n${this.stderrText.slice(-4000)}`;
  }

  private onStdout(chunk: string): void {
    this.stdoutBuf += chunk;
    let nl = this.stdoutBuf.indexOf('\n');
    while (nl >= 0) {
      const raw = this.stdoutBuf.slice(0, nl).replace(/\r$/, '');
      this.stdoutBuf = this.stdoutBuf.slice(nl + 1);
      if (raw.trim() !== '') this.onLine(raw);
      nl = this.stdoutBuf.indexOf('\n');
    }
  }

  private onLine(raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      this.stderrText += `\n[codex-client] unparseable stdout line: ${raw.slice(0, 200)}`;
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
    const frame = parsed as Frame;
    this.transcript.push({ dir: 'in', raw, frame });
    if (typeof frame['method'] !== 'string' && (typeof frame['id'] === 'number' || typeof frame['id'] === 'string')) {
      this.onResponse(frame);
      return;
    }
    this.log.push(frame);
  }

  private onResponse(frame: Frame): void {
    const p = this.pending.get(Number(frame['id']));
    if (p === undefined) return;
    this.pending.delete(Number(frame['id']));
    const error = frame['error'];
    if (typeof error === 'object' && error !== null) {
      const e = error as { code?: unknown; message?: unknown; data?: unknown };
      p.reject(new CodexRpcError(Number(e.code), String(e.message), e.data));
    } else {
      p.resolve(frame['result']);
    }
  }
}

/** Spawns `codex app-server` (stdio) in its own process group and performs initialize/initialized. */
export async function startCodexClient(opts: CodexClientOptions): Promise<CodexClient> {
  const child = spawn(codexBin(), ['app-server', ...(opts.args ?? [])], {
    cwd: opts.cwd ?? process.cwd(),
    env: opts.env,
    stdio: ['pipe', 'pipe', 'pipe'],
    // why: its own process group, so close() can take down codex and everything it started.
    detached: true,
  });
  const client = new CodexClient(child);
  const capabilities: Frame = { experimentalApi: opts.experimentalApi ?? false };
  if (opts.optOutNotificationMethods !== undefined) capabilities['optOutNotificationMethods'] = opts.optOutNotificationMethods;
  try {
    client.initializeResult = await client.request('initialize', {
      clientInfo: { name: opts.clientName ?? 'okcode_tests', title: null, version: '0.0.0' },
      capabilities,
    });
  } catch (e) {
    await client.close();
    throw e;
  }
  client.notify('initialized');
  return client;
}
