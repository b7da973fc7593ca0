/**
 * The engine calls elements may make directly (they return data rather than change the projections),
 * wrapped so they never reject: a stopped engine becomes an error result like any other.
 */
import type {
  AccountView,
  ChatGptLogin,
  DiagnosticsSnapshot,
  EngineResult,
  ExportFormat,
  FileMatch,
  ModelOption,
  SearchHit,
} from '../../../protocol/engine-api.ts';
import type { EngineClient } from './engine-client.ts';

export interface StoreApi {
  /** Full-text search over every stored thread. */
  search(query: string): Promise<SearchHit[]>;
  /** Next page of codex's thread list (threads from the Codex CLI and other clients too). */
  loadMoreThreads(): Promise<EngineResult<{ more: boolean }>>;
  exportThread(threadId: string, format: ExportFormat): Promise<EngineResult<string>>;
  forkThread(threadId: string): Promise<EngineResult<{ threadId: string }>>;
  unarchiveThread(threadId: string): Promise<EngineResult<null>>;
  listModels(): Promise<EngineResult<ModelOption[]>>;
  diagnostics(): Promise<DiagnosticsSnapshot | null>;
  readAccount(): Promise<EngineResult<AccountView>>;
  loginWithApiKey(apiKey: string): Promise<EngineResult<null>>;
  startChatGptLogin(): Promise<EngineResult<ChatGptLogin>>;
  cancelLogin(loginId: string): Promise<EngineResult<null>>;
  logout(): Promise<EngineResult<null>>;
  /** Fuzzy file search in a directory (for `@` mentions). */
  searchFiles(query: string, cwd: string): Promise<EngineResult<FileMatch[]>>;
}

function stopped(e: unknown): { ok: false; code: 'OKC_NOT_CONNECTED'; message: string } {
  return { ok: false, code: 'OKC_NOT_CONNECTED', message: `The OK Code engine stopped (${String(e)}). Reload the page.` };
}

async function safe<T>(fn: () => Promise<EngineResult<T>>): Promise<EngineResult<T>> {
  try {
    return await fn();
  } catch (e) {
    return stopped(e);
  }
}

export function storeApi(engine: EngineClient): StoreApi {
  return {
    search: (query) => engine.search({ query }).catch(() => []),
    loadMoreThreads: () => safe(() => engine.loadMoreThreads()),
    exportThread: (threadId, format) => safe(() => engine.exportThread({ threadId, format })),
    forkThread: (threadId) => safe(() => engine.forkThread({ threadId })),
    unarchiveThread: (threadId) => safe(() => engine.unarchiveThread({ threadId })),
    listModels: () => safe(() => engine.listModels()),
    diagnostics: () => engine.diagnostics().catch(() => null),
    readAccount: () => safe(() => engine.readAccount()),
    loginWithApiKey: (apiKey) => safe(() => engine.loginWithApiKey({ apiKey })),
    startChatGptLogin: () => safe(() => engine.startChatGptLogin()),
    cancelLogin: (loginId) => safe(() => engine.cancelLogin({ loginId })),
    logout: () => safe(() => engine.logout()),
    searchFiles: (query, cwd) => safe(() => engine.searchFiles({ query, cwd })),
  };
}
