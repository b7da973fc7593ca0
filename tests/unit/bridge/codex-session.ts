/**
 * Shortcuts for talking to the real codex through a bridge session ({@link TestClient}): the
 * handshake, starting a turn, and predicates over relayed codex frames.
 */
import type { ServerFrame } from '../../../protocol/bridge-frames.ts';
import type { TestClient } from './harness.ts';

export const CLIENT_INFO = { clientInfo: { name: 'okcode-test', title: null, version: '0' } };

/** `initialize` (awaited), then the `initialized` notification, as the engine does on every fresh upstream. */
export async function handshake(client: TestClient): Promise<void> {
  await client.result('initialize', CLIENT_INFO);
  client.sendRpc({ method: 'initialized' });
}

/** `thread/start` with `params`; resolves with the thread id. */
export async function startThread(client: TestClient, params: Record<string, unknown>): Promise<string> {
  const started = await client.result('thread/start', params);
  return (started['thread'] as { id: string }).id;
}

/** `turn/start` with one text input. */
export async function startTurn(client: TestClient, threadId: string, text: string): Promise<void> {
  await client.result('turn/start', { threadId, input: [{ type: 'text', text, text_elements: [] }] });
}

/** Matches a relayed codex frame with this `method` (a notification or a server request), optionally of one thread. */
export function codexMethod(method: string, threadId?: string): (f: ServerFrame) => boolean {
  return (f) => {
    if (f.type !== 'rpc' || f.msg['method'] !== method) return false;
    return threadId === undefined || (f.msg['params'] as { threadId?: string } | undefined)?.threadId === threadId;
  };
}
