/**
 * What the incident layer and the township panel show, from the joined columns: the points of the
 * chosen types and days (for the map), and one township's counts per type over a window of days.
 */

export interface IncidentColumns {
  /** lon, lat interleaved. */
  coords: Float64Array;
  types: Uint8Array;
  /** Day offset of each point from the history's first day. */
  days: Uint16Array;
}

/** Columns reordered by day (stable within a day), with where each day starts. */
export interface DaySortedColumns extends IncidentColumns {
  /** Points of day d are `dayStart[d] … dayStart[d + 1] − 1`; length = last day + 2. */
  dayStart: Uint32Array;
}

/**
 * Sort the points by day once (a counting sort), so each date step of the map reads only the
 * points of its window instead of scanning a season or a province of incidents.
 */
export function sortByDay(columns: IncidentColumns): DaySortedColumns {
  const { coords, types, days } = columns;
  let last = 0;
  for (let i = 0; i < days.length; i++) if (days[i] > last) last = days[i];
  const dayStart = new Uint32Array(last + 2);
  for (let i = 0; i < days.length; i++) dayStart[days[i] + 1]++;
  for (let d = 1; d < dayStart.length; d++) dayStart[d] += dayStart[d - 1];
  const next = dayStart.slice(0, last + 1);
  const out = { coords: new Float64Array(coords.length), types: new Uint8Array(types.length), days: new Uint16Array(days.length), dayStart };
  for (let i = 0; i < days.length; i++) {
    const j = next[days[i]]++;
    out.coords[2 * j] = coords[2 * i];
    out.coords[2 * j + 1] = coords[2 * i + 1];
    out.types[j] = types[i];
    out.days[j] = days[i];
  }
  return out;
}

/**
 * Positions (lon, lat as Float32, as deck.gl wants them) of the points passing the filter. With
 * day-sorted columns only the window's points are read.
 */
export function selectPoints(
  columns: IncidentColumns | DaySortedColumns,
  visibleTypes: readonly boolean[],
  fromDay: number,
  toDay: number,
): { positions: Float32Array; types: Uint8Array; length: number } {
  const { coords, types, days } = columns;
  // A plain copy: the caller's flags may be a reactive proxy, too slow to read once per point.
  const visible = Array.from(visibleTypes, Boolean);
  let begin = 0;
  let end = types.length;
  if ('dayStart' in columns) {
    const { dayStart } = columns;
    const lastDay = dayStart.length - 2;
    begin = dayStart[Math.min(Math.max(fromDay, 0), lastDay + 1)];
    end = toDay < 0 ? 0 : dayStart[Math.min(toDay, lastDay) + 1];
  }
  // Day-sorted columns hold exactly the window's points between begin and end.
  const inWindow = 'dayStart' in columns ? (): boolean => true : (i: number): boolean => days[i] >= fromDay && days[i] <= toDay;
  const every = visible.every(Boolean) && 'dayStart' in columns;
  let n = 0;
  if (every) n = Math.max(0, end - begin);
  else for (let i = begin; i < end; i++) if (visible[types[i]] && inWindow(i)) n++;
  const positions = new Float32Array(n * 2);
  const outTypes = new Uint8Array(n);
  if (every) {
    // A season of a province's points: one native copy, no test per point.
    positions.set(coords.subarray(2 * begin, 2 * begin + 2 * n));
    outTypes.set(types.subarray(begin, begin + n));
    return { positions, types: outTypes, length: n };
  }
  let j = 0;
  for (let i = begin; i < end; i++) {
    if (!visible[types[i]] || !inWindow(i)) continue;
    positions[2 * j] = coords[2 * i];
    positions[2 * j + 1] = coords[2 * i + 1];
    outTypes[j] = types[i];
    j++;
  }
  return { positions, types: outTypes, length: n };
}

/**
 * One township's counts per type summed over days [fromDay, toDay], from a [day × township × type]
 * array.
 */
export function townshipCounts(
  countsByDay: Uint32Array,
  townshipCount: number,
  typeCount: number,
  township: number,
  fromDay: number,
  toDay: number,
): number[] {
  const out = new Array<number>(typeCount).fill(0);
  const dayCount = countsByDay.length / (townshipCount * typeCount);
  for (let d = Math.max(0, fromDay); d <= Math.min(dayCount - 1, toDay); d++) {
    const base = (d * townshipCount + township) * typeCount;
    for (let k = 0; k < typeCount; k++) out[k] += countsByDay[base + k];
  }
  return out;
}
