/* global window, indexedDB, sessionStorage */
// Writes benchmark history straight into OK Code's IndexedDB ('okcode', as the app created it), from
// the typed record templates of lib/history.ts: cfg.threads threads, the first (newest) of which has
// cfg.items transcript items in turns of four (user message, agent markdown, command with output,
// agent markdown); its last item is an agent message ending with cfg.marker. Selects that thread for
// the tab (sessionStorage, as the app does) and resolves with its id.
(() => {
  const para =
    'The change touches the **engine** and the `projector`: deltas are folded into records, ' +
    'flushed to IndexedDB and announced to every tab. See [the notes](https://example.com/notes) for why.';
  const agentText = (i) =>
    `Step ${i}: here is what I found.\n\n${para}\n\n- first, read \`web/src/engine/ingest.ts\`\n` +
    `- second, run the tests\n\n\`\`\`ts\nconst answer${i} = ${i} * 2;\n\`\`\`\n`;
  const output = (i) => Array.from({ length: 8 }, (_, k) => `line ${k} of the output of command ${i}`).join('\n');

  function item(tpl, threadId, i, n, marker) {
    const ids = { threadId, itemId: `item-${i}`, turnId: `turn-${Math.floor(i / 4)}`, ord: i };
    if (i === n - 1) return { ...tpl.agent, ...ids, text: `${agentText(i)}\nAll done: ${marker}` };
    switch (i % 4) {
      case 0:
        return { ...tpl.user, ...ids, text: `Please look at part ${i} of the code and tell me what to change there.` };
      case 2:
        return { ...tpl.command, ...ids, command: `npm test -- part-${i}`, output: output(i), durationMs: 1200 + i };
      default:
        return { ...tpl.agent, ...ids, text: agentText(i) };
    }
  }

  const done = (req) =>
    new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });

  window.__okcSeed = async (cfg) => {
    const tpl = cfg.templates;
    const db = await done(indexedDB.open('okcode'));
    const tx = db.transaction(['threads', 'turns', 'items'], 'readwrite');
    const bigId = `bench-thread-0-${cfg.marker}`;
    for (let i = 0; i < cfg.threads; i++) {
      const t = tpl.thread.createdAt - i * 60;
      tx.objectStore('threads').put({
        ...tpl.thread,
        id: i === 0 ? bigId : `bench-thread-${i}-${cfg.marker}`,
        preview: `Thread ${i}: ${tpl.thread.preview}`,
        createdAt: t,
        updatedAt: t,
        nextOrd: i === 0 ? cfg.items : 0,
      });
    }
    for (let t = 0; t * 4 < cfg.items; t++) tx.objectStore('turns').put({ ...tpl.turn, threadId: bigId, turnId: `turn-${t}` });
    for (let i = 0; i < cfg.items; i++) tx.objectStore('items').put(item(tpl, bigId, i, cfg.items, cfg.marker));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    db.close();
    sessionStorage.setItem('okcode.selectedThread', bigId);
    return bigId;
  };
})();
