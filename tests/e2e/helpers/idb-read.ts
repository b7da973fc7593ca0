/** Reads whole object stores of the app's IndexedDB (`okcode`) from inside a page, in one transaction. */
import type { Page } from 'playwright-core';

export async function readStores(page: Page, stores: readonly string[]): Promise<Record<string, Array<Record<string, unknown>>>> {
  // why a string: the e2e tests compile without the DOM lib; this runs in the page.
  return (await page.evaluate(`new Promise((resolve, reject) => {
    const names = ${JSON.stringify(stores)};
    const open = indexedDB.open('okcode');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(names);
      const reqs = names.map((n) => tx.objectStore(n).getAll());
      tx.oncomplete = () => { db.close(); resolve(Object.fromEntries(names.map((n, i) => [n, reqs[i].result]))); };
      tx.onerror = () => reject(tx.error);
    };
  })`)) as Record<string, Array<Record<string, unknown>>>;
}
