/**
 * The indicator ids an indicators CSV may use: the daily.json series the index engine reads
 * (data/FORMATS.md), written as the id or its Chinese name — a clerk's column of "降雨量" rows is
 * read as `rainfall`. An unknown id is an error, never a series kept but unused.
 */
import { DAILY_SERIES, type DailySeriesId } from '../daily-file.ts';

export const INDICATOR_LABELS_ZH: Readonly<Record<DailySeriesId, string>> = {
  rainfall: '降雨量',
  disputes_new: '新增纠纷',
  disputes_resolved: '化解纠纷',
  disputes_open: '未化解纠纷',
  hazards_found: '排查隐患',
  hazards_rectified: '整改隐患',
  major_hazards_open: '未整改重大隐患',
  fatal_incidents: '亡人事故',
};

const LOOKUP: ReadonlyMap<string, DailySeriesId> = new Map(
  DAILY_SERIES.flatMap((id) => [
    [id, id],
    [INDICATOR_LABELS_ZH[id], id],
  ]),
);

/** The series id of an indicator cell (id, any case, or the Chinese name), else null. */
export function indicatorId(value: string): DailySeriesId | null {
  return LOOKUP.get(value) ?? LOOKUP.get(value.trim().toLowerCase().replace(/[\s-]+/g, '_')) ?? null;
}

export const INDICATOR_LIST = DAILY_SERIES.map((id) => `${id} (${INDICATOR_LABELS_ZH[id]})`).join(', ');
