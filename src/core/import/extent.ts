/** [minLon, minLat, maxLon, maxLat] of interleaved lon/lat pairs; null when there are none. */
export function extentOf(coords: ArrayLike<number>): [number, number, number, number] | null {
  if (coords.length < 2) return null;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 1 < coords.length; i += 2) {
    const x = coords[i]!;
    const y = coords[i + 1]!;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return [w, s, e, n];
}
