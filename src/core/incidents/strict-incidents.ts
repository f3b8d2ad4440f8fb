/**
 * Incidents for publishing: the app's parser (parseIncidents) reads the file, and every row it
 * would skip becomes a problem naming the row, the field, the value and the fix — a published
 * data set must not lose incidents silently. Times are required (the index counts per day), and
 * every incident must fall within the history being published.
 */
import { bilingual, DataError, ProblemList } from '../data-error.ts';
import { DEFAULT_UTC_OFFSET_MINUTES, dayNumberAt, dayNumberOf, formatDayNumber } from '../dates.ts';
import type { ParsedIncidents } from './incident-rows.ts';
import { parseIncidents } from './parse-incidents.ts';
import { rowName, skippedMessage } from './skip-messages.ts';

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
  if (parsed.rowCount === 0) throw new DataError(file, bilingual('has no incidents (no rows or features) — export the incidents of the history, or leave the file out', '没有任何事件（没有数据行或要素），请导出历史期内的事件，或不提供此文件'));
  if (parsed.skippedCount > 0) {
    const problems = new ProblemList(file);
    for (const s of parsed.skipped) problems.add(skippedMessage(rowName(s.row, geo), s.reason));
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
      const at = rowName(rowOf(i), geo);
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
