/** The shape of one benchmark: a key to select it on the command line and a run that measures it. */
import type { FigureLine } from './report.ts';

export interface Figure {
  /** Selects it: `npm run bench -- <key>` (its number works too). */
  readonly key: string;
  /** Its number in the table. */
  readonly no: number;
  readonly title: string;
  /** Measures the figure and its baseline in this run; throws only when the benchmark itself breaks. */
  run(): Promise<FigureLine[]>;
}
