/**
 * Every approval decision a user can make, through the real bridge, codex and the scripted model
 * (walking-skeleton.test.ts covers plain Approve and Decline of a command): Approve for session, Always
 * allow this command (codex's exec-policy amendment), Cancel turn, and a file change approved and
 * declined. Each checks what codex recorded (thread/read), the workspace, and what the page shows.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { CMD_DONE_TEXT, PATCH_DONE_TEXT, PATCH_FILE, PATCH_FILE_LINE, PLAN_DONE_TEXT } from '../support/default-script.ts';
import { launchChromium } from './helpers/browser.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { connectBridgeClient } from './helpers/bridge-client.ts';
import { converged } from './helpers/converge.ts';
import { storedProjection } from './helpers/projection.ts';
import { readStores } from './helpers/idb-read.ts';

const UI_TIMEOUT = 30_000;

interface CodexItem {
  type: string;
  status?: string;
  exitCode?: number | null;
  aggregatedOutput?: string | null;
}
interface CodexTurn {
  id: string;
  status: string;
  items: CodexItem[];
}

suite('approval decisions: for session, always allow, cancel turn, file changes', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let browser: Browser;
  let page: Page;
  let threadId: string;
  let turnsSoFar = 0;

  const transcript = () => page.getByRole('log', { name: 'Transcript' });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const card = (title: string) => page.getByRole('article', { name: title });
  const requestsWith = (text: string) => model.requests.filter((r) => r.lastUserText.includes(text)).length;

  async function send(text: string): Promise<void> {
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await button('Send').click();
  }

  /** What codex recorded for the thread's turns (thread/read). */
  async function codexTurns(): Promise<CodexTurn[]> {
    const client = await connectBridgeClient(bridge);
    try {
      const r = await client.request<{ thread: { turns: CodexTurn[] } }>('thread/read', { threadId, includeTurns: true });
      return r.thread.turns;
    } finally {
      client.close();
    }
  }

  /** How the page's store says a turn ended (from codex's live turn/completed), or null before it did. */
  async function storedTurnEnd(turnId: string): Promise<string | null> {
    const { turns = [] } = await readStores(page, ['turns']);
    const status = turns.find((t) => t['turnId'] === turnId)?.['status'];
    return typeof status === 'string' && status !== 'inProgress' ? status : null;
  }

  /**
   * Waits for the turn just sent to end, as the page saw it live, and for codex's thread/read to say
   * the same (and, unless told, for the page's projection to equal codex's); returns codex's turn.
   * why not thread/read alone: it never says `inProgress`; a running turn reads as `interrupted`.
   */
  async function nextTurnEnded(opts: { converge: boolean } = { converge: true }): Promise<CodexTurn> {
    const want = ++turnsSoFar;
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      const turns = await codexTurns();
      const last = turns.at(-1);
      if (turns.length === want && last !== undefined && (await storedTurnEnd(last.id)) === last.status) {
        if (opts.converge) await converged(page, bridge, threadId);
        return last;
      }
      if (Date.now() > deadline) assert.fail(`turn ${want} did not end: ${JSON.stringify(turns.map((t) => t.status))}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** Waits until `text` shows at the end of the transcript (scrolled there: its rows are virtualized). */
  async function shownLast(text: string): Promise<void> {
    await transcript().evaluate((log) => log.scrollTo(0, log.scrollHeight));
    await transcript().getByText(text, { exact: true }).filter({ visible: true }).last().waitFor({ timeout: UI_TIMEOUT });
  }

  const commandsOf = (t: CodexTurn) => t.items.filter((i) => i.type === 'commandExecution');
  const fileChangesOf = (t: CodexTurn) => t.items.filter((i) => i.type === 'fileChange');
  const workFile = (name: string) => join(env.workDir, name);

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-approvals' });
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    await page.goto(bridge.url);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: UI_TIMEOUT });
    await button('New thread').click();
    await send('Hello approvals');
    await transcript().getByText('Echo: Hello approvals').waitFor({ timeout: UI_TIMEOUT });
    threadId = String(await page.evaluate('sessionStorage.getItem("okcode.selectedThread")'));
    await nextTurnEnded();
  });

  after(async () => {
    await browser?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  test('Approve for session: the same command again runs without asking', async () => {
    const prompt = '[cmd:echo session-ok | tee -a session.txt]';
    await send(prompt);
    await card('Approve command?').waitFor({ timeout: UI_TIMEOUT });
    await button('More options').click();
    await button('Approve for session').click();
    const first = await nextTurnEnded();
    assert.deepEqual(commandsOf(first).map((c) => [c.status, c.exitCode]), [['completed', 0]]);

    // If codex asked again, nobody would answer and the turn would never end.
    await send(prompt);
    const second = await nextTurnEnded();
    assert.equal(second.status, 'completed', JSON.stringify(second));
    assert.deepEqual(commandsOf(second).map((c) => [c.status, c.exitCode]), [['completed', 0]]);
    assert.equal(readFileSync(workFile('session.txt'), 'utf8'), 'session-ok\nsession-ok\n');
    assert.equal(await card('Approve command?').count(), 0, 'no approval card is left');
    await shownLast(CMD_DONE_TEXT);
  });

  test('Always allow this command: codex saves the prefix and stops asking for it', async () => {
    await send('[cmd:echo always-ok]');
    await card('Approve command?').waitFor({ timeout: UI_TIMEOUT });
    await button('Always allow this command').click();
    const first = await nextTurnEnded();
    assert.deepEqual(commandsOf(first).map((c) => c.status), ['completed']);
    const rules = readFileSync(join(env.codexHome, 'rules', 'default.rules'), 'utf8');
    assert.match(rules, /prefix_rule\(pattern=\["echo", "always-ok"\], decision="allow"\)/);

    // A longer command with the same prefix: allowed by the rule, so it runs without a card.
    await send('[cmd:echo always-ok again]');
    const second = await nextTurnEnded();
    assert.deepEqual(commandsOf(second).map((c) => [c.status, c.aggregatedOutput?.trim()]), [['completed', 'always-ok again']]);
    assert.equal(await card('Approve command?').count(), 0, 'no approval card is left');
    await shownLast('always-ok again');
  });

  test('a file change declined: nothing is written and the agent carries on', async () => {
    await send('[patch] declined');
    await card('Apply file changes?').waitFor({ timeout: UI_TIMEOUT });
    await card('Apply file changes?').getByRole('button', { name: 'Decline', exact: true }).click();
    const turn = await nextTurnEnded();
    assert.equal(turn.status, 'completed');
    assert.deepEqual(fileChangesOf(turn).map((c) => c.status), ['declined']);
    assert.equal(existsSync(workFile(PATCH_FILE)), false);
    await card('Apply file changes?').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await shownLast('Declined');
  });

  test('a file change approved: the file is written and the card shows it done', async () => {
    await send('[patch] approved');
    await card('Apply file changes?').waitFor({ timeout: UI_TIMEOUT });
    await card('Apply file changes?').getByRole('button', { name: 'Approve', exact: true }).click();
    const turn = await nextTurnEnded();
    assert.equal(turn.status, 'completed');
    assert.deepEqual(fileChangesOf(turn).map((c) => c.status), ['completed']);
    assert.equal(readFileSync(workFile(PATCH_FILE), 'utf8'), `${PATCH_FILE_LINE}\n`);
    await card('Apply file changes?').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await shownLast(PATCH_DONE_TEXT);
    // codex's turn/diff/updated: the turn's changes, summed up after its last item.
    const changes = transcript().getByRole('region', { name: 'Changes in this turn' }).last();
    await changes.getByText('1 file, +1 −0').waitFor({ timeout: UI_TIMEOUT });
  });

  test('a plan (update_plan) shows as a checklist after the turn’s items', async () => {
    await send('[plan] make a plan');
    await nextTurnEnded();
    await shownLast(PLAN_DONE_TEXT);
    const plan = transcript().getByRole('region', { name: 'Plan' }).last();
    for (const step of ['Read the code', 'Make the change', 'Run the tests']) {
      await plan.getByText(step, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
    }
  });
  // Last, because codex does not keep the cancelled command: its thread/read lacks the item the page
  // saw live as "declined", so the two projections differ from here on (converged() would not hold).
  test('Cancel turn: the command never runs and the turn ends interrupted', async () => {
    const prompt = '[cmd:echo cancelled > cancelled.txt]';
    await send(prompt);
    await card('Approve command?').waitFor({ timeout: UI_TIMEOUT });
    await button('Cancel turn').click();
    const turn = await nextTurnEnded({ converge: false });
    assert.equal(turn.status, 'interrupted');
    assert.deepEqual(commandsOf(turn).filter((c) => c.status !== 'declined'), [], 'no command ran');
    assert.equal(existsSync(workFile('cancelled.txt')), false, 'the command did not run');
    assert.equal(requestsWith('cancelled.txt'), 1, 'codex did not ask the model again');
    await card('Approve command?').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await button('Send').waitFor({ timeout: UI_TIMEOUT });
    await shownLast('Declined');
    assert.equal((await storedProjection(page, threadId)).turnsInProgress, 0, 'the page has no turn in progress');
  });
});
