/**
 * The calendar the daily data (daily.ts) and the incident points (incidents.ts) share: day
 * arithmetic on `YYYY-MM-DD` strings (UTC), weekends, the festivals and the seeded rainstorm spells.
 * A leaf module: it imports nothing from the pipeline modules that use it.
 */
import type { Festival } from '../../src/core/daily-file.ts';
import { addDays, weekdayOf } from '../../src/core/dates.ts';
import { createRandom } from '../../src/core/random.ts';

// Day arithmetic is the app's own (one date module for the app and the pipeline).
export { addDays };

/** Whether a `YYYY-MM-DD` day is a Saturday or a Sunday. */
export function isWeekend(day: string): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** Festivals overlapping [startDay, endDay] (inclusive). */
export function festivalsBetween(startDay: string, endDay: string): Festival[] {
  const out: Festival[] = [];
  const lunar: Festival[] = [{ name: '中秋节', first: '2026-09-25', last: '2026-09-27' }];
  for (let y = Number(startDay.slice(0, 4)); y <= Number(endDay.slice(0, 4)); y++) {
    out.push({ name: '劳动节', first: `${y}-05-01`, last: `${y}-05-05` });
    out.push({ name: '国庆节', first: `${y}-10-01`, last: `${y}-10-07` });
  }
  out.push(...lunar);
  return out.filter((f) => f.last >= startDay && f.first <= endDay).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
}

/** Days (offsets) of the rainstorms in the history; the same for a region and seed. */
export function rainstormDays(dayCount: number, seed: string): Set<number> {
  const random = createRandom(`${seed}:rainstorms`);
  const days = new Set<number>();
  for (let d = 0; d < dayCount; d++) if (random() < 0.06) for (let k = 0; k < 2 + Math.floor(random() * 2); k++) days.add(d + k);
  return days;
}
