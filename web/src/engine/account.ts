/**
 * Account actions and file search: thin codex calls with their results reduced to plain data.
 * Credentials go straight to codex, which stores them in its own CODEX_HOME; the engine keeps nothing.
 */
import type { AccountView, ChatGptLogin, FileMatch } from '../../../protocol/engine-api.ts';
import type { CodexRpc } from './rpc.ts';

export async function readAccount(rpc: CodexRpc): Promise<AccountView> {
  const r = await rpc.request('account/read', {});
  const a = r.account;
  return {
    type: a?.type ?? null,
    email: a?.type === 'chatgpt' ? a.email : null,
    planType: a?.type === 'chatgpt' ? a.planType : null,
    requiresOpenaiAuth: r.requiresOpenaiAuth,
  };
}

export async function loginWithApiKey(rpc: CodexRpc, apiKey: string): Promise<void> {
  await rpc.request('account/login/start', { type: 'apiKey', apiKey });
}

export async function startChatGptLogin(rpc: CodexRpc): Promise<ChatGptLogin> {
  const r = await rpc.request('account/login/start', { type: 'chatgpt' });
  if (r.type !== 'chatgpt') throw new Error(`codex answered a ${r.type} login instead of a ChatGPT one`);
  return { loginId: r.loginId, authUrl: r.authUrl };
}

export async function cancelLogin(rpc: CodexRpc, loginId: string): Promise<void> {
  await rpc.request('account/login/cancel', { loginId });
}

export async function logout(rpc: CodexRpc): Promise<void> {
  await rpc.request('account/logout', undefined);
}

const MAX_FILE_MATCHES = 50;

export async function searchFiles(rpc: CodexRpc, query: string, cwd: string): Promise<FileMatch[]> {
  const r = await rpc.request('fuzzyFileSearch', { query, roots: [cwd], cancellationToken: null });
  return r.files.slice(0, MAX_FILE_MATCHES).map((f) => ({ path: f.path, fileName: f.file_name }));
}
