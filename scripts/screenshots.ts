// Screenshots of the main views for the README, made the way a user sees them: okcode-bridge + the
// real codex app-server + the scripted model + Chromium. Needs a build (`npm run build`) first.
//   node --import tsx scripts/screenshots.ts     # writes docs/screenshots/*.png
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { codexBin, makeCodexEnv } from '../tests/support/codex-env.ts';
import { REPO_ROOT } from '../tests/support/codex-paths.ts';
import { startScriptedModel } from '../tests/support/scripted-model.ts';
import { launchChromium } from '../tests/e2e/helpers/browser.ts';
import { startBridge } from '../tests/e2e/helpers/bridge-process.ts';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');
const TIMEOUT = 30_000;
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

async function shoot(page: Page, name: string): Promise<void> {
  for (const [suffix, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    const file = join(OUT, `${name}-${suffix}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await page.setViewportSize(DESKTOP);
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Message' }).fill(text);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const model = await startScriptedModel();
  const env = makeCodexEnv({ modelUrl: model.url, name: 'screenshots' });
  const bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' })).newPage();
    const log = page.getByRole('log', { name: 'Transcript' });
    await page.goto(bridge.url);
    await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'New thread', exact: true }).click();
    await send(page, 'Explain what this project does');
    await log.getByText('Echo: Explain what this project does').waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: TIMEOUT });
    await send(page, '[plan] Make a plan for the tests');
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'New thread', exact: true }).click();
    await send(page, 'Second thread for the list');
    await log.getByText('Echo: Second thread for the list').waitFor({ timeout: TIMEOUT });
    await page.getByRole('navigation', { name: 'Threads' }).getByRole('button', { name: 'Explain what this project does' }).click();
    await log.getByText('Make a plan for the tests').first().waitFor({ timeout: TIMEOUT });
    await shoot(page, 'thread');

    await send(page, '[cmd:npm test] Run the tests');
    await page.getByRole('button', { name: 'Approve', exact: true }).waitFor({ timeout: TIMEOUT });
    await shoot(page, 'approval');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: TIMEOUT });

    await send(page, '[slow:800] A long answer');
    await page.getByRole('button', { name: 'Stop' }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('textbox', { name: 'Message' }).fill('Also check the docs');
    await shoot(page, 'running-turn');
    await page.getByRole('button', { name: 'Stop' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('');

    await page.getByRole('button', { name: 'Diagnostics' }).click();
    await page.getByRole('dialog', { name: 'Diagnostics' }).waitFor({ timeout: TIMEOUT });
    await page.waitForTimeout(300);
    await shoot(page, 'diagnostics');
    await page.getByRole('button', { name: 'Close' }).click();

    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot(page, 'thread-dark');

    await bridge.stop('SIGTERM');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.getByRole('status').filter({ hasText: 'okcode-bridge' }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Send', exact: true }).waitFor({ timeout: TIMEOUT });
    await send(page, 'Sent while the bridge is down');
    await page.getByText('Waiting for the bridge').waitFor({ timeout: TIMEOUT });
    await shoot(page, 'offline');
  } finally {
    await browser.close();
    await bridge.stop();
    await model.close();
    env.cleanup();
  }
}

await main();
