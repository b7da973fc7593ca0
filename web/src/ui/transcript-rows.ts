/**
 * What the transcript shows, in order: the items, and after the last item of each failed or
 * interrupted turn a note about that turn. Pure: items and turns in, rows out.
 */
import type { ItemRecord, TurnRecord } from '../../../protocol/projections.ts';

export type TranscriptRow =
  | { key: string; kind: 'item'; item: ItemRecord }
  | { key: string; kind: 'turnEnd'; turn: TurnRecord };

/**
 * Items keep the order given (transcript order). A failed or interrupted turn gets a `turnEnd` row
 * after its last item; such a turn without items goes at the end, in the order given. Keys are stable
 * across calls (`item:<itemId>`, `turn:<turnId>`), for `repeat`.
 */
export function transcriptRows(
  items: readonly ItemRecord[],
  turns: readonly TurnRecord[],
): TranscriptRow[] {
  const ended = turns.filter((t) => t.status === 'failed' || t.status === 'interrupted');
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
  return { key: `turn:${turn.turnId}`, kind: 'turnEnd', turn };
}
