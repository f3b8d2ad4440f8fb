/** The series of daily.json, one value per township and day (data/FORMATS.md, "daily.json"). */
export const DAILY_SERIES = [
  'rainfall',
  'disputes_new',
  'disputes_resolved',
  'disputes_open',
  'hazards_found',
  'hazards_rectified',
  'major_hazards_open',
  'fatal_incidents',
] as const;

export type DailySeriesId = (typeof DAILY_SERIES)[number];
