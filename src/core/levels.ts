/**
 * The five safety levels and the fixed index bands that map an index (0–100, 100 = safest) to a
 * level. Bands never move with the day's data, so a color means the same thing on every date.
 */

export type Level = 1 | 2 | 3 | 4 | 5;

export interface LevelInfo {
  level: Level;
  key: 'red' | 'orange' | 'yellow' | 'blue' | 'green';
  zh: string;
  en: string;
  color: string;
}

export const LEVELS: readonly LevelInfo[] = [
  { level: 1, key: 'red', zh: '红', en: 'Extreme', color: '#bc1113' },
  { level: 2, key: 'orange', zh: '橙', en: 'High', color: '#da7510' },
  { level: 3, key: 'yellow', zh: '黄', en: 'Elevated', color: '#f8c42f' },
  { level: 4, key: 'blue', zh: '蓝', en: 'General', color: '#4376db' },
  { level: 5, key: 'green', zh: '绿', en: 'Safe', color: '#77ed85' },
];

export const NO_DATA_COLOR = '#4a5160';

/**
 * Lower bounds of levels 2..5: an index below thresholds[0] is red, at or above thresholds[3] green.
 * A value exactly on a threshold belongs to the safer level (70 is yellow, not orange).
 */
export type Bands = readonly [number, number, number, number];

export const DEFAULT_BANDS: Bands = [60, 70, 80, 90];

export function classifyIndex(index: number | null | undefined, bands: Bands = DEFAULT_BANDS): Level | null {
  if (index === null || index === undefined || !Number.isFinite(index)) return null;
  let level = 1;
  for (const threshold of bands) if (index >= threshold) level++;
  return level as Level;
}

/** Human-readable band of a level, e.g. "60 – <70", "< 60", "≥ 90". */
export function bandLabel(level: Level, bands: Bands = DEFAULT_BANDS): string {
  if (level === 1) return `< ${bands[0]}`;
  if (level === 5) return `≥ ${bands[3]}`;
  return `${bands[level - 2]} – <${bands[level - 1]}`;
}

export function levelInfo(level: Level): LevelInfo {
  return LEVELS[level - 1];
}

/** Township count per level (index 0 = level 1 … 4 = level 5) plus those with no value. */
export function countLevels(levels: Iterable<Level | null>): { byLevel: number[]; noData: number } {
  const byLevel = [0, 0, 0, 0, 0];
  let noData = 0;
  for (const level of levels) {
    if (level === null) noData++;
    else byLevel[level - 1]++;
  }
  return { byLevel, noData };
}
