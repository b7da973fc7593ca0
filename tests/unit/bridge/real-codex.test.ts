/**
 * The relay in front of the real `codex app-server` (the pinned @openai/codex dev dependency), with a
 * CODEX_HOME of its own. Shows what the engine can rely on: one codex connection per browser session.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, suite, test } from 'node:test';
import type { RunningBridge } from '../../../bridge/src/bridge.ts';
import { REPO_ROOT, openSession, scratchDir, startTestBridge } from './harness.ts';

const REAL_CODEX = join(REPO_ROOT, 'node_modules/.bin/codex');
const CLIENT_INFO = { clientInfo: { name: 'okcode-test', title: null, version: '0.0.0' } };

suite('relay with the real codex', { skip: !existsSync(REAL_CODEX) }, () => {
  const home = scratchDir('okc-codex-home-');
  let bridge: RunningBridge;

  before(async () => {
    bridge = await startTestBridge({ codexPath: REAL_CODEX, env: { ...process.env, CODEX_HOME: home.dir } });
  });
  after(async () => {
    await bridge.stop();
    home.remove();
  });

  test('initialize, then thread/loaded/list returns a result', async () => {
    const { client, welcome } = await openSession(bridge.port);
    assert.equal(welcome.codexVersion, '0.169.0');
    const init = await client.result('initialize', CLIENT_INFO);
    assert.equal(init['codexHome'], home.dir);
    client.sendRpc({ method: 'initialized' });
    assert.deepEqual(await client.result('thread/loaded/list', {}), { data: [], nextCursor: null });
    await client.close();
  });

  test('each browser session is its own codex connection: a new one must initialize', async () => {
    const a = await openSession(bridge.port);
    await a.client.result('initialize', CLIENT_INFO);
    const b = await openSession(bridge.port);
    const reply = await b.client.call('thread/loaded/list', {});
    assert.deepEqual((reply.msg as { error?: { message: string } }).error?.message, 'Not initialized');
    await Promise.all([a.client.close(), b.client.close()]);
  });

  test('a resumed session keeps its initialized codex connection', async () => {
    const a = await openSession(bridge.port);
    const init = await a.client.call('initialize', CLIENT_INFO);
    await a.client.close();
    const b = await openSession(bridge.port, { query: `?session=${a.welcome.sessionId}&after=${init.seq}` });
    assert.equal(b.welcome.resumed, true);
    const list = await b.client.call('thread/loaded/list', {});
    assert.ok('result' in (list.msg as object), JSON.stringify(list.msg));
    await b.client.close();
  });
});
