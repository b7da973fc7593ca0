/**
 * Compares what the PWA stored in IndexedDB with what codex says (thread/read), normalized to what a
 * user sees: the items in order, their text, and command outcomes; and no turn left in progress.
 */
import type { Page } from 'playwright-core';
import type { BridgeClient } from './bridge-client.ts';

export interface NormalItem {
  id: string;
  kind: string;
  text: string;
}

interface StoredItem {
  itemId: string;
  kind: string;
  ord: number;
  text?: string;
  status?: string;
  exitCode?: number | null;
}

interface CodexItem {
  id: string;
  type: string;
  text?: string;
  content?: Array<{ type: string; text?: string }>;
  status?: string;
  exitCode?: number | null;
}

function normalStored(i: StoredItem): NormalItem {
  if (i.kind === 'fileChange') return { id: i.itemId, kind: i.kind, text: i.status ?? '' };
  const text = i.kind === 'commandExecution' ? `${i.status} ${i.exitCode ?? ''}` : (i.text ?? '');
  return { id: i.itemId, kind: i.kind, text };
}

function normalCodex(i: CodexItem): NormalItem {
  if (i.type === 'userMessage') return { id: i.id, kind: i.type, text: (i.content ?? []).map((c) => c.text ?? `[${c.type}]`).join('\n') };
  if (i.type === 'commandExecution') return { id: i.id, kind: i.type, text: `${i.status} ${i.exitCode ?? ''}` };
  if (i.type === 'fileChange') return { id: i.id, kind: i.type, text: i.status ?? '' };
  return { id: i.id, kind: i.type, text: i.text ?? '' };
}

const KINDS = new Set(['userMessage', 'agentMessage', 'commandExecution', 'fileChange']);

/** The stored items and turns of a thread, read inside the page from the app's own database. */
export async function storedProjection(page: Page, threadId: string): Promise<{ items: NormalItem[]; turnsInProgress: number }> {
  const raw = (await page.evaluate(`new Promise((resolve, reject) => {
    const open = indexedDB.open('okcode');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['items', 'turns']);
      const items = tx.objectStore('items').getAll();
      const turns = tx.objectStore('turns').getAll();
      tx.oncomplete = () => { db.close(); resolve({ items: items.result, turns: turns.result }); };
    };
  })`)) as { items: Array<StoredItem & { threadId: string }>; turns: Array<{ threadId: string; status: string }> };
  return {
    items: raw.items
      .filter((i) => i.threadId === threadId && KINDS.has(i.kind))
      .sort((a, b) => a.ord - b.ord)
      .map(normalStored),
    turnsInProgress: raw.turns.filter((t) => t.threadId === threadId && t.status === 'inProgress').length,
  };
}

/** What codex itself has for the thread. */
export async function codexProjection(client: BridgeClient, threadId: string): Promise<{ items: NormalItem[]; turnsInProgress: number }> {
  const r = await client.request<{ thread: { turns: Array<{ status: string; items: CodexItem[] }> } }>('thread/read', { threadId, includeTurns: true });
  return {
    items: r.thread.turns.flatMap((t) => t.items).filter((i) => KINDS.has(i.type)).map(normalCodex),
    turnsInProgress: r.thread.turns.filter((t) => t.status === 'inProgress').length,
  };
}

/**
 * A projection without declined commands. why: codex's rollout keeps no record of a declined command
 * (only the model's failed tool output), so its thread/read never has one, while the page shows the
 * declined command it saw live until its next resync of that thread. Neither loses nor doubles
 * anything; what the user typed and what ran must still match exactly.
 */
export function withoutDeclined<P extends { items: NormalItem[] }>(p: P): P {
  return { ...p, items: p.items.filter((i) => !(i.kind === 'commandExecution' && i.text.startsWith('declined'))) };
}
