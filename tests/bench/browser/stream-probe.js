/* global window, Worker, BroadcastChannel, MutationObserver, requestAnimationFrame, performance */
// Page-side half of the streaming figure. `arm(cfg)` starts the baseline (bare-socket-worker.js,
// served by the benchmark at cfg.workerUrl) on the thread about to stream, then every animation
// frame checks whether the selected thread's agent message shows cfg.marker at its end (the last
// delta is on screen). Times are absolute (timeOrigin + now), like the worker's. For the findings it
// also counts the engine's change notices (cfg.channel) and the re-renders of the message's markdown
// (replacements of its children). Needs dom.js and longtasks.js (installed as init scripts).
(() => {
  let s = null;
  let worker = null;

  /** The end of the last agent message's rendered markdown (the last card's okc-markdown). */
  const markdownTail = () => {
    const rows = window.__okcDom.rows();
    const card = rows ? rows.lastElementChild : null;
    const md = card && card.shadowRoot ? card.shadowRoot.querySelector('okc-markdown') : null;
    const body = md && md.shadowRoot ? md.shadowRoot.querySelector('.md') : null;
    const last = body ? body.lastElementChild : null;
    return last ? last.textContent : '';
  };

  /** The last card's markdown body, watched for re-renders once it exists. */
  const observeBody = () => {
    const rows = window.__okcDom.rows();
    const card = rows ? rows.lastElementChild : null;
    const md = card && card.shadowRoot ? card.shadowRoot.querySelector('okc-markdown') : null;
    const body = md && md.shadowRoot ? md.shadowRoot.querySelector('.md') : null;
    if (body === null || body === s.body) return;
    if (s.observer) s.observer.disconnect();
    s.body = body;
    s.observer = new MutationObserver(() => s.renders++);
    s.observer.observe(body, { childList: true });
  };

  const watchScreen = (frameTime) => {
    if (s === null || s.screenAt !== null) return;
    observeBody();
    if (markdownTail().includes(s.marker)) {
      s.screenAt = performance.timeOrigin + frameTime;
      s.observer?.disconnect();
      s.channel.close();
    } else requestAnimationFrame(watchScreen);
  };

  window.__okcStream = {
    arm(cfg) {
      worker = worker || new Worker(cfg.workerUrl);
      s = { marker: cfg.marker, screenAt: null, bare: null, notices: 0, renders: 0, body: null, observer: null, channel: new BroadcastChannel(cfg.channel) };
      s.channel.onmessage = () => s.notices++;
      return new Promise((resolve, reject) => {
        worker.onmessage = (e) => {
          if (e.data.type === 'armed') {
            requestAnimationFrame(watchScreen);
            resolve(true);
          } else if (e.data.type === 'last') {
            s.bare = e.data;
          } else if (e.data.type === 'error') {
            reject(new Error(e.data.message));
          }
        };
        worker.postMessage({ type: 'arm', cfg });
      });
    },
    now() {
      return performance.timeOrigin + performance.now();
    },
    done() {
      return s !== null && s.screenAt !== null && s.bare !== null;
    },
    /** Results; long tasks counted from `since` (absolute). */
    result(since) {
      const from = since - performance.timeOrigin;
      const tasks = (window.__okcLongTasks || []).filter((t) => t.start >= from);
      return {
        first: s.bare.first,
        last: s.bare.last,
        count: s.bare.count,
        screenAt: s.screenAt,
        longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        longTasks: tasks.length,
        longTaskMs: tasks.reduce((n, t) => n + t.duration, 0),
        observed: window.__okcLongTasks !== null,
        notices: s.notices,
        renders: s.renders,
      };
    },
  };
})();
