/* global window, PerformanceObserver */
// Collects every main-thread long task (> 50 ms) of the page from its start, for the benchmarks.
(() => {
  window.__okcLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__okcLongTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    window.__okcLongTasks = null;
  }
})();
