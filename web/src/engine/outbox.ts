/**
 * Messages on their way to codex. Every message goes through the outbox: it is stored first, sent
 * when the link is ready (in order), and removed only when codex has recorded it, recognised by the
 * `clientUserMessageId` codex keeps on the user message. So a message typed while the bridge is down
 * goes out when it is back, and one whose answer was lost in a reconnect is never sent twice.
 */
import type { SendMessageParams } from '../../../protocol/engine-api.ts';
import type { OutboxRecord } from '../../../protocol/local-records.ts';
import { turnSettings, userInput } from './turn-input.ts';
import type { CodexLink } from './codex-link.ts';
import type { Projector } from './projector.ts';
import { RpcError } from './rpc.ts';

const MAX_TAKEN = 20;

export type SendOutcome = { sent: true } | { sent: false; error: string | null };

export class Outbox {
  private pumping: Promise<void> | null = null;
  private readonly waiters = new Map<string, (o: SendOutcome) => void>();
  /** Messages codex took since the last reconnect (see `recover`), by id. */
  private readonly taken = new Map<string, OutboxRecord>();
  /** While `recover` re-reads threads: the ids codex reports having recorded. */
  private seen: Set<string> | null = null;

  constructor(
    private readonly link: CodexLink,
    private readonly projector: Projector,
    private readonly newId: () => string,
    private readonly now: () => number,
  ) {}

  /** Stores a message and tries to send it; resolves when it is sent, fails, or must wait. */
  add(p: SendMessageParams): { id: string; outcome: Promise<SendOutcome> } {
    const id = this.newId();
    this.put({
      id,
      threadId: p.threadId,
      text: p.text,
      createdAt: this.now(),
      afterTurn: p.when === 'afterTurn',
      overrides: p.overrides ?? null,
      images: p.images ?? [],
      state: 'queued',
      error: null,
    });
    const outcome = new Promise<SendOutcome>((resolve) => this.waiters.set(id, resolve));
    void this.pump();
    return { id, outcome };
  }

  /** Codex recorded the message: it is delivered, whatever happened to our request. */
  delivered(id: string): void {
    this.seen?.add(id);
    const r = this.projector.local.outboxRecord(id);
    if (r) {
      this.taken.set(id, r);
      // why a bound: only the latest messages can still be unwritten when codex dies.
      if (this.taken.size > MAX_TAKEN) this.taken.delete(this.taken.keys().next().value ?? '');
    }
    if (this.projector.local.removeOutbox(id)) this.projector.localChanged();
    this.settle(id, { sent: true });
  }

  retry(id: string): boolean {
    const r = this.projector.local.outboxRecord(id);
    if (!r) return false;
    this.put({ ...r, state: 'queued', error: null });
    void this.pump();
    return true;
  }

  discard(id: string): boolean {
    const removed = this.projector.local.removeOutbox(id);
    if (removed) this.projector.localChanged();
    this.settle(id, { sent: false, error: 'Discarded.' });
    return removed;
  }

  /**
   * After a reconnect: messages that were in flight are checked against codex before being re-sent.
   * So are the ones codex took since the last reconnect: a codex that died before writing a message
   * down comes back without it (its record, and so the transcript, lose it), and only this outbox
   * still has it to send again.
   */
  async recover(): Promise<void> {
    const inFlight = this.projector.local.outboxRecords().filter((r) => r.state === 'sending');
    const taken = [...this.taken.values()];
    this.taken.clear();
    const synced = new Set<string>();
    this.seen = new Set();
    try {
      for (const threadId of new Set([...inFlight, ...taken].map((r) => r.threadId))) {
        await this.link.resync(threadId).then(
          () => synced.add(threadId),
          () => undefined,
        );
      }
      for (const r of taken) {
        if (synced.has(r.threadId) && !this.seen.has(r.id) && !this.projector.local.outboxRecord(r.id)) this.put({ ...r, state: 'queued', error: null });
      }
    } finally {
      this.seen = null;
    }
    for (const r of inFlight) {
      if (this.projector.local.outboxRecord(r.id)) this.put({ ...r, state: 'queued' });
    }
    await this.pump();
  }

  /** Sends queued messages in order, one at a time; single-flight. */
  pump(): Promise<void> {
    this.pumping ??= this.drain().finally(() => (this.pumping = null));
    return this.pumping;
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (!this.link.ready) {
        for (const r of this.projector.local.outboxRecords()) if (r.state === 'queued') this.settle(r.id, { sent: false, error: null });
        return;
      }
      const next = this.projector.local
        .outboxRecords()
        .find((r) => r.state === 'queued' && !(r.afterTurn && this.projector.store.thread(r.threadId)?.activeTurnId));
      if (!next) return;
      await this.send(next);
    }
  }

  private async send(r: OutboxRecord): Promise<void> {
    this.put({ ...r, state: 'sending' });
    try {
      await this.link.ensureSynced(r.threadId);
      if (!this.projector.local.outboxRecord(r.id)) return; // the resync showed it was delivered
      const input = userInput(r);
      const active = this.projector.store.thread(r.threadId)?.activeTurnId;
      if (active && !r.afterTurn) {
        await this.link.rpc.request('turn/steer', { threadId: r.threadId, expectedTurnId: active, input, clientUserMessageId: r.id });
      } else {
        const res = await this.link.rpc.request('turn/start', {
          threadId: r.threadId,
          input,
          clientUserMessageId: r.id,
          ...turnSettings(r.overrides),
        });
        this.projector.apply([{ type: 'turn.started', threadId: r.threadId, turnId: res.turn.id }]);
      }
      this.delivered(r.id);
    } catch (e) {
      if (!this.projector.local.outboxRecord(r.id)) return;
      if (!this.link.ready || !(e instanceof RpcError) || e.code === null) {
        // The link went away mid-request: whether codex got it is decided by recover() on reconnect.
        this.settle(r.id, { sent: false, error: null });
        return;
      }
      const error = e.message;
      this.put({ ...r, state: 'failed', error });
      this.settle(r.id, { sent: false, error });
    }
  }

  private put(r: Omit<OutboxRecord, 'rev'>): void {
    this.projector.local.putOutbox(r);
    this.projector.localChanged();
  }

  private settle(id: string, outcome: SendOutcome): void {
    this.waiters.get(id)?.(outcome);
    this.waiters.delete(id);
  }
}
