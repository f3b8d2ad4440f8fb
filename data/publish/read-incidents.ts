/**
 * The incidents of the history as the engine counts them: incident points (CSV/GeoJSON, read
 * strictly) written to incidents.bin and joined from its decoded coordinates — exactly what the app
 * joins, so its own recomputation agrees with the published levels — or a counts CSV from a join
 * done elsewhere (data/JOIN.md), whose codes and dates are checked against the boundaries and the
 * history.
 */
import { bilingual, DataError, ProblemList } from '../../src/core/data-error.ts';
import { readCounts } from '../../src/core/counts/read-counts.ts';
import { daysBetween } from '../../src/core/dates.ts';
import { codeProblem, lineAt } from '../../src/core/indicators/township-code.ts';
import { decodeIncidents, encodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { INCIDENT_TYPE_COUNT, INCIDENT_TYPES } from '../../src/core/incidents/incident-types.ts';
import { parseIncidentsStrict, type HistoryWindow } from '../../src/core/incidents/strict-incidents.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Collector } from './collect.ts';
import type { ExportText } from './exports-folder.ts';
import type { Phases } from './phases.ts';

export interface PublishIncidents {
  /** `[(d · T + t) · 7 + type]` over the history, in boundary order. */
  readonly countsByDay: Uint32Array;
  /** incidents.bin bytes; null when the city gave counts. */
  readonly bin: Uint8Array | null;
  readonly total: number;
  /** Points outside every township (counted nowhere), for the report. */
  readonly outside: number;
}

export function readIncidents(
  points: readonly ExportText[],
  counts: readonly ExportText[],
  features: readonly Feature<Polygon | MultiPolygon>[],
  codes: readonly string[],
  history: HistoryWindow,
  boundariesFile: string,
  problems: Collector,
  phases?: Phases,
): PublishIncidents | null {
  if (points.length > 0 && counts.length > 0) {
    problems.add(new DataError(counts[0]!.name, bilingual(`is given beside incident points (${points[0]!.name}) — give either points or counts, not both (they would count twice)`, `与事件点文件（${points[0]!.name}）同时提供；请只提供事件点或计数之一，否则会重复计数`)));
    return null;
  }
  if (points.length === 0 && counts.length === 0) {
    problems.add(new DataError('incidents.csv', bilingual('is missing: the exports folder needs incidents*.csv/.geojson (points) or counts*.csv', '缺少事件文件：导出文件夹中需要 incidents*.csv/.geojson（事件点）或 counts*.csv（计数）')));
    return null;
  }
  return points.length > 0 ? fromPoints(points, features, codes.length, history, problems, phases) : fromCounts(counts, codes, history, boundariesFile, problems);
}

function fromPoints(files: readonly ExportText[], features: readonly Feature<Polygon | MultiPolygon>[], T: number, history: HistoryWindow, problems: Collector, phases?: Phases): PublishIncidents | null {
  const parsed = files.map((f) => problems.attempt(() => parseIncidentsStrict(f.text, f.name, history)));
  phases?.lap('incidents: parse');
  if (parsed.some((p) => p === undefined)) return null;
  const n = parsed.reduce((s, p) => s + p!.types.length, 0);
  const coords = new Float64Array(2 * n);
  const types = new Uint8Array(n);
  const days = new Uint16Array(n);
  let k = 0;
  for (const p of parsed) {
    coords.set(p!.coords, 2 * k);
    types.set(p!.types, k);
    days.set(p!.days, k);
    k += p!.types.length;
  }
  const bin = new Uint8Array(encodeIncidents({ coords, types, days, startDay: history.startDay, dayCount: history.dayCount }));
  const decoded = decodeIncidents(bin, 'incidents.bin');
  const join = joinPoints(buildJoinIndex(features), decoded.coords, decoded.types, INCIDENT_TYPE_COUNT, decoded.days, decoded.dayCount);
  let outside = 0;
  for (let i = 0; i < n; i++) if (join.township[i]! < 0) outside++;
  const countsByDay = join.countsByDay!;
  if (countsByDay.length !== history.dayCount * T * INCIDENT_TYPE_COUNT) throw new RangeError('join counts do not cover the history');
  return { countsByDay, bin, total: n, outside };
}

function fromCounts(files: readonly ExportText[], codes: readonly string[], history: HistoryWindow, boundariesFile: string, problems: Collector): PublishIncidents | null {
  const T = codes.length;
  const C = INCIDENT_TYPE_COUNT;
  const col = new Map(codes.map((c, t) => [c, t]));
  const known = new Set(codes);
  const countsByDay = new Uint32Array(history.dayCount * T * C);
  let total = 0;
  let ok = true;
  for (const f of files) {
    const rows = problems.attempt(() => readCounts(f.text, f.name));
    if (!rows) {
      ok = false;
      continue;
    }
    const list = new ProblemList(f.name);
    rows.forEach((r, i) => {
      const at = lineAt(i + 2); // readCounts allows no blank line before the end, so row i is line i + 2
      const bad = codeProblem(r.code, at, known, boundariesFile);
      if (bad !== null) return list.add(bad);
      if (r.date === '') return list.add(bilingual(`${at.en}, column "date": the date is empty — counts for publishing need the day of each count`, `${at.zh}“date”列：日期为空，发布用的计数必须注明日期`));
      const d = daysBetween(history.startDay, r.date);
      if (d < 0 || d >= history.dayCount) {
        return list.add(bilingual(`${at.en}, column "date": ${r.date} is outside the history ${history.startDay} … (${history.dayCount} days) — check the date, or add that day's indicators`, `${at.zh}“date”列：${r.date} 不在历史期（自 ${history.startDay} 起 ${history.dayCount} 天）内，请核对日期，或补充当天的指标`));
      }
      countsByDay[(d * T + col.get(r.code)!) * C + INCIDENT_TYPES.indexOf(r.type)] += r.count;
      total += r.count;
    });
    if (list.total > 0) {
      ok = false;
      problems.attempt(() => list.throwIfAny());
    }
  }
  return ok ? { countsByDay, bin: null, total, outside: 0 } : null;
}
