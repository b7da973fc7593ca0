/**
 * The tab's half of the unread markers: while the tab is visible, the thread it shows is read, so the
 * tab asks the engine to clear that marker (once per marker), and a hidden tab leaves it set.
 */
import { assert } from '@open-wc/testing';
import type { ReadStateRecord } from '../../../protocol/local-records.ts';
import { createReadMarks } from '../../../web/src/state/read-marks.ts';

/** A document whose visibility a test sets; only what createReadMarks uses. */
class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  setVisibility(state: DocumentVisibilityState): void {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

const mark = (threadId: string, unread: boolean, rev: number): ReadStateRecord => ({ threadId, unread, rev });

function setup(shown: string | null = 'a', visibility: DocumentVisibilityState = 'visible') {
  const doc = new FakeDocument();
  doc.visibilityState = visibility;
  const asked: string[] = [];
  const state = { shown };
  // why the cast: createReadMarks reads only visibilityState and listens for visibilitychange.
  const marks = createReadMarks(async (id) => void asked.push(id), () => state.shown, doc as unknown as Document);
  return { doc, asked, state, marks };
}

suite('createReadMarks', () => {
  test('lists the threads with a marker set, the newest copy of each winning', () => {
    const { marks } = setup(null);
    marks.apply([mark('a', true, 1), mark('b', true, 1), mark('c', false, 1)]);
    marks.apply([mark('b', false, 2), mark('a', false, 0)]);
    assert.deepEqual([...marks.unread.get()].sort(), ['a']);
  });

  test('a visible tab clears the marker of the thread it shows, once per marker', () => {
    const { marks, asked } = setup('a');
    marks.apply([mark('a', true, 1), mark('b', true, 1)]);
    marks.check();
    assert.deepEqual(asked, ['a'], 'only the shown thread, only once');
    marks.apply([mark('a', false, 2)]);
    marks.apply([mark('a', true, 3)]);
    assert.deepEqual(asked, ['a', 'a'], 'new activity while shown is read at once');
  });

  test('a hidden tab leaves the marker until it becomes visible', () => {
    const { marks, asked, doc } = setup('a', 'hidden');
    marks.apply([mark('a', true, 1)]);
    assert.deepEqual(asked, []);
    doc.setVisibility('visible');
    assert.deepEqual(asked, ['a']);
  });

  test('selecting a thread with a marker clears it', () => {
    const { marks, asked, state } = setup(null);
    marks.apply([mark('b', true, 1)]);
    assert.deepEqual(asked, []);
    state.shown = 'b';
    marks.check();
    assert.deepEqual(asked, ['b']);
  });
});
