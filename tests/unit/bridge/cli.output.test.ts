/**
 * What the okcode-bridge command prints: the token only in the one ready line (never on stderr, not
 * even with --verbose copying codex's output), and no color escapes when NO_COLOR is set.
 */
import assert from 'node:assert/strict';
import { after, before, suite, test } from 'node:test';
import { buildBridge, cleanEnv, startCli, type RunningCli } from './cli-harness.ts';
import { MOCK_PEER, openSession, scratchDir } from './harness.ts';

const ESC = '\u001b';
const TOKEN = 'env-token-0123456789abcdefXYZ';

/**
 * Runs a bridge whose mock codex writes its whole environment to stderr in color, opens a session,
 * and stops the bridge. Without --verbose, codex exits and comes back first: the bridge logs codex's
 * last lines on an exit, so that is when they reach stderr.
 */
async function noisyRun(stateHome: string, args: string[], extra: NodeJS.ProcessEnv): Promise<RunningCli> {
  const bridge = await startCli(['--codex', MOCK_PEER, ...args], cleanEnv(stateHome, { MOCK_PEER_DUMP_ENV: '1', ...extra }));
  const { client } = await openSession(bridge.port, { token: bridge.token });
  if (!args.includes('--verbose')) {
    await client.call('test/exit', { code: 5 });
    await client.take((f) => f.type === 'codex-ready', 5000);
  }
  await bridge.stop();
  await client.closed;
  return bridge;
}

suite('okcode-bridge output', () => {
  const state = scratchDir('okc-output-state-');
  before(buildBridge);
  after(() => state.remove());

  test('the token appears once, in the ready line, even with --verbose and OKCODE_TOKEN in the environment', async () => {
    const bridge = await noisyRun(state.dir, ['--verbose'], { OKCODE_TOKEN: TOKEN });
    assert.equal(bridge.token, TOKEN);
    assert.equal(bridge.stdout(), `okcode-bridge ready: http://127.0.0.1:${bridge.port}/#token=${TOKEN}\n`);
    const stderr = bridge.stderr();
    assert.match(stderr, /MOCK_PEER_DUMP_ENV=1/, 'codex\'s environment was copied to stderr');
    assert.ok(!stderr.includes(TOKEN), 'the token is not on stderr: codex never had it');
  });

  test('codex\'s colors pass through --verbose by default', async () => {
    const bridge = await noisyRun(state.dir, ['--verbose'], {});
    assert.ok(bridge.stderr().includes(`${ESC}[33m`), 'the mock\'s color reached stderr');
  });

  test('NO_COLOR: no escape sequence on stdout or stderr, with or without --verbose', async () => {
    for (const args of [['--verbose'], ['--token', TOKEN]]) {
      const bridge = await noisyRun(state.dir, args, { NO_COLOR: '1' });
      assert.match(bridge.stderr(), /codex-mock-peer: that was the environment/, 'codex\'s colored line was printed');
      if (!args.includes('--verbose')) assert.match(bridge.stderr(), /codex exited with code 5; restarting/);
      assert.ok(!bridge.stdout().includes(ESC) && !bridge.stderr().includes(ESC), `no escapes with ${args.join(' ')}`);
      assert.ok(!bridge.stderr().includes(TOKEN), 'nor the token');
    }
  });
});
