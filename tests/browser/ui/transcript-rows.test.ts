import { assert } from '@open-wc/testing';
import { transcriptRows } from '../../../web/src/ui/transcript-rows.ts';
import type { ItemRecord, TurnRecord } from '../../../protocol/projections.ts';
import { item, turn } from '../support/builders.ts';

const T = 'th';
const msg = (itemId: string, turnId: string): ItemRecord =>
  item({ kind: 'userMessage', text: itemId }, { itemId, threadId: T, turnId });

interface Case {
  name: string;
  items: ItemRecord[];
  turns: TurnRecord[];
  expect: string[];
}

const cases: [Case, ...Case[]] = [
  { name: 'items only, in the order given', items: [msg('b', 't1'), msg('a', 't1')], turns: [], expect: ['item:b', 'item:a'] },
  {
    name: 'completed turns add nothing',
    items: [msg('a', 't1')],
    turns: [turn({ threadId: T, turnId: 't1', status: 'completed' }), turn({ threadId: T, turnId: 't2', status: 'inProgress' })],
    expect: ['item:a'],
  },
  {
    name: 'a failed turn goes after its last item',
    items: [msg('a', 't1'), msg('b', 't1'), msg('c', 't2')],
    turns: [turn({ threadId: T, turnId: 't1', status: 'failed', error: 'x' })],
    expect: ['item:a', 'item:b', 'turn:t1', 'item:c'],
  },
  {
    name: 'an interrupted turn too',
    items: [msg('a', 't1'), msg('b', 't2')],
    turns: [turn({ threadId: T, turnId: 't2', status: 'interrupted' })],
    expect: ['item:a', 'item:b', 'turn:t2'],
  },
  {
    name: 'a failed turn without items goes at the end',
    items: [msg('a', 't1')],
    turns: [turn({ threadId: T, turnId: 't9', status: 'failed', error: 'boom' })],
    expect: ['item:a', 'turn:t9'],
  },
  {
    name: 'a completed turn with a plan or a diff goes after its last item; a running one with a retry too',
    items: [msg('a', 't1'), msg('b', 't2'), msg('c', 't3'), msg('d', 't4')],
    turns: [
      turn({ threadId: T, turnId: 't1', status: 'completed', plan: { explanation: null, steps: [{ step: 'Read', status: 'completed' }] } }),
      turn({ threadId: T, turnId: 't2', status: 'completed', diff: '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n' }),
      turn({ threadId: T, turnId: 't3', status: 'completed', plan: { explanation: null, steps: [] }, diff: '' }),
      turn({ threadId: T, turnId: 't4', status: 'inProgress', retrying: { message: 'Reconnecting', code: null, httpStatus: null, details: null } }),
    ],
    expect: ['item:a', 'turn:t1', 'item:b', 'turn:t2', 'item:c', 'item:d', 'turn:t4'],
  },
];

suite('transcriptRows', () => {
  for (const c of cases) {
    test(c.name, () => {
      const items = structuredClone(c.items);
      const turns = structuredClone(c.turns);
      assert.deepEqual(transcriptRows(c.items, c.turns).map((r) => r.key), c.expect);
      assert.deepEqual(c.items, items, 'items not mutated');
      assert.deepEqual(c.turns, turns, 'turns not mutated');
    });
  }
});
