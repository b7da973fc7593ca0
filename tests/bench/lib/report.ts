/** How a figure is printed: one line with the value, the baseline, their ratio and each aim in words. */

/** One aim of a figure and whether this run meets it. */
export interface Aim {
  /** The aim as the issue states it, e.g. `added p50 ≤ 1.5× bare hop`. */
  readonly what: string;
  readonly meets: boolean;
}

/** One printed figure. */
export interface FigureLine {
  /** Short name, e.g. `relay round-trip`. */
  readonly name: string;
  /** The value and the baseline, e.g. `bridge p50 0.45 ms, direct p50 0.21 ms, …`. */
  readonly measured: string;
  readonly aims: readonly Aim[];
  /** Extra indented lines (per-chunk sizes, breakdowns). */
  readonly details?: readonly string[];
}

export function aim(what: string, meets: boolean): Aim {
  return { what, meets };
}

/** `MEETS` / `MISSES` as words a reader cannot misread. */
export function verdict(a: Aim): string {
  return `${a.what}: ${a.meets ? 'MEETS the aim' : 'MISSES the aim'}`;
}

export function formatFigure(line: FigureLine): string {
  const aims = line.aims.length === 0 ? 'no aim (informational)' : line.aims.map(verdict).join('; ');
  const head = `${line.name.padEnd(18)} ${line.measured} | ${aims}`;
  return [head, ...(line.details ?? []).map((d) => `${' '.repeat(19)}${d}`)].join('\n');
}

/** True when every aim of every line is met. */
export function allMet(lines: readonly FigureLine[]): boolean {
  return lines.every((l) => l.aims.every((a) => a.meets));
}
