import type { LevelsFile } from '../levels-file.ts';
import type { IndexResult } from './index-result.ts';
import { addDays } from '../dates.ts';

/** The engine's published index as levels.json (`index[d][t]`, null = no index). */
export function toLevelsFile(result: IndexResult): LevelsFile {
  const T = result.townships;
  const dates: string[] = [];
  const index: (number | null)[][] = [];
  for (let d = 0; d < result.dayCount; d++) {
    dates.push(addDays(result.startDay, d));
    const row: (number | null)[] = [];
    for (let t = 0; t < T; t++) {
      const v = result.index[d * T + t]!;
      row.push(Number.isNaN(v) ? null : v);
    }
    index.push(row);
  }
  return { version: 1, dates, codes: [...result.codes], index };
}
