/**
 * What the transcript shows, in order: the items, and after the last item of a turn a row for what
 * belongs to the turn itself (its plan, its cumulative diff, a retry, or how it failed or was
 * interrupted) when it has any of those. Pure: items and turns in, rows out.
 */
import type { ItemRecord, TurnRecord } from '../../../protocol/projections.ts';

export type TranscriptRow =
  | { key: string; kind: 'item'; item: ItemRecord }
  | { key: string; kind: 'turn'; turn: TurnRecord };

/** Whether a turn has something of its own to show (see `<okc-turn-card>` and the thread view). */
export function turnHasRow(t: TurnRecord): boolean {
  return (
    t.status === 'failed' ||
    t.status === 'interrupted' ||
    (t.plan !== null && t.plan.steps.length > 0) ||
    (t.diff !== null && t.diff !== '') ||
    (t.retrying !== null && t.status === 'inProgress')
  );
}

/**
 * Items keep the order given (transcript order). A turn with something of its own to show gets a
 * `turn` row after its last item; such a turn without items goes at the end, in the order given. Keys
 * are stable across calls (`item:<itemId>`, `turn:<turnId>`), for `repeat`.
 */
export function transcriptRows(
  items: readonly ItemRecord[],
  turns: readonly TurnRecord[],
): TranscriptRow[] {
  const ended = turns.filter(turnHasRow);
  if (ended.length === 0) return items.map(itemRow);
  const lastItemOfTurn = new Map<string, string>();
  for (const item of items) lastItemOfTurn.set(item.turnId, item.itemId);
  const after = new Map<string, TurnRecord[]>();
  const trailing: TurnRecord[] = [];
  for (const turn of ended) {
    const last = lastItemOfTurn.get(turn.turnId);
    if (last === undefined) trailing.push(turn);
    else after.set(last, [...(after.get(last) ?? []), turn]);
  }
  const rows: TranscriptRow[] = [];
  for (const item of items) {
    rows.push(itemRow(item));
    for (const turn of after.get(item.itemId) ?? []) rows.push(turnRow(turn));
  }
  for (const turn of trailing) rows.push(turnRow(turn));
  return rows;
}

function itemRow(item: ItemRecord): TranscriptRow {
  return { key: `item:${item.itemId}`, kind: 'item', item };
}

function turnRow(turn: TurnRecord): TranscriptRow {
  return { key: `turn:${turn.turnId}`, kind: 'turn', turn };
}
