// Records real `codex app-server` frame sequences into tests/fixtures/codex/<scenario>.jsonl.
//
//   node --import tsx scripts/record-fixtures.ts            # every scenario
//   node --import tsx scripts/record-fixtures.ts text-turn  # only the named ones
//
// Each line is one frame exactly as codex sent it (notifications, server requests and responses), or
// `{"__client": <message>}` for what the recorder sent, in order. The only change is that absolute
// scratch paths become placeholders (/WORKDIR, /CODEX_HOME, /HOME_DIR, /SCRATCH, /REPO).
// Scenarios live in tests/support/fixture-scenarios.ts and fixture-scenarios-extra.ts. Re-record
// whenever the pinned codex changes.
import { execFileSync } from 'node:child_process';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isAnyServerRequest } from '../tests/support/codex-frames.ts';
import { startCodexHarness, type CodexHarness } from '../tests/support/codex-harness.ts';
import { REPO_ROOT, codexBin } from '../tests/support/codex-paths.ts';
import { startThread, startTurn, waitForTurnCompleted } from '../tests/support/codex-turns.ts';
import { FIXTURE_SCENARIOS } from '../tests/support/fixture-scenarios.ts';
import { EXTRA_SCENARIOS, writeScenarioFiles, type ExtraScenario } from '../tests/support/fixture-scenarios-extra.ts';
import { replacePaths, type PathPlaceholder } from '../tests/support/path-placeholders.ts';

const OUT_DIR = join(REPO_ROOT, 'tests', 'fixtures', 'codex');
const SETTLE_MS = 300;
const SCENARIOS: readonly ExtraScenario[] = [...FIXTURE_SCENARIOS, ...EXTRA_SCENARIOS];

function placeholders(h: CodexHarness): PathPlaceholder[] {
  const pairs: [string, string][] = [
    [h.env.workDir, '/WORKDIR'],
    [h.env.codexHome, '/CODEX_HOME'],
    [h.env.homeDir, '/HOME_DIR'],
    [h.env.root, '/SCRATCH'],
    [REPO_ROOT, '/REPO'],
  ];
  // why: codex may print the canonical path when the checkout sits behind a symlink.
  return pairs.flatMap(([path, placeholder]) => {
    const real = realpathSync(path);
    return real === path ? [{ path, placeholder }] : [{ path, placeholder }, { path: real, placeholder }];
  });
}

function answerRequests(h: CodexHarness, scenario: ExtraScenario): void {
  const { answer } = scenario;
  if (answer === undefined) return;
  h.client.onFrame((f) => {
    if (isAnyServerRequest(f)) h.client.respond(f.id, answer(f));
  });
}

async function record(scenario: ExtraScenario): Promise<string> {
  const h = await startCodexHarness({
    env: { ...scenario.env, name: `fixture-${scenario.name}` },
    client: { ...(scenario.clientArgs ? { args: scenario.clientArgs } : {}), experimentalApi: scenario.experimentalApi ?? false },
  });
  try {
    if (scenario.script) h.model.setScript(scenario.script(h.env));
    writeScenarioFiles(h.env, scenario);
    answerRequests(h, scenario);
    const { thread } = await startThread(h.client, { ...scenario.thread, cwd: h.env.workDir });
    const turn = await startTurn(h.client, thread.id, scenario.prompt, scenario.turn ?? {});
    await scenario.during?.(h.client, turn);
    const done = await waitForTurnCompleted(h.client, turn, 30_000);
    const status = done.params.turn.status;
    if (status !== scenario.turnStatus) throw new Error(`${scenario.name}: turn ${status}, expected ${scenario.turnStatus}`);
    await scenario.after?.(h.client, turn);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const lines = h.client.transcript.map((e) => (e.dir === 'in' ? e.raw : JSON.stringify({ __client: e.frame })));
    return `${replacePaths(lines.join('\n'), placeholders(h))}\n`;
  } finally {
    await h.close();
  }
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !SCENARIOS.some((s) => s.name === w));
  if (unknown.length > 0) throw new Error(`unknown scenario(s): ${unknown.join(', ')}`);
  const version = execFileSync(codexBin(), ['--version'], { encoding: 'utf8' }).trim();
  console.log(`recording with ${version}`);
  mkdirSync(OUT_DIR, { recursive: true });
  for (const scenario of SCENARIOS) {
    if (wanted.length > 0 && !wanted.includes(scenario.name)) continue;
    const text = await record(scenario);
    writeFileSync(join(OUT_DIR, `${scenario.name}.jsonl`), text);
    console.log(`  ${scenario.name}.jsonl  ${text.split('\n').length - 1} lines`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
