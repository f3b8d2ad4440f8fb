/**
 * Incidents for publishing: the app's parser (parseIncidents) reads the file, and every row it
 * would skip becomes a problem naming the row, the field, the value and the fix — a published
 * data set must not lose incidents silently. Times are required (the index counts per day), and
 * every incident must fall within the history being published.
 */
import { bilingual, DataError, ProblemList } from '../data-error.ts';
import { DATE_FORMS_EN, DATE_FORMS_ZH } from '../date-forms.ts';
import { DEFAULT_UTC_OFFSET_MINUTES, dayNumberAt, dayNumberOf, formatDayNumber } from '../dates.ts';
import { INCIDENT_TYPE_LABELS_ZH, INCIDENT_TYPES } from './incident-types.ts';
import { REASON, type ParsedIncidents } from './incident-rows.ts';
import { parseIncidents } from './parse-incidents.ts';

const TYPE_LIST = INCIDENT_TYPES.map((t) => `${t} (${INCIDENT_TYPE_LABELS_ZH[t]})`).join(', ');

export interface StrictIncidents extends ParsedIncidents {
  readonly times: Float64Array;
  /** Day offset of each incident from the history's first day. */
  readonly days: Uint16Array;
}

export interface HistoryWindow {
  readonly startDay: string;
  readonly dayCount: number;
}

export function parseIncidentsStrict(text: string, file: string, history: HistoryWindow, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): StrictIncidents {
  const parsed = parseIncidents(text, file, { utcOffsetMinutes, maxSkippedListed: 20 });
  const geo = /^[\s\ufeff\u001e]*[[{]/.test(text);
  const rowName = (row: number): { en: string; zh: string } => (geo ? { en: `feature #${row}`, zh: `第 ${row} 个要素` } : { en: `line ${row}`, zh: `第 ${row} 行` });
  if (parsed.rowCount === 0) throw new DataError(file, bilingual('has no incidents (no rows or features) — export the incidents of the history, or leave the file out', '没有任何事件（没有数据行或要素），请导出历史期内的事件，或不提供此文件'));
  if (parsed.skippedCount > 0) {
    const problems = new ProblemList(file);
    for (const s of parsed.skipped) problems.add(skippedMessage(rowName(s.row), s.reason));
    problems.total = parsed.skippedCount;
    problems.throwIfAny();
  }
  if (parsed.times === undefined) {
    throw new DataError(file, bilingual('has no time column — add a "time" (or "date", "发生时间") column so each incident counts on its day', '没有时间列，请添加“time”（或“date”“发生时间”）列，事件才能按日统计'));
  }
  const first = dayNumberOf(history.startDay)!;
  const last = first + history.dayCount - 1;
  const days = new Uint16Array(parsed.times.length);
  const problems = new ProblemList(file);
  // Line numbers are only needed for a message: found on the first incident outside the history.
  let lines: ((i: number) => number) | null = null;
  const rowOf = (i: number): number => (geo ? i + 1 : (lines ??= csvDataLines(text))(i));
  for (let i = 0; i < parsed.times.length; i++) {
    const day = dayNumberAt(parsed.times[i]!, utcOffsetMinutes);
    if (day < first || day > last) {
      const at = rowName(rowOf(i));
      problems.add(
        bilingual(
          `${at.en}: the incident is dated ${formatDayNumber(day)}, outside the history ${history.startDay} … ${formatDayNumber(last)} — check the date, or add that day's indicators`,
          `${at.zh}：事件日期 ${formatDayNumber(day)} 不在历史期 ${history.startDay} … ${formatDayNumber(last)} 内，请核对日期，或补充当天的指标`,
        ),
      );
      continue;
    }
    days[i] = day - first;
  }
  problems.throwIfAny();
  return { ...parsed, times: parsed.times, days };
}

function skippedMessage(at: { en: string; zh: string }, reason: string): string {
  if (reason.startsWith(REASON.type)) {
    const value = reason.slice(REASON.type.length).trim();
    return bilingual(`${at.en}, column "type": unknown incident type ${value} — use one of ${TYPE_LIST}`, `${at.zh}“type”列：未知的事件类型 ${value}，请使用 ${TYPE_LIST} 之一`);
  }
  if (reason.startsWith(REASON.time)) {
    const value = reason.slice(REASON.time.length).trim();
    return bilingual(`${at.en}, column "time": ${value} is not a date and time — write it as ${DATE_FORMS_EN}, with a time like 08:30 if known`, `${at.zh}“time”列：${value} 不是日期时间，请写成 ${DATE_FORMS_ZH}，可加时间如 08:30`);
  }
  if (reason.startsWith(REASON.range)) {
    const swapped = reason.includes('swapped');
    const value = reason.slice(REASON.range.length + 2);
    return swapped
      ? bilingual(`${at.en}: ${value.replace(/ \(.*\)$/, '')} is outside lon/lat ranges and looks like lat/lon swapped — put the longitude (~120) in "lon" and the latitude (~28) in "lat"`, `${at.zh}：${value.replace(/ \(.*\)$/, '')} 超出经纬度范围，像是经纬度写反了，请把经度（约 120）放在“lon”列、纬度（约 28）放在“lat”列`)
      : bilingual(`${at.en}: ${value.replace(/ \(.*\)$/, '')} is outside lon/lat ranges (projected coordinates?) — export WGS84 longitude/latitude in degrees (EPSG:4326)`, `${at.zh}：${value.replace(/ \(.*\)$/, '')} 超出经纬度范围（投影坐标？），请导出 WGS84 经纬度（EPSG:4326）`);
  }
  if (reason.startsWith(REASON.coords)) {
    return bilingual(`${at.en}: longitude/latitude missing or not numbers — fill in "lon" and "lat" in degrees (e.g. 119.91, 28.45)`, `${at.zh}：经纬度缺失或不是数字，请在“lon”“lat”列填写度数（如 119.91、28.45）`);
  }
  if (reason.startsWith(REASON.geometry)) {
    return bilingual(`${at.en}: ${reason} — each incident must be a Point`, `${at.zh}：不是点要素，每个事件必须是 Point`);
  }
  return bilingual(`${at.en}: ${reason}`, `${at.zh}：${reason}`);
}

/**
 * Line numbers of a CSV's data rows (blank lines skipped), so a kept incident — the parser keeps
 * rows in order and, here, skips none — can be named by its line. Quoted line breaks are rare in
 * incident exports; where present, the line named is the row's first.
 */
function csvDataLines(text: string): (i: number) => number {
  const lines: number[] = [];
  const all = text.split('\n');
  let header = true;
  let open = false;
  all.forEach((l, k) => {
    if (!open && l.trim() === '') return;
    const starts = !open;
    if ((l.split('"').length - 1) % 2 === 1) open = !open;
    if (!starts) return;
    if (header) header = false;
    else lines.push(k + 1);
  });
  return (i) => lines[i] ?? i + 2;
}
