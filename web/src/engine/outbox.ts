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
import { NotDeliveredError, RpcError } from './rpc.ts';
import { doubtVerdict } from './outbox-doubt.ts';

const MAX_TAKEN = 20;
/** Stray answers kept for `recover` (they are replayed before it runs); only the latest can matter. */
const MAX_STRAY_ANSWERS = 200;

export type SendOutcome = { sent: true } | { sent: false; error: string | null };

export class Outbox {
  private pumping: Promise<void> | null = null;
  private readonly waiters = new Map<string, (o: SendOutcome) => void>();
  /** The latest messages codex took on the running codex (see `recover`), by id. */
  private readonly taken = new Map<string, OutboxRecord>();
  /** Messages whose request this engine sent and still waits on (they are not in doubt). */
  private readonly awaiting = new Set<string>();
  /** Messages an engine before a reload sent and codex has: the id of the request that carried them. */
  private readonly awaitingStray = new Map<number | string, string>();
  /** Answers to requests no request of this engine waited on, by request id (see `strayAnswer`). */
  private readonly strayAnswers = new Map<number | string, string | null>();
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
    // why: while the link is down the pump may be held by a request waiting across the reconnect.
    if (!this.link.ready) this.settle(id, { sent: false, error: null });
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
   * Codex answered a request no request of this engine waits on: perhaps the one that carried a
   * message an engine before a reload sent (`error` null for a result).
   */
  strayAnswer(requestId: number | string, error: string | null): void {
    const id = this.awaitingStray.get(requestId);
    if (id === undefined) {
      this.strayAnswers.set(requestId, error);
      if (this.strayAnswers.size > MAX_STRAY_ANSWERS) this.strayAnswers.delete(this.strayAnswers.keys().next().value ?? '');
      return;
    }
    this.awaitingStray.delete(requestId);
    const r = this.projector.local.outboxRecord(id);
    if (!r) return;
    if (error === null) this.delivered(id);
    else this.fail(r, error);
  }

  /** The link dropped: whoever waits on a send hears that it waits (the send itself may still complete). */
  linkDown(): void {
    for (const id of [...this.waiters.keys()]) this.settle(id, { sent: false, error: null });
  }

  /**
   * After a reconnect: messages in doubt (marked as sending, but no request of this engine waits on
   * them: a reload, or codex's connection was lost) are checked against codex's record before being
   * re-sent. When codex itself is new (`codexRestarted`), so are the latest ones it took: a codex
   * that died before writing a message down comes back without it, and only this outbox still has it
   * to send again. why only then: a running codex writes a message down a while after taking it (a
   * steer waits for the model's next request), so its record may not show it yet, and sending it
   * again would make codex take it twice.
   */
  async recover(codexRestarted: boolean): Promise<void> {
    const inFlight = this.settleDoubts(codexRestarted);
    const taken = codexRestarted ? [...this.taken.values()] : [];
    if (codexRestarted) this.taken.clear();
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

  /**
   * Settles the messages in doubt that the bridge's count or a replayed answer can settle (see
   * outbox-doubt.ts); returns those only codex's record can.
   */
  private settleDoubts(codexRestarted: boolean): OutboxRecord[] {
    if (codexRestarted) this.awaitingStray.clear();
    const ctx = {
      sessionId: this.link.sessionId,
      resumedReceived: codexRestarted ? null : this.link.resumedReceived,
      strayAnswers: this.strayAnswers,
    };
    const check: OutboxRecord[] = [];
    for (const r of this.projector.local.outboxRecords()) {
      const strayWait = r.sentAs !== undefined && this.awaitingStray.get(r.sentAs.requestId) === r.id;
      if (r.state !== 'sending' || this.awaiting.has(r.id) || strayWait) continue;
      const v = doubtVerdict(r, ctx);
      if (v.kind === 'check') check.push(r);
      else if (v.kind === 'resend') this.put({ ...r, state: 'queued', error: null });
      else if (v.kind === 'delivered') this.delivered(r.id);
      else if (v.kind === 'failed') this.fail(r, v.error);
      else this.awaitingStray.set(v.requestId, r.id);
    }
    this.strayAnswers.clear();
    return check;
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
    const requestId = this.link.rpc.reserveId();
    const sentAs = (frame: number | null) => {
      const sessionId = this.link.sessionId;
      return sessionId === null ? {} : { sentAs: { sessionId, requestId, frame } };
    };
    this.put({ ...withoutSentAs(r), state: 'sending', ...sentAs(null) });
    this.awaiting.add(r.id);
    // why: stored as its frame goes out, so an engine after a reload knows whether it arrived.
    const onSent = ({ frame }: { frame: number }) => {
      const now = this.projector.local.outboxRecord(r.id);
      if (now) this.put({ ...now, ...sentAs(frame) });
    };
    try {
      // why: stored before it goes out, so an engine after a reload knows which request carried it.
      await this.projector.flushNow();
      await this.link.ensureSynced(r.threadId);
      if (!this.projector.local.outboxRecord(r.id)) return; // the resync showed it was delivered
      const input = userInput(r);
      const active = this.projector.store.thread(r.threadId)?.activeTurnId;
      const options = { id: requestId, onSent };
      if (active && !r.afterTurn) {
        await this.link.rpc.request('turn/steer', { threadId: r.threadId, expectedTurnId: active, input, clientUserMessageId: r.id }, options);
      } else {
        const res = await this.link.rpc.request(
          'turn/start',
          { threadId: r.threadId, input, clientUserMessageId: r.id, ...turnSettings(r.overrides) },
          options,
        );
        this.projector.apply([{ type: 'turn.started', threadId: r.threadId, turnId: res.turn.id }]);
      }
      this.delivered(r.id);
    } catch (e) {
      if (!this.projector.local.outboxRecord(r.id)) return;
      if (e instanceof NotDeliveredError) {
        this.put({ ...r, state: 'queued', error: null }); // codex never saw it: the pump sends it again
        return;
      }
      if (!this.link.ready || !(e instanceof RpcError) || e.code === null) {
        // The link went away mid-request: whether codex got it is decided by recover() on reconnect.
        this.settle(r.id, { sent: false, error: null });
        return;
      }
      this.fail(r, e.message);
    } finally {
      this.awaiting.delete(r.id);
    }
  }

  private fail(r: OutboxRecord, error: string): void {
    this.put({ ...r, state: 'failed', error });
    this.settle(r.id, { sent: false, error });
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

function withoutSentAs(r: OutboxRecord): Omit<OutboxRecord, 'sentAs'> {
  const rest: Partial<OutboxRecord> = { ...r };
  delete rest.sentAs;
  return rest as Omit<OutboxRecord, 'sentAs'>;
}
