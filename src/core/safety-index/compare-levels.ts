import type { LevelsFile } from '../levels-file.ts';
import type { IndexResult } from './index-result.ts';
import { daysBetween } from '../dates.ts';

/** Where the published levels.json and the engine (run on the deployed config and inputs) disagree. */
export interface LevelsDisagreement {
  /** Township-days compared: the dates and codes both cover. */
  readonly compared: number;
  /** Township-days whose index differs (by more than the published rounding) or is missing on one side. */
  readonly differing: number;
  /** The first one, in date then code order. */
  readonly first: { readonly date: string; readonly code: string; readonly published: number | null; readonly engine: number | null } | null;
}

/**
 * Compare levels.json with the engine's result. levels.json is what the pipeline published and what
 * the map shows; the engine explains it. They differ when index-config.json (or daily.json) was
 * edited after the last `npm run data`, and then the panel's "why" is about numbers the map is not
 * showing — the app says so instead of explaining silently with the wrong numbers.
 */
export function compareWithLevels(result: IndexResult, levels: LevelsFile, tolerance = 0.001): LevelsDisagreement {
  const T = result.townships;
  const engineColumn = new Map(result.codes.map((c, t) => [c, t]));
  const columns = levels.codes.map((c) => engineColumn.get(c) ?? -1);
  let compared = 0;
  let differing = 0;
  let first: LevelsDisagreement['first'] = null;
  levels.dates.forEach((date, row) => {
    const d = daysBetween(result.startDay, date);
    if (!(d >= 0 && d < result.dayCount)) return;
    const published = levels.index[row]!;
    columns.forEach((t, k) => {
      if (t < 0) return;
      compared++;
      const value = result.index[d * T + t]!;
      const engine = Number.isNaN(value) ? null : value;
      const p = published[k] ?? null;
      const same = p === null || engine === null ? p === engine : Math.abs(p - engine) <= tolerance;
      if (same) return;
      differing++;
      first ??= { date, code: levels.codes[k]!, published: p, engine };
    });
  });
  return { compared, differing, first };
}
