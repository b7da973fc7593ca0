/* global window, document */
// Page-side helpers shared by the browser benchmarks: find OK Code's parts through the open shadow
// roots (okc-app → okc-thread-list / okc-thread-view → okc-item-card → okc-markdown).
(() => {
  const shadow = (el, sel) => (el && el.shadowRoot ? el.shadowRoot.querySelector(sel) : null);
  const app = () => document.querySelector('okc-app');
  const threadNav = () => shadow(shadow(app(), 'okc-thread-list'), 'nav[aria-label="Threads"]');
  /** The thread buttons painted in the "Threads" navigation (one per okc-thread-row, in its shadow root). */
  const threadButtonCount = () => {
    const nav = threadNav();
    if (!nav) return 0;
    let n = 0;
    for (const row of nav.querySelectorAll('okc-thread-row')) if ((row.shadowRoot || row).querySelector('button.thread')) n++;
    return n;
  };
  /**
   * True when the "Threads" navigation shows all `want` thread buttons, or when its rendered rows
   * already reach past the bottom of its visible area (the list renders the rows out of view later).
   */
  const threadListFilled = (want) => {
    const nav = threadNav();
    if (!nav) return false;
    const rows = nav.querySelectorAll('okc-thread-row');
    if (rows.length === 0) return false;
    if (threadButtonCount() >= want) return true;
    const last = rows[rows.length - 1];
    if (!(last.shadowRoot || last).querySelector('button.thread')) return false;
    const bottom = Math.min(nav.getBoundingClientRect().bottom, window.innerHeight);
    return last.getBoundingClientRect().top >= bottom;
  };
  /** The selected thread's button in the "Threads" navigation, or null. */
  const selectedThreadButton = () => {
    const nav = threadNav();
    const row = nav ? nav.querySelector('okc-thread-row[selected]') : null;
    return row ? (row.shadowRoot || row).querySelector('button.thread[aria-current="true"]') : null;
  };
  const view = () => shadow(app(), 'okc-thread-view');
  const rows = () => shadow(view(), '.rows');
  const scroller = () => shadow(view(), '.log');
  /** Text of an element including the open shadow roots below it. */
  const deepText = (el) => {
    if (!el) return '';
    let text = '';
    const walk = (node) => {
      if (node.nodeType === 3) text += node.data;
      if (node.shadowRoot) walk(node.shadowRoot);
      for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    };
    walk(el);
    return text;
  };
  /** The last transcript card, when its text contains `marker`. */
  const lastCardWith = (marker) => {
    const r = rows();
    const last = r ? r.lastElementChild : null;
    return last && deepText(last).includes(marker) ? last : null;
  };
  /** True when `el` overlaps the transcript's visible area. */
  const inView = (el) => {
    const s = scroller();
    if (!s) return false;
    const a = el.getBoundingClientRect();
    const b = s.getBoundingClientRect();
    return a.height > 0 && a.top < b.bottom && a.bottom > b.top;
  };
  window.__okcDom = { app, threadButtonCount, threadListFilled, selectedThreadButton, rows, deepText, lastCardWith, inView };
})();
