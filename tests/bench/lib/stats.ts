/** Small statistics and number formatting for the benchmarks. Pure. */

/** The value at quantile `q` (0..1) of `values`, by nearest rank on a sorted copy; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

export function max(values: readonly number[]): number {
  return values.reduce((m, v) => (v > m ? v : m), Number.NEGATIVE_INFINITY);
}

/** Milliseconds with a precision that suits their size: 0.062 ms, 4.31 ms, 187 ms, 2.41 s. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (a >= 1000) return `${(v / 1000).toFixed(2)} s`;
  if (a >= 100) return `${v.toFixed(0)} ms`;
  if (a >= 10) return `${v.toFixed(1)} ms`;
  if (a >= 1) return `${v.toFixed(2)} ms`;
  return `${v.toFixed(3)} ms`;
}

/** A count with thousands separators and a unit: 1,234,567 frames/s; large ones shortened (1.23M). */
export function rate(v: number, unit: string): string {
  if (!Number.isFinite(v)) return `${String(v)} ${unit}`;
  if (v >= 1e6) return `${(v / 1e6).toFixed(2)}M ${unit}`;
  if (v >= 1e4) return `${(v / 1e3).toFixed(0)}k ${unit}`;
  return `${v.toFixed(v >= 100 ? 0 : 1)} ${unit}`;
}

/** Bytes as KB / MB (1 KB = 1024 bytes). */
export function bytes(v: number): string {
  if (v >= 1024 * 1024) return `${(v / (1024 * 1024)).toFixed(1)} MB`;
  return `${(v / 1024).toFixed(1)} KB`;
}

/** A ratio such as 0.93× or 12.4×. */
export function ratio(v: number): string {
  if (!Number.isFinite(v)) return `${String(v)}×`;
  return v >= 10 ? `${v.toFixed(1)}×` : `${v.toFixed(2)}×`;
}

/** Runs `fn` `n` times, returning each result (sequentially). */
export async function repeat<T>(n: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}
