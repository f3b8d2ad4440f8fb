/**
 * Views over the daily levels: what changed since the day before, the city's trend, the ranking.
 * Pure functions over LevelsFile rows; the UI derives them per selected date.
 */
import { classifyIndex, DEFAULT_BANDS, type Bands, type Level } from './levels.ts';
import type { LevelsFile } from './levels-file.ts';

export interface LevelChange {
  code: string;
  from: Level | null;
  to: Level | null;
  indexFrom: number | null;
  indexTo: number | null;
}

/**
 * Townships whose level differs between dates[d − 1] and dates[d]: worse first (by how far they
 * fell, then by today's index), then better.
 */
export function levelChanges(levels: LevelsFile, d: number, bands: Bands = DEFAULT_BANDS): { worse: LevelChange[]; better: LevelChange[] } {
  const worse: LevelChange[] = [];
  const better: LevelChange[] = [];
  if (d <= 0 || d >= levels.dates.length) return { worse, better };
  const today = levels.index[d];
  const yesterday = levels.index[d - 1];
  levels.codes.forEach((code, t) => {
    const from = classifyIndex(yesterday[t], bands);
    const to = classifyIndex(today[t], bands);
    if (from === to || from === null || to === null) return;
    const change = { code, from, to, indexFrom: yesterday[t], indexTo: today[t] };
    (to < from ? worse : better).push(change);
  });
  worse.sort((a, b) => a.to! - b.to! || a.to! - a.from! - (b.to! - b.from!) || a.indexTo! - b.indexTo!);
  better.sort((a, b) => b.to! - a.to! || b.indexTo! - a.indexTo!);
  return { worse, better };
}

export interface CityDay {
  date: string;
  /** Mean index of the townships with a value (each township counts once). */
  index: number | null;
  byLevel: [number, number, number, number, number];
}

/** The city's mean index and count per level for each date in [from, to]. */
export function citySeries(levels: LevelsFile, from: number, to: number, bands: Bands = DEFAULT_BANDS): CityDay[] {
  const out: CityDay[] = [];
  for (let d = Math.max(0, from); d <= Math.min(levels.dates.length - 1, to); d++) {
    const byLevel: CityDay['byLevel'] = [0, 0, 0, 0, 0];
    let sum = 0;
    let n = 0;
    for (const v of levels.index[d]) {
      const level = classifyIndex(v, bands);
      if (level === null || v === null) continue;
      byLevel[level - 1]++;
      sum += v;
      n++;
    }
    out.push({ date: levels.dates[d], index: n > 0 ? Math.round((sum / n) * 10) / 10 : null, byLevel });
  }
  return out;
}

export interface RankedTownship {
  code: string;
  index: number;
  /** Change since the previous date, when both have a value. */
  delta: number | null;
}

/** Townships with a value on dates[d], worst (lowest index) first; ties by code. */
export function rankTownships(levels: LevelsFile, d: number, keep: (code: string) => boolean = () => true): RankedTownship[] {
  const today = levels.index[d] ?? [];
  const yesterday = d > 0 ? levels.index[d - 1] : null;
  const out: RankedTownship[] = [];
  levels.codes.forEach((code, t) => {
    const v = today[t];
    if (v === null || v === undefined || !keep(code)) return;
    const y = yesterday?.[t];
    out.push({ code, index: v, delta: y === null || y === undefined ? null : Math.round((v - y) * 10) / 10 });
  });
  return out.sort((a, b) => a.index - b.index || a.code.localeCompare(b.code));
}
