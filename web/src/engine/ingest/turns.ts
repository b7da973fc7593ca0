/** Pure: turn-level notifications (start, end, errors, diff, plan) → domain events. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type { PlanStepStatus, PlanView, TurnErrorView, TurnStatusView } from '../../../../protocol/projections.ts';
import { errorText } from '../turn-error.ts';
import { Malformed, arr, asObj, bool, isObj, obj, oneOf, optNum, optObj, optStr, str, type Obj } from './read.ts';

const TURN_STATUSES = ['inProgress', 'completed', 'interrupted', 'failed'] as const satisfies readonly TurnStatusView[];


/**
 * codex's TurnError in parts. `codexErrorInfo` is a word (`contextWindowExceeded`) or an object with
 * one key (`{httpConnectionFailed: {httpStatusCode: 401}}`): either way `code` is that word.
 */
export function readTurnError(o: Obj): TurnErrorView {
  const info = o['codexErrorInfo'];
  let code: string | null = null;
  let httpStatus: number | null = null;
  if (typeof info === 'string') {
    code = info;
  } else if (isObj(info)) {
    const [key, inner] = Object.entries(info)[0] ?? [];
    code = key ?? null;
    if (isObj(inner)) httpStatus = optNum(inner, 'httpStatusCode');
  } else if (info !== undefined && info !== null) {
    throw new Malformed('codexErrorInfo is neither a word nor an object');
  }
  return { message: str(o, 'message'), code, httpStatus, details: optStr(o, 'additionalDetails') };
}

const STEP_STATUSES = ['pending', 'inProgress', 'completed'] as const satisfies readonly PlanStepStatus[];

function readPlan(p: Obj): PlanView {
  return {
    explanation: optStr(p, 'explanation'),
    steps: arr(p, 'plan').map((s, i) => {
      const step = asObj(s, `plan[${i}]`);
      return { step: str(step, 'step'), status: oneOf(step, 'status', STEP_STATUSES) };
    }),
  };
}

function turnCompleted(p: Obj): DomainEvent[] {
  const turn = obj(p, 'turn');
  const error = optObj(turn, 'error');
  const errorInfo = error === null ? null : readTurnError(error);
  return [
    {
      type: 'turn.completed',
      threadId: str(p, 'threadId'),
      turnId: str(turn, 'id'),
      status: oneOf(turn, 'status', TURN_STATUSES),
      error: errorInfo === null ? null : errorText(errorInfo),
      errorInfo,
    },
  ];
}

/** Translators of the turn notifications, by method. */
export const turnNotifications = {
  'turn/started': (p: Obj): DomainEvent[] => [
    { type: 'turn.started', threadId: str(p, 'threadId'), turnId: str(obj(p, 'turn'), 'id') },
  ],
  'turn/completed': turnCompleted,
  error: (p: Obj): DomainEvent[] => [
    {
      type: 'turn.errored',
      threadId: str(p, 'threadId'),
      turnId: str(p, 'turnId'),
      error: readTurnError(obj(p, 'error')),
      willRetry: bool(p, 'willRetry'),
    },
  ],
  'turn/diff/updated': (p: Obj): DomainEvent[] => [
    { type: 'turn.diffUpdated', threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), diff: str(p, 'diff') },
  ],
  'turn/plan/updated': (p: Obj): DomainEvent[] => [
    { type: 'turn.planUpdated', threadId: str(p, 'threadId'), turnId: str(p, 'turnId'), plan: readPlan(p) },
  ],
} as const;
