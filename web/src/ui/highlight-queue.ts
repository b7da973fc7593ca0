/**
 * When code blocks get highlighted. Once the highlighter's chunk is loaded, at once (a streaming block
 * or a card scrolled into view). Before that, blocks queue up, and after the chunk loads they are
 * highlighted in idle time, a few per idle callback. why: on a cold open every visible card waits for
 * the chunk, and highlighting all their blocks when it arrived was one long task (131 ms in one
 * profile, tests/bench/FINDINGS.md §5).
 */
import { loadHighlighter, loadedHighlighter } from './code-blocks.ts';
import { whenIdle, type IdleDeadlineLike } from './idle.ts';

/** The longest queued blocks wait for idle time on a busy page. */
const IDLE_TIMEOUT_MS = 500;

const queue: HTMLElement[] = [];
let idleScheduled = false;

/** Highlights `codes` (each once): now if the highlighter is loaded, else in idle time once it is. */
export function highlightSoon(codes: readonly HTMLElement[]): void {
  const highlighter = loadedHighlighter();
  if (highlighter !== null && queue.length === 0) {
    for (const code of codes) highlighter.highlightCode(code);
    return;
  }
  queue.push(...codes);
  void loadHighlighter().then(scheduleIdle, () => undefined);
}

function scheduleIdle(): void {
  if (queue.length === 0 || idleScheduled) return;
  idleScheduled = true;
  whenIdle((deadline: IdleDeadlineLike) => {
    idleScheduled = false;
    const highlighter = loadedHighlighter();
    // At least one block per callback, so a page that is never idle still gets there.
    do {
      const code = queue.shift();
      if (code !== undefined) highlighter?.highlightCode(code);
    } while (queue.length > 0 && deadline.timeRemaining() > 1);
    scheduleIdle();
  }, IDLE_TIMEOUT_MS);
}
