/** Pure reducer for the server-wide record: account, rate limits, notices not tied to a thread. */
import type { DomainEvent } from '../../../../protocol/events.ts';
import type { RateLimitsView, ServerRecord } from '../../../../protocol/projections.ts';
import { nextRev, placeholderServer, withNotice, type StateView } from './state-view.ts';

/** The events about codex itself rather than a thread. */
export type ServerEvent = Extract<DomainEvent, { type: `server.${string}` }>;

/**
 * Rate-limit updates are sparse: a null field means "not in this update", never "cleared"
 * (AccountRateLimitsUpdatedNotification's contract).
 */
function mergeLimits(old: RateLimitsView | null, update: Extract<ServerEvent, { type: 'server.rateLimits' }>['update']): RateLimitsView {
  return {
    primary: update.primary ?? old?.primary ?? null,
    secondary: update.secondary ?? old?.secondary ?? null,
    hasCredits: update.hasCredits ?? old?.hasCredits ?? null,
    planType: update.planType ?? old?.planType ?? null,
  };
}

/** The server record after `event`. */
export function reduceServer(view: StateView, event: ServerEvent): ServerRecord {
  const known = view.server();
  const old = known ?? placeholderServer();
  const rev = nextRev(known);
  switch (event.type) {
    case 'server.accountUpdated':
      return { ...old, authMode: event.authMode, planType: event.planType, rev };
    case 'server.loginCompleted':
      return { ...old, lastLogin: { success: event.success, error: event.error }, rev };
    case 'server.rateLimits':
      return { ...old, rateLimits: mergeLimits(old.rateLimits, event.update), rev };
    case 'server.notice':
      return { ...old, notices: withNotice(old.notices, event.notice), rev };
  }
}
