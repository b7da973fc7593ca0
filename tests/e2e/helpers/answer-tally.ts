/**
 * Counts the answers to codex's approval requests that actually went to the bridge, from the frames
 * a {@link CutProxy} sees: codex's requests (bridge → browser) tie a JSON-RPC id to the item it is
 * about, and the browser's responses with that id are its answers. Ids restart when codex does, so
 * a response belongs to the latest request with its id.
 */
type RpcMsg = { id?: unknown; method?: unknown; params?: { itemId?: unknown }; result?: unknown; error?: unknown };

/** The codex messages a bridge frame carries: one (`rpc`), several (`rpcs`, batched), or none. */
function messagesOf(text: string): RpcMsg[] {
  try {
    const v = JSON.parse(text) as { type?: unknown; msg?: unknown; msgs?: unknown };
    const isMsg = (m: unknown): m is RpcMsg => typeof m === 'object' && m !== null;
    if (v.type === 'rpc' && isMsg(v.msg)) return [v.msg];
    if (v.type === 'rpcs' && Array.isArray(v.msgs)) return v.msgs.filter(isMsg);
    return [];
  } catch {
    return [];
  }
}

/** The name of a decision as codex's response carries it (`accept`, `acceptWithExecpolicyAmendment`, …). */
function decisionName(result: unknown): string {
  const d = typeof result === 'object' && result !== null ? (result as { decision?: unknown }).decision : undefined;
  if (typeof d === 'string') return d;
  if (typeof d === 'object' && d !== null) return Object.keys(d).join(',');
  return 'other';
}

export class AnswerTally {
  private readonly itemOfId = new Map<string, string>();
  /** Answers that reached the bridge, by the item (command or patch call) they answer. */
  readonly answersByItem = new Map<string, number>();
  /** Answers that reached the bridge, by decision. */
  readonly decisions = new Map<string, number>();
  /** Approval requests codex sent (a re-sent one counts again). */
  requests = 0;
  /** What happened to each item, in order, for the message of a failed check. */
  private readonly history = new Map<string, string[]>();
  private readonly started = Date.now();

  private note(itemId: string, what: string): void {
    const list = this.history.get(itemId) ?? [];
    list.push(`${Date.now() - this.started} ms ${what}`);
    this.history.set(itemId, list);
  }

  /** The requests and answers seen for `itemId`. */
  historyOf(itemId: string): string[] {
    return this.history.get(itemId) ?? [];
  }

  /** A frame from the bridge to the browser. */
  fromBridge(text: string): void {
    for (const msg of messagesOf(text)) {
      if (typeof msg.method !== 'string' || !msg.method.endsWith('/requestApproval')) continue;
      const itemId = msg.params?.itemId;
      if (typeof itemId !== 'string' || (typeof msg.id !== 'number' && typeof msg.id !== 'string')) continue;
      this.itemOfId.set(String(msg.id), itemId);
      this.requests++;
      this.note(itemId, `request id ${String(msg.id)}`);
    }
  }

  /** A frame from the browser that reached the bridge. */
  toBridge(text: string): void {
    for (const msg of messagesOf(text)) {
      if (msg.method !== undefined || !('result' in msg || 'error' in msg)) continue;
      const itemId = this.itemOfId.get(String(msg.id));
      if (itemId === undefined) continue;
      this.answersByItem.set(itemId, (this.answersByItem.get(itemId) ?? 0) + 1);
      const name = decisionName(msg.result);
      this.decisions.set(name, (this.decisions.get(name) ?? 0) + 1);
      this.note(itemId, `answer ${name} to id ${String(msg.id)}`);
    }
  }

  /** Items answered more than once. */
  answeredTwice(): string[] {
    return [...this.answersByItem].filter(([, n]) => n > 1).map(([id]) => id);
  }
}
