/** Waiting for a virtualized transcript to finish laying out its rows. */
import { nextFrame } from '@open-wc/testing';
import { allElements } from '../support/aria-query.ts';
import { settled } from '../support/settle.ts';

/**
 * Resolves once `root` has settled (every Lit element under it rendered) and every transcript under it
 * (`root` itself or any okc-thread-view below) stayed the same over animation frames: the virtualizer
 * measures rows after a frame, renders the rows in range, measures again, and only then is a
 * transcript complete.
 */
export async function transcriptSettled(root: Element): Promise<void> {
  let before = '';
  for (let pass = 0; pass < 30; pass++) {
    await settled(root);
    await nextFrame();
    await nextFrame();
    await settled(root);
    const now = snapshot(root);
    if (now === before) return;
    before = now;
  }
  throw new Error('the transcript kept changing for 30 passes');
}

/** The rendered rows of every transcript under `root` and their positions, to tell when they stop changing. */
function snapshot(root: Element): string {
  return [root, ...allElements(root)]
    .filter((el) => el.localName === 'okc-thread-view')
    .map(rowsOf)
    .join('\n');
}

function rowsOf(view: Element): string {
  const rows = view.shadowRoot?.querySelector('.rows');
  const log = view.shadowRoot?.querySelector('.log');
  if (!rows) return 'no rows';
  const parts = [...rows.children].map((c) => `${c.localName}@${(c as HTMLElement).style.transform}`);
  return `${log?.scrollTop ?? 0}|${rows.getAttribute('style') ?? ''}|${parts.join(',')}`;
}
