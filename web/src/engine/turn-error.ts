/** How a codex error reads in one line (shared by ingest and the reducers). */
import type { TurnErrorView } from '../../../protocol/projections.ts';

/** The message, and codex's extra details in brackets when it gave any. */
export function errorText(e: TurnErrorView): string {
  return e.details ? `${e.message} (${e.details})` : e.message;
}
