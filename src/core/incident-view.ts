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

/** Positions (lon, lat as Float32, as deck.gl wants them) of the points passing the filter. */
export function selectPoints(
  columns: IncidentColumns,
  visibleTypes: readonly boolean[],
  fromDay: number,
  toDay: number,
): { positions: Float32Array; types: Uint8Array; length: number } {
  const { coords, types, days } = columns;
  let n = 0;
  for (let i = 0; i < types.length; i++) if (visibleTypes[types[i]] && days[i] >= fromDay && days[i] <= toDay) n++;
  const positions = new Float32Array(n * 2);
  const outTypes = new Uint8Array(n);
  let j = 0;
  for (let i = 0; i < types.length; i++) {
    if (!visibleTypes[types[i]] || days[i] < fromDay || days[i] > toDay) continue;
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
