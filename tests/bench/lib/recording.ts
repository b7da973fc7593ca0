/**
 * The recorded 100k-frame stream for the ingest benchmark: frames exactly as the real codex wrote them
 * (one per line) for one long turn of the scripted model (see stream-script.ts), recorded once with
 * the codex test client and cached under tests/bench/.cache/. It is recorded again when the cache is
 * missing, or was made by another codex version or another version of the script.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAnyServerRequest } from '../../support/codex-frames.ts';
import { startCodexHarness } from '../../support/codex-harness.ts';
import { codexBin } from '../../support/codex-paths.ts';
import { startThread, startTurn, waitForTurnCompleted } from '../../support/codex-turns.ts';
import {
  RECORD_COMMAND,
  RECORD_DELTAS_PER_STEP,
  RECORD_FINAL_DELTAS,
  RECORD_PROMPT,
  RECORD_STEPS,
  benchScript,
} from './stream-script.ts';

export const CACHE_DIR = fileURLToPath(new URL('../.cache/', import.meta.url));
const STREAM_FILE = join(CACHE_DIR, 'codex-stream.jsonl');
const META_FILE = join(CACHE_DIR, 'codex-stream.meta.json');
/** Bump when the recorded scenario changes. */
const SCENARIO = `v1:${RECORD_STEPS}x${RECORD_DELTAS_PER_STEP}+${RECORD_FINAL_DELTAS}:${RECORD_COMMAND}`;

export interface Recording {
  /** Raw frames codex sent (notifications, server requests and responses), in order. */
  readonly lines: readonly string[];
  readonly codexVersion: string;
  /** True when this run recorded it (false: read from the cache). */
  readonly fresh: boolean;
  /** Recording time in ms (0 when read from the cache). */
  readonly recordMs: number;
}

interface Meta {
  codexVersion: string;
  scenario: string;
  frames: number;
}

function cachedMeta(): Meta | null {
  if (!existsSync(META_FILE) || !existsSync(STREAM_FILE)) return null;
  try {
    return JSON.parse(readFileSync(META_FILE, 'utf8')) as Meta;
  } catch {
    return null;
  }
}

/** Records one long turn from the real codex; returns its raw frames. */
async function record(): Promise<string[]> {
  const h = await startCodexHarness({ model: { script: benchScript }, env: { name: 'bench-record' } });
  try {
    h.client.onFrame((f) => {
      if (isAnyServerRequest(f)) h.client.respond(f.id, { decision: 'accept' });
    });
    const { thread } = await startThread(h.client, { cwd: h.env.workDir, approvalPolicy: 'untrusted', sandbox: 'workspace-write' });
    const turn = await startTurn(h.client, thread.id, RECORD_PROMPT);
    const done = await waitForTurnCompleted(h.client, turn, 600_000);
    if (done.params.turn.status !== 'completed') throw new Error(`recorded turn ended ${done.params.turn.status}`);
    await new Promise((r) => setTimeout(r, 300));
    return h.client.transcript.filter((e) => e.dir === 'in').map((e) => e.raw);
  } finally {
    await h.close();
  }
}

/** The cached recording, recorded first if missing or stale. */
export async function loadRecording(): Promise<Recording> {
  const codexVersion = execFileSync(codexBin(), ['--version'], { encoding: 'utf8' }).trim();
  const meta = cachedMeta();
  if (meta !== null && meta.codexVersion === codexVersion && meta.scenario === SCENARIO) {
    const lines = readFileSync(STREAM_FILE, 'utf8').split('\n').filter((l) => l !== '');
    if (lines.length === meta.frames) return { lines, codexVersion, fresh: false, recordMs: 0 };
  }
  const t0 = performance.now();
  const lines = await record();
  const recordMs = performance.now() - t0;
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(STREAM_FILE, `${lines.join('\n')}\n`);
  const fresh: Meta = { codexVersion, scenario: SCENARIO, frames: lines.length };
  writeFileSync(META_FILE, `${JSON.stringify(fresh, null, 2)}\n`);
  return { lines, codexVersion, fresh: true, recordMs };
}
