/**
 * The scripted long session of the fault test: which turns run in which thread, what each asks of
 * codex (text, a slow stream, a command, a patch, a failure), how the approval is answered, and which
 * fault lands on it and when. Drawn from a seeded PRNG, so a failing run can be replayed.
 */
import type { Random } from '../../support/seeded-random.ts';

export type TurnKind = 'text' | 'slow' | 'cmd' | 'patch' | 'fail';
/** `always` is the exec-policy amendment ("Always allow this command"). */
export type Decision = 'accept' | 'acceptForSession' | 'decline' | 'cancel' | 'always';
export type FaultKind = 'drop' | 'reload' | 'restart' | 'codexKill';
/** Before the turn; right after Send; while its approval waits; right after it was answered. */
export type FaultPhase = 'before' | 'afterSend' | 'atApproval' | 'afterAnswer';

export interface Fault {
  kind: FaultKind;
  phase: FaultPhase;
}

export interface TurnPlan {
  n: number;
  thread: number;
  kind: TurnKind;
  decision: Decision | null;
  fault: Fault | null;
}

export interface PlanShape {
  turns: number;
  threads: number;
  /** How many of each fault; each lands on a different turn (never the first). */
  faults: Readonly<Record<FaultKind, number>>;
}

/** The kinds of turn, with every decision on commands and patches several times over. */
function turnKinds(total: number): Array<[TurnKind, Decision | null]> {
  const out: Array<[TurnKind, Decision | null]> = [];
  const add = (kind: TurnKind, decision: Decision | null, times: number): void => {
    for (let i = 0; i < times; i++) out.push([kind, decision]);
  };
  add('cmd', 'accept', 6);
  add('cmd', 'acceptForSession', 4);
  add('cmd', 'decline', 5);
  add('cmd', 'cancel', 4);
  add('cmd', 'always', 3);
  add('patch', 'accept', 4);
  add('patch', 'acceptForSession', 3);
  add('patch', 'decline', 3);
  add('patch', 'cancel', 3);
  add('fail', null, 8);
  add('slow', null, 12);
  add('text', null, Math.max(0, total - out.length));
  return out.slice(0, total);
}

export function planSession(rnd: Random, shape: PlanShape): TurnPlan[] {
  let thread = 0;
  const turns: TurnPlan[] = rnd.shuffle(turnKinds(shape.turns)).map(([kind, decision], n) => {
    if (n > 0 && rnd.next() < 0.1) thread = rnd.int(0, shape.threads - 1);
    return { n, thread, kind, decision, fault: null };
  });
  const kinds = rnd.shuffle(Object.entries(shape.faults).flatMap(([k, count]) => Array<FaultKind>(count).fill(k as FaultKind)));
  const slots = rnd.shuffle(turns.slice(1)).slice(0, kinds.length);
  if (slots.length < kinds.length) throw new Error('more faults than turns');
  kinds.forEach((kind, i) => {
    const t = slots[i] as TurnPlan;
    const phases: FaultPhase[] = t.decision !== null ? ['before', 'afterSend', 'atApproval', 'afterAnswer'] : ['before', 'afterSend'];
    t.fault = { kind, phase: rnd.pick(phases) };
  });
  return turns;
}

/** The prompt a turn types. Every prompt starts with `t<n>:`, so codex's record of it can be found. */
export function promptOf(t: TurnPlan, opensThread: string | null): string {
  const head = `t${t.n}:${opensThread === null ? '' : ` ${opensThread} opens.`}`;
  switch (t.kind) {
    case 'text':
      return `${head} hello`;
    case 'slow':
      return `${head} [slow:40] stream slowly`;
    case 'fail':
      return `${head} [fail]`;
    case 'patch':
      return `${head} [patch:p${t.n}]`;
    case 'cmd':
      return t.decision === 'always' ? `${head} [cmd:touch always-${t.n}.txt]` : `${head} [cmd:echo t${t.n} >> log.txt]`;
  }
}
