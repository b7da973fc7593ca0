/** Pure: account, rate-limit and notice notifications → domain events. */
import type { DomainEvent, RateLimitsUpdate } from '../../../../protocol/events.ts';
import type { NoticeView } from '../../../../protocol/projections.ts';
import { bool, num, obj, optBool, optNum, optObj, optStr, str, strArr, type Obj } from './read.ts';

type Window = NonNullable<RateLimitsUpdate['primary']>;

function rateWindow(o: Obj | null): Window | null {
  if (o === null) return null;
  return { usedPercent: num(o, 'usedPercent'), windowMinutes: optNum(o, 'windowDurationMins'), resetsAt: optNum(o, 'resetsAt') };
}

function rateLimits(p: Obj): DomainEvent[] {
  const r = obj(p, 'rateLimits');
  const credits = optObj(r, 'credits');
  const update: RateLimitsUpdate = {
    primary: rateWindow(optObj(r, 'primary')),
    secondary: rateWindow(optObj(r, 'secondary')),
    hasCredits: credits === null ? null : optBool(credits, 'hasCredits'),
    planType: optStr(r, 'planType'),
  };
  return [{ type: 'server.rateLimits', update }];
}

/** A notice for a thread when codex names one, else for the server as a whole. */
function notice(threadId: string | null, n: NoticeView): DomainEvent[] {
  return threadId === null ? [{ type: 'server.notice', notice: n }] : [{ type: 'thread.notice', threadId, notice: n }];
}

function configWarning(p: Obj): DomainEvent[] {
  const path = optStr(p, 'path');
  const details = [optStr(p, 'details'), path === null ? null : `in ${path}`].filter((s) => s !== null).join(' ');
  return notice(null, { kind: 'configWarning', message: str(p, 'summary'), details: details === '' ? null : details });
}

function mcpStartup(p: Obj): DomainEvent[] {
  if (str(p, 'status') !== 'failed') return [];
  const name = str(p, 'name');
  const reason = optStr(p, 'failureReason');
  const message = `The MCP server ${name} did not start${reason === 'reauthenticationRequired' ? ': sign in to it again' : ''}.`;
  return notice(optStr(p, 'threadId'), { kind: 'mcpServer', message, details: optStr(p, 'error') });
}

function worldWritable(p: Obj): DomainEvent[] {
  const paths = strArr(p, 'samplePaths');
  const extra = num(p, 'extraCount');
  const message = bool(p, 'failedScan')
    ? 'Codex could not check for world-writable folders.'
    : 'Some folders are writable by everyone; the Windows sandbox cannot protect them.';
  const details = paths.length === 0 ? null : `${paths.join(', ')}${extra > 0 ? ` and ${extra} more` : ''}`;
  return notice(null, { kind: 'warning', message, details });
}

/** Translators of the account and notice notifications, by method. */
export const serverNotifications = {
  'account/updated': (p: Obj): DomainEvent[] => [
    { type: 'server.accountUpdated', authMode: optStr(p, 'authMode'), planType: optStr(p, 'planType') },
  ],
  'account/login/completed': (p: Obj): DomainEvent[] => [
    { type: 'server.loginCompleted', success: bool(p, 'success'), error: optStr(p, 'error') },
  ],
  'account/rateLimits/updated': rateLimits,
  warning: (p: Obj): DomainEvent[] => notice(optStr(p, 'threadId'), { kind: 'warning', message: str(p, 'message'), details: null }),
  guardianWarning: (p: Obj): DomainEvent[] =>
    notice(str(p, 'threadId'), { kind: 'warning', message: str(p, 'message'), details: null }),
  configWarning,
  deprecationNotice: (p: Obj): DomainEvent[] =>
    notice(null, { kind: 'deprecation', message: str(p, 'summary'), details: optStr(p, 'details') }),
  'model/rerouted': (p: Obj): DomainEvent[] =>
    notice(str(p, 'threadId'), {
      kind: 'modelRerouted',
      message: `Codex switched this turn from ${str(p, 'fromModel')} to ${str(p, 'toModel')}.`,
      details: optStr(p, 'reason'),
    }),
  'mcpServer/startupStatus/updated': mcpStartup,
  'windows/worldWritableWarning': worldWritable,
} as const;
