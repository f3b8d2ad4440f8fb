import { INCIDENT_TYPES, isIncidentType, type IncidentType } from '../incidents/incident-types';
import { isDayKey } from '../dates.ts';

/**
 * The counts CSV (see data/JOIN.md): header `code,date,type,count`, then one row per non-zero count
 *
 *     code,date,type,count
 *     331102001,2024-05-01,fire,2
 *     331102001,2024-05-01,road_accident,5
 *
 * - `code`: the township code (no commas, quotes or line breaks);
 * - `date`: `YYYY-MM-DD` (the calendar day in UTC+8 unless configured), or empty in every row when
 *   the incidents had no times;
 * - `type`: one of INCIDENT_TYPES (the ids, not the Chinese labels);
 * - `count`: a positive integer.
 * Canonical order (what the writer produces): by date, then code, then type, each ascending as
 * plain strings (byte order) — the order of SQL `ORDER BY date, code, type`. LF line endings, a
 * final newline, no BOM, no quoting.
 */
export const COUNTS_HEADER = 'code,date,type,count';

export interface CountsRow {
  readonly code: string;
  /** `YYYY-MM-DD`, or '' when undated. */
  readonly date: string;
  readonly type: IncidentType;
  readonly count: number;
}

/**
 * Rows for the non-zero counts of a join. With `countsByDay` and `dayKeys` the rows are dated
 * (`countsByDay[(day · codes.length + township) · typeCount + type]`), else undated from `counts`
 * (`counts[township · typeCount + type]`). `typeCount` defaults to INCIDENT_TYPES.length.
 */
export function countsToRows(
  codes: readonly string[],
  counts: Uint32Array | null,
  byDay?: { readonly countsByDay: Uint32Array; readonly dayKeys: readonly string[] },
  typeCount: number = INCIDENT_TYPES.length,
): CountsRow[] {
  const rows: CountsRow[] = [];
  const F = codes.length;
  if (typeCount > INCIDENT_TYPES.length) throw new RangeError(`countsToRows: typeCount ${typeCount} > ${INCIDENT_TYPES.length} types`);
  if (byDay !== undefined) {
    const { countsByDay, dayKeys } = byDay;
    if (countsByDay.length !== dayKeys.length * F * typeCount) {
      throw new RangeError(`countsToRows: countsByDay has ${countsByDay.length} entries, expected ${dayKeys.length}×${F}×${typeCount}`);
    }
    for (let d = 0; d < dayKeys.length; d++) {
      for (let f = 0; f < F; f++) {
        for (let t = 0; t < typeCount; t++) {
          const c = countsByDay[(d * F + f) * typeCount + t]!;
          if (c > 0) rows.push({ code: codes[f]!, date: dayKeys[d]!, type: INCIDENT_TYPES[t]!, count: c });
        }
      }
    }
    return rows;
  }
  if (counts === null) throw new Error('countsToRows: neither counts nor countsByDay given');
  if (counts.length !== F * typeCount) throw new RangeError(`countsToRows: counts has ${counts.length} entries, expected ${F}×${typeCount}`);
  for (let f = 0; f < F; f++) {
    for (let t = 0; t < typeCount; t++) {
      const c = counts[f * typeCount + t]!;
      if (c > 0) rows.push({ code: codes[f]!, date: '', type: INCIDENT_TYPES[t]!, count: c });
    }
  }
  return rows;
}

/**
 * Write counts rows as the counts CSV, in canonical order. Throws an Error for a row that the
 * format cannot hold (bad code, date, type or count; a duplicate code/date/type; dated and undated
 * rows mixed).
 */
export function writeCounts(rows: readonly CountsRow[]): string {
  const sorted = [...rows].sort(compareRows);
  const parts: string[] = [COUNTS_HEADER];
  let dated: boolean | null = null;
  let prev: CountsRow | null = null;
  for (const r of sorted) {
    if (r.code === '' || /[,"\r\n]/.test(r.code)) throw new Error(`writeCounts: code ${JSON.stringify(r.code)} is empty or contains , " or a line break`);
    if (r.date !== '' && !isDayKey(r.date)) throw new Error(`writeCounts: date ${JSON.stringify(r.date)} is not YYYY-MM-DD`);
    if (!isIncidentType(r.type)) throw new Error(`writeCounts: unknown type ${JSON.stringify(r.type)}`);
    if (!Number.isInteger(r.count) || r.count <= 0) throw new Error(`writeCounts: count ${r.count} for ${r.code} is not a positive integer`);
    const isDated = r.date !== '';
    if (dated === null) dated = isDated;
    else if (dated !== isDated) throw new Error('writeCounts: dated and undated rows mixed');
    if (prev !== null && compareRows(prev, r) === 0) throw new Error(`writeCounts: duplicate row ${r.code},${r.date},${r.type}`);
    parts.push(`${r.code},${r.date},${r.type},${r.count}`);
    prev = r;
  }
  return parts.join('\n') + '\n';
}

/** Canonical order: date, code, type, as plain strings. */
export function compareRows(a: CountsRow, b: CountsRow): number {
  return cmp(a.date, b.date) || cmp(a.code, b.code) || cmp(a.type, b.type);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
