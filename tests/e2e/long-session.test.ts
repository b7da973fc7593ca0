/**
 * A long session under faults (issue 6): over 100 turns in three threads, typed into the composer and
 * answered on the approval cards, mixing text, slow streams, commands, patches, every approval decision
 * and failed turns, while the test drops the engine's WebSocket (through a proxy it can cut), reloads
 * the tab (opened through that proxy), restarts the bridge and kills codex, at random moments drawn from a seeded PRNG (the seed is
 * printed; `OKC_SEED=<n>` replays a run, `OKC_SEED=random` draws a new one).
 *
 * At the end, for every thread: the IndexedDB projection equals codex's thread/read, every prompt is in
 * codex exactly once, no turn is in progress, no approval is pending in the PWA, none was answered
 * twice on the wire, every accepted command ran at most once and no declined one ran, and no process
 * from any bridge or codex is left.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { defaultScript, PATCH_DONE_TEXT, PATCH_FILE_LINE } from '../support/default-script.ts';
import { addFilePatch, applyPatchViaExec, message, response } from '../support/script-builders.ts';
import type { ModelRequest } from '../support/model-request.ts';
import type { StreamPart } from '../support/script-step.ts';
import { commandOf, descendantsOf, waitGone } from '../support/process-tree.ts';
import { seededRandom, seedFromEnv } from '../support/seeded-random.ts';
import { report } from '../support/test-report.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { connectBridgeClient } from './helpers/bridge-client.ts';
import { codexProjection, storedProjection, withoutDeclined } from './helpers/projection.ts';
import { startCutProxy, type CutProxy } from './helpers/cut-proxy.ts';
import { AnswerTally } from './helpers/answer-tally.ts';
import { readStores } from './helpers/idb-read.ts';
import { planSession, promptOf, type Decision, type FaultKind, type TurnPlan } from './helpers/session-plan.ts';

const UI_TIMEOUT = 30_000;
const TURN_TIMEOUT = 60_000;
const TOKEN = 'e2e-long-session-token-012345678';
const THREADS = ['Thread A', 'Thread B', 'Thread C'];
const SHAPE = { turns: 104, threads: THREADS.length, faults: { drop: 24, reload: 6, restart: 2, codexKill: 1 } } as const;

/** The default script, plus `[patch:<name>]`: a patch adding `<name>.txt` (a new file each time). */
function script(req: ModelRequest): StreamPart[] {
  const name = /\[patch:(\w+)\]/.exec(req.lastUserText)?.[1];
  if (name === undefined) return defaultScript(req);
  if (req.step > 0) return response(message(PATCH_DONE_TEXT, { chunks: 2 }));
  return response(applyPatchViaExec(addFilePatch(`${name}.txt`, [PATCH_FILE_LINE])));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The button for a decision: names as the card shows them (shortcut hints may follow the words). */
const DECISION_BUTTON: Record<Decision, RegExp> = {
  accept: /^Approve(?! for)/,
  acceptForSession: /^Approve for session/,
  decline: /^Decline/,
  cancel: /^Cancel turn/,
  always: /^Always allow this command/,
};

type Projection = Awaited<ReturnType<typeof codexProjection>>;

/** What crossed the proxy that matters for a prompt recorded twice: prompts sent, and reconnects. */
const wire: Array<{ at: number; line: string }> = [];
function noteWire(dir: '→' | '←', text: string): void {
  let f: { type?: string; resumed?: boolean; msg?: { method?: string; id?: unknown; result?: { turn?: unknown }; params?: unknown } };
  try {
    f = JSON.parse(text) as typeof f;
  } catch {
    return;
  }
  const m = f.msg;
  const marker = /"t(\d+):/.exec(JSON.stringify(m?.params ?? ''))?.[0];
  let line: string | null = null;
  if (f.type === 'welcome') line = `welcome resumed=${String(f.resumed)}`;
  else if (f.type === 'codex-exit' || f.type === 'codex-ready' || f.type === 'gap') line = f.type;
  else if (m?.method === 'turn/start' || m?.method === 'turn/steer') line = `${m.method} #${String(m.id)} ${marker ?? ''}`;
  else if (m?.method === 'thread/resume') line = `thread/resume #${String(m.id)}`;
  else if (m?.result?.turn !== undefined) line = `turn result #${String(m.id)}`;
  else if (m?.method === 'item/started' && marker !== undefined && text.includes('"userMessage"')) line = `userMessage ${marker}`;
  if (line !== null) wire.push({ at: Date.now(), line: `${dir} ${line}` });
}


interface CodexTurn {
  id: string;
  status: string;
  items: Array<{ id: string; type: string; status?: string; content?: Array<{ text?: string }> }>;
}

suite('long session under faults: 100+ turns, dropped sockets, reloads, restarts, a codex crash', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let proxy: CutProxy;
  let browser: Browser;
  let page: Page;
  let port = 0;
  const tally = new AnswerTally();
  const seenPids = new Set<number>();

  const start = (p: number) =>
    startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin(), '--token', TOKEN, '--port', String(p), '--allow-origin', proxy.origin] });
  const connected = () => page.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor({ timeout: UI_TIMEOUT });
  const notePids = () => descendantsOf(bridge.process.pid ?? 0).forEach((pid) => seenPids.add(pid));

  before(async () => {
    model = await startScriptedModel({ script });
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-long' });
    proxy = await startCutProxy({
      targetPort: () => port,
      onClientText: (t) => {
        tally.toBridge(t);
        noteWire('→', t);
      },
      onServerText: (t) => {
        tally.fromBridge(t);
        noteWire('←', t);
      },
    });
    bridge = await start(0);
    port = Number(new URL(bridge.origin).port);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(`${proxy.origin}/#token=${TOKEN}`);
    await connected();
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await proxy?.close();
    await model?.close();
    env?.cleanup();
  });

  test('every thread converges on codex, nothing doubled, nothing stuck, nothing leaked', async (t) => {
    let passed = false;
    // why: the proof suite's summary counts failed scenarios too.
    t.after(() => {
      if (!passed) report('scenarios', { run: 1, turns: SHAPE.turns, faults: 0, failures: 1 });
    });
    const rnd = seededRandom(seedFromEnv());
    t.diagnostic(`seed ${rnd.seed} (replay with OKC_SEED=${rnd.seed})`);
    const plan = planSession(rnd, SHAPE);
    const threadIds: Array<string | null> = THREADS.map(() => null);
    let shown = -1;
    const faults: Record<FaultKind, number> = { drop: 0, reload: 0, restart: 0, codexKill: 0 };
    const t0 = Date.now();
    const timeline: string[] = [];
    const mark = (what: string) => timeline.push(`${Date.now() - t0} ms ${what}`);
    /** The wire log from 3 s before the first frame naming `marker` to 3 s after its last. */
    const wireAround = (marker: string) => {
      const hits = wire.filter((w) => w.line.includes(marker)).map((w) => w.at);
      const from = Math.min(...hits) - 3000;
      const to = Math.max(...hits) + 3000;
      return wire.filter((w) => w.at >= from && w.at <= to).map((w) => `${w.at - t0} ms ${w.line}`).join('\n');
    };
    const where = (turn: TurnPlan) => `seed ${rnd.seed}, turn ${JSON.stringify(turn)}; lately: ${timeline.slice(-8).join('; ')}`;

    async function inject(kind: FaultKind): Promise<void> {
      mark(kind);
      notePids();
      switch (kind) {
        case 'drop':
          if (proxy.cut() > 0) faults.drop++;
          return;
        case 'reload':
          await page.reload();
          faults.reload++;
          return;
        case 'restart':
          assert.equal(await bridge.stop('SIGTERM'), 0, 'the bridge stops cleanly');
          bridge = await start(port);
          faults.restart++;
          return;
        case 'codexKill': {
          const codex = descendantsOf(bridge.process.pid ?? 0).filter((pid) => commandOf(pid).includes('app-server'));
          assert.ok(codex.length > 0, 'found codex under the bridge');
          for (const pid of codex) process.kill(pid, 'SIGKILL');
          faults.codexKill++;
          return;
        }
      }
    }

    /** Selects (or starts) the turn's thread in the UI; returns the label when this turn opens it. */
    async function showThread(i: number): Promise<string | null> {
      if (shown === i) return null;
      shown = i;
      if (threadIds[i] === null) {
        const selected = async () => String(await page.evaluate('sessionStorage.getItem("okcode.selectedThread")'));
        const previous = await selected();
        // why: starting a thread needs codex; a fault just before may leave the click unanswered.
        for (let tries = 0; threadIds[i] === null; tries++) {
          assert.ok(tries < 5, `could not start ${THREADS[i]} (seed ${rnd.seed})`);
          await connected();
          await page.getByRole('button', { name: 'New thread', exact: true }).click();
          for (let w = 0; w < 50 && threadIds[i] === null; w++) {
            const now = await selected();
            if (now !== previous && now !== 'null') threadIds[i] = now;
            else await sleep(100);
          }
        }
        return THREADS[i] ?? null;
      }
      await page.getByRole('navigation', { name: 'Threads' }).getByRole('button', { name: `${THREADS[i]} opens` }).click();
      return null;
    }

    /** Clicks the planned decision on the pending card; false when there is none to click now. */
    async function answer(decision: Decision): Promise<boolean> {
      try {
        if (decision === 'acceptForSession') {
          const more = page.getByRole('button', { name: /^More options/ }).first();
          if ((await more.getAttribute('aria-expanded', { timeout: 1000 })) !== 'true') await more.click({ timeout: 1000 });
        }
        let button = page.getByRole('button', { name: DECISION_BUTTON[decision] }).first();
        // why: codex proposes an exec-policy prefix only for some commands; without one, Approve stands in.
        if (decision === 'always' && (await button.count()) === 0) button = page.getByRole('button', { name: DECISION_BUTTON.accept }).first();
        if (!(await button.isEnabled({ timeout: 1000 }))) return false;
        await button.click({ timeout: 1000 });
        return true;
      } catch {
        return false; // the card changed under us (answered elsewhere, expired, re-rendered): look again
      }
    }

    /** Where the turn stands in what the PWA stored. */
    async function storedTurn(threadId: string | null, marker: string) {
      const s = await readStores(page, ['items', 'turns', 'approvals', 'outbox']);
      const mine = <T extends Record<string, unknown>>(rows: T[]) => rows.filter((r) => r['threadId'] === threadId);
      const prompt = mine(s['items'] ?? []).find((i) => i['kind'] === 'userMessage' && String(i['text']).startsWith(marker));
      const turn = mine(s['turns'] ?? []).find((x) => x['turnId'] === prompt?.['turnId']);
      return {
        delivered: prompt !== undefined,
        running: turn === undefined || turn['status'] === 'inProgress',
        approvalPending: mine(s['approvals'] ?? []).some((a) => a['state'] === 'pending'),
        outbox: mine(s['outbox'] ?? []),
      };
    }

    /** The last turns of a thread as codex and the page have them, for the message of a stuck turn. */
    async function threadDump(threadId: string): Promise<string> {
      try {
        const client = await connectBridgeClient(bridge);
        try {
          const codex = await codexProjection(client, threadId);
          const stored = await storedProjection(page, threadId);
          const box = await page.getByRole('textbox', { name: 'Message' }).inputValue().catch(String);
          const alerts = await page.getByRole('alert').allTextContents().catch(() => []);
          const status = await page.getByRole('status').allTextContents().catch(() => []);
          return `composer: ${JSON.stringify(box)} alerts: ${JSON.stringify(alerts)} status: ${JSON.stringify(status)}\ncodex: ${JSON.stringify(codex.items.slice(-4))}\npage: ${JSON.stringify(stored.items.slice(-4))}\nmodel: ${JSON.stringify(model.requests.slice(-3).map((r) => r.lastUserText))}`;
        } finally {
          client.close();
        }
      } catch (e) {
        return String(e);
      }
    }

    async function runTurn(turn: TurnPlan): Promise<void> {
      const fault = turn.fault;
      if (fault?.phase === 'before') {
        if (fault.kind === 'drop') await connected();
        await inject(fault.kind);
      }
      mark(`t${turn.n} ${turn.kind} ${turn.decision ?? ''} ${turn.fault?.phase ?? ''}`);
      const opens = await showThread(turn.thread);
      const marker = `t${turn.n}:`;
      await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('textbox', { name: 'Message' }).fill(promptOf(turn, opens));
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      if (fault?.phase === 'afterSend') await inject(fault.kind);
      let faultPending = fault !== null && (fault.phase === 'atApproval' || fault.phase === 'afterAnswer');
      const deadline = Date.now() + TURN_TIMEOUT;
      for (;;) {
        const s = await storedTurn(threadIds[turn.thread] ?? null, marker);
        if (s.delivered && !s.running && !s.approvalPending && s.outbox.length === 0) break;
        if (s.approvalPending && turn.decision !== null) {
          if (faultPending && fault?.phase === 'atApproval') {
            faultPending = false;
            await inject(fault.kind);
          }
          if ((await answer(turn.decision)) && faultPending && fault?.phase === 'afterAnswer') {
            faultPending = false;
            await inject(fault.kind);
          }
        }
        if (Date.now() > deadline) assert.fail(`turn did not finish (${where(turn)}):\n${JSON.stringify(s, null, 1)}\n${await threadDump(threadIds[turn.thread] ?? '')}`);
        await sleep(100);
      }
    }

    for (const turn of plan) await runTurn(turn);

    // Everything settles: what the PWA stored equals what codex says, per thread.
    await connected();
    const codexTurns = new Map<string, CodexTurn[]>();
    for (const threadId of threadIds) {
      if (threadId === null) continue;
      const deadline = Date.now() + UI_TIMEOUT;
      for (;;) {
        const client = await connectBridgeClient(bridge);
        try {
          const codex: Projection = withoutDeclined(await codexProjection(client, threadId));
          const stored: Projection = withoutDeclined(await storedProjection(page, threadId));
          if (JSON.stringify(stored) === JSON.stringify(codex) && codex.turnsInProgress === 0) {
            const r = await client.request<{ thread: { turns: CodexTurn[] } }>('thread/read', { threadId, includeTurns: true });
            codexTurns.set(threadId, r.thread.turns);
            break;
          }
          if (Date.now() > deadline) {
            const ids = new Set(codex.items.map((i) => i.id));
            const extra = stored.items.filter((i) => !ids.has(i.id));
            const read: { thread: { turns: CodexTurn[] } } = await client.request('thread/read', { threadId, includeTurns: true });
            const near: string[] = read.thread.turns.slice(-5).map((x) => `${x.status}: ${x.items.map((i) => `${i.type} ${i.status ?? ''} ${i.content?.[0]?.text ?? ''}`).join(' | ')}`);
            assert.deepEqual(stored, codex, `thread ${threadId} converged (seed ${rnd.seed}); only on the page: ${JSON.stringify(extra)}; ${JSON.stringify(near)}\n${timeline.join('\n')}`);
          }
        } finally {
          client.close();
        }
        await sleep(250);
      }
    }

    // Every prompt is in codex exactly once, in its thread; no item id appears twice.
    const promptTurn = new Map<number, { thread: string; turn: CodexTurn }>();
    for (const [threadId, turns] of codexTurns) {
      const ids = turns.flatMap((x) => x.items.map((i) => i.id));
      assert.equal(new Set(ids).size, ids.length, `no item twice in ${threadId}`);
      for (const turn of turns) {
        for (const item of turn.items) {
          const n = item.type === 'userMessage' ? /^t(\d+):/.exec(item.content?.[0]?.text ?? '')?.[1] : undefined;
          if (n === undefined) continue;
          assert.ok(!promptTurn.has(Number(n)), `prompt t${n} recorded once (seed ${rnd.seed})\n${wireAround(`"t${n}:`)}\n${timeline.join('\n')}`);
          promptTurn.set(Number(n), { thread: threadId, turn });
        }
      }
    }
    for (const turn of plan) {
      assert.equal(promptTurn.get(turn.n)?.thread, threadIds[turn.thread], `t${turn.n} reached codex in its thread (seed ${rnd.seed})`);
    }

    // Approvals: none left open in the PWA, none answered twice on the wire, every decision used.
    const left = await readStores(page, ['approvals', 'outbox']);
    assert.deepEqual((left['approvals'] ?? []).filter((a) => a['state'] === 'pending'), [], 'no approval left pending');
    assert.deepEqual(left['outbox'], [], 'nothing left in the outbox');
    const twice = tally.answeredTwice();
    assert.deepEqual(twice, [], `no approval answered twice (seed ${rnd.seed}): ${JSON.stringify(twice.map((id) => [id, tally.historyOf(id)]))}\n${timeline.join('\n')}`);
    for (const d of ['accept', 'acceptForSession', 'decline', 'cancel', 'acceptWithExecpolicyAmendment']) {
      assert.ok((tally.decisions.get(d) ?? 0) > 0, `codex got a ${d} answer (seed ${rnd.seed}): ${JSON.stringify([...tally.decisions])}`);
    }
    // The model saw at most one output per tool call.
    for (const req of model.requests) {
      const outputs = req.body.input.filter((i) => i.type === 'function_call_output').map((i) => String(i['call_id']));
      assert.equal(new Set(outputs).size, outputs.length, 'one output per call id');
    }

    // Side effects: an accepted command ran once, a declined or cancelled one never; the same for patches.
    const log = existsSync(join(env.workDir, 'log.txt')) ? readFileSync(join(env.workDir, 'log.txt'), 'utf8').split('\n').filter(Boolean) : [];
    assert.equal(new Set(log).size, log.length, `no command ran twice: ${log.join(' ')}`);
    for (const turn of plan) {
      if (turn.kind !== 'cmd' && turn.kind !== 'patch') continue;
      const tool = promptTurn.get(turn.n)?.turn.items.find((i) => i.type === 'commandExecution' || i.type === 'fileChange');
      const ran = tool?.status === 'completed';
      const effect =
        turn.kind === 'patch'
          ? existsSync(join(env.workDir, `p${turn.n}.txt`))
          : turn.decision === 'always'
            ? existsSync(join(env.workDir, `always-${turn.n}.txt`))
            : log.includes(`t${turn.n}`);
      // why: codex writes a tool item down when it ends; one killed while the command ran (a restart
      // or a kill during the turn) keeps no item, though the command may have run (once: see above).
      const codexDied = turn.fault !== null && turn.fault.phase !== 'before' && (turn.fault.kind === 'restart' || turn.fault.kind === 'codexKill');
      if (!(codexDied && tool === undefined)) {
        assert.equal(effect, ran, `t${turn.n}: the side effect matches codex's ${tool?.type ?? 'no item'} ${tool?.status ?? ''} (seed ${rnd.seed})`);
      }
      if (turn.decision === 'decline' || turn.decision === 'cancel') assert.equal(effect, false, `t${turn.n} (${turn.decision}) did not run`);
    }

    // Nothing leaked: every process any bridge started is gone once the last one stops.
    notePids();
    const bridgePid = bridge.process.pid ?? 0;
    assert.equal(await bridge.stop('SIGTERM'), 0);
    assert.deepEqual(await waitGone([bridgePid, ...seenPids], 10_000), [], 'no process left behind');

    assert.ok(faults.drop >= 20, `dropped the socket ${faults.drop} times`);
    const faultTotal = faults.drop + faults.reload + faults.restart + faults.codexKill;
    t.diagnostic(`faults ${JSON.stringify(faults)}, answers ${JSON.stringify([...tally.decisions])}`);
    passed = true;
    report('scenarios', { run: 1, turns: plan.length, faults: faultTotal, failures: 0 });
    report('faults', { wsDrops: faults.drop, reloads: faults.reload, bridgeRestarts: faults.restart, codexKills: faults.codexKill });
  });
});
