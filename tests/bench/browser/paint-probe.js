/* global window, requestAnimationFrame, performance */
// Init script for cold-open / memory: from the start of each document, checks every animation frame
// for (a) the thread list painted: its visible area filled with thread buttons (`list`), and all
// OKC_PROBE.threads buttons there (`listAll`; the list renders rows out of view in idle time), and (b) the transcript
// painted: the last card of the selected thread shows OKC_PROBE.marker inside the visible area.
// Times are performance.now(), i.e. ms since navigation start. Needs dom.js and the OKC_PROBE config.
(() => {
  const cfg = window.OKC_PROBE;
  const out = { list: null, listAll: null, transcript: null, firstFrame: null, frames: 0 };
  window.__okcPaint = out;
  const deadline = performance.now() + (cfg.timeoutMs || 60000);
  const tick = (now) => {
    out.frames++;
    if (out.firstFrame === null) out.firstFrame = now;
    const dom = window.__okcDom;
    if (dom && cfg.threads > 0 && out.list === null && dom.threadListFilled(cfg.threads)) out.list = now;
    if (dom && cfg.threads > 0 && out.listAll === null && dom.threadButtonCount() >= cfg.threads) out.listAll = now;
    if (dom && cfg.marker && out.transcript === null) {
      const card = dom.lastCardWith(cfg.marker);
      if (card && dom.inView(card)) out.transcript = now;
    }
    const done = (cfg.threads === 0 || out.listAll !== null) && (!cfg.marker || out.transcript !== null);
    if (!done && now < deadline) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
