/**
 * The engine's account and file-search calls against the real codex, through the real bridge, with
 * the engine's own JSON-RPC client: read the account, sign in with an API key, sign out, start and
 * cancel a ChatGPT login (offline: codex opens its callback listener and cancels it), find files.
 */
import { after, before, suite, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { codexBin, makeCodexEnv, type CodexEnv } from '../support/codex-env.ts';
import { startScriptedModel, type ScriptedModel } from '../support/scripted-model.ts';
import { startBridge, type RunningBridge } from './helpers/bridge-process.ts';
import { CodexRpc, classify } from '../../web/src/engine/rpc.ts';
import * as account from '../../web/src/engine/account.ts';

suite('account and file search through the bridge (real codex)', () => {
  let model: ScriptedModel;
  let env: CodexEnv;
  let bridge: RunningBridge;
  let ws: WebSocket;
  let rpc: CodexRpc;

  before(async () => {
    model = await startScriptedModel();
    env = makeCodexEnv({ modelUrl: model.url, name: 'e2e-account' });
    writeFileSync(`${env.workDir}/needle-in-haystack.txt`, 'x');
    bridge = await startBridge({ cwd: env.workDir, env: env.env, args: ['--codex', codexBin()] });
    ws = new WebSocket(`${bridge.origin.replace('http', 'ws')}/ws`, ['okcode.v1', `okcode.token.${bridge.token}`], { origin: bridge.origin });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let frames = 0;
    rpc = new CodexRpc((msg) => {
      ws.send(JSON.stringify({ type: 'rpc', msg }));
      return ++frames;
    });
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string; msg?: Record<string, unknown> };
      if (frame.type === 'rpc' && frame.msg && classify(frame.msg).kind === 'response') rpc.receiveResponse(frame.msg);
    });
    await rpc.request('initialize', { clientInfo: { name: 'okcode-e2e', title: null, version: '0' }, capabilities: null });
    rpc.notify('initialized');
  });

  after(async () => {
    ws?.close();
    await bridge?.stop();
    await model?.close();
    env?.cleanup();
  });

  test('reads the account, signs in with an API key and signs out', async () => {
    const before = await account.readAccount(rpc);
    assert.equal(before.type, null, 'a fresh CODEX_HOME has no account');
    // why: with the scripted (non-OpenAI) provider codex needs no OpenAI sign-in and reports no
    // account, so the sign-in is checked where codex keeps it: CODEX_HOME/auth.json.
    assert.equal(before.requiresOpenaiAuth, false);
    await account.loginWithApiKey(rpc, 'sk-test-okcode');
    const auth = JSON.parse(readFileSync(`${env.codexHome}/auth.json`, 'utf8')) as Record<string, unknown>;
    assert.equal(auth['OPENAI_API_KEY'], 'sk-test-okcode');
    await account.logout(rpc);
    assert.equal(existsSync(`${env.codexHome}/auth.json`), false, 'signing out removes the stored key');
  });

  test('starts and cancels a ChatGPT login', async () => {
    const login = await account.startChatGptLogin(rpc);
    assert.match(login.authUrl, /^https:\/\/auth\.openai\.com\/oauth\/authorize\?/);
    assert.match(login.authUrl, /redirect_uri=http%3A%2F%2F(127\.0\.0\.1|localhost)%3A1455/);
    await account.cancelLogin(rpc, login.loginId);
  });

  test('finds files in the working directory by a fuzzy query', async () => {
    const files = await account.searchFiles(rpc, 'needlehay', env.workDir);
    assert.ok(files.some((f) => f.fileName === 'needle-in-haystack.txt'), JSON.stringify(files));
  });
});
