/** Waiting for Lit trees to finish rendering, nested elements included. */
import { allElements } from './aria-query.ts';

interface Updating {
  updateComplete: Promise<boolean>;
  isUpdatePending: boolean;
}

function isUpdating(el: Element): el is Element & Updating {
  return 'updateComplete' in el && 'isUpdatePending' in el;
}

/**
 * Resolves once `root` and every Lit element under it (through shadow roots) has no update pending.
 * Children render after their parent, so this loops until a pass finds nothing left to wait for.
 */
export async function settled(root: Element): Promise<void> {
  for (let pass = 0; pass < 20; pass++) {
    const pending = [root, ...allElements(root)].filter(isUpdating).filter((el) => el.isUpdatePending);
    if (pending.length === 0) return;
    await Promise.all(pending.map((el) => el.updateComplete));
  }
  throw new Error('elements kept updating after 20 passes');
}
