/**
 * Incident density as an image, computed on the CPU once per date window so the map only draws one
 * textured quad per frame. (A GPU heatmap re-aggregates every point on every frame; on software
 * WebGL — a wall PC's integrated graphics, a tablet — that cost 19× an idle frame per date step.)
 *
 * Rows are spaced in Web Mercator y, so the image lines up when its four corners are placed on the
 * map. Densities are absolute (incidents per kernel), not scaled to the day's maximum: like the
 * fixed index bands, the same shade means the same density on every date.
 */

export interface DensityGrid {
  /** West, south, east, north (degrees). */
  readonly bbox: readonly [number, number, number, number];
  readonly width: number;
  readonly height: number;
  /** Smoothed incident count per cell, row 0 = north. */
  readonly values: Float32Array;
}

const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/**
 * Bin `count` points (`positions` lon, lat interleaved) into a width × height grid over `bbox`, then
 * smooth with three box blurs of `radius` cells (close to a Gaussian). Points outside are ignored.
 */
export function densityGrid(
  positions: ArrayLike<number>,
  count: number,
  bbox: readonly [number, number, number, number],
  width: number,
  height: number,
  radius: number,
): DensityGrid {
  const [west, south, east, north] = bbox;
  const top = mercatorY(north);
  const yScale = height / (top - mercatorY(south));
  const xScale = width / (east - west);
  const values = new Float32Array(width * height);
  for (let i = 0; i < count; i++) {
    const x = Math.floor((positions[2 * i] - west) * xScale);
    const y = Math.floor((top - mercatorY(positions[2 * i + 1])) * yScale);
    if (x >= 0 && x < width && y >= 0 && y < height) values[y * width + x] += 1;
  }
  const r = Math.max(0, Math.round(radius));
  if (r > 0) {
    const scratch = new Float32Array(values.length);
    // Rows into scratch, then columns back into values.
    for (let pass = 0; pass < 3; pass++) {
      boxBlur(values, scratch, width, height, r, 1, width);
      boxBlur(scratch, values, height, width, r, width, 1);
    }
  }
  return { bbox, width, height, values };
}

/**
 * One box blur along lines of `length` cells, `lines` of them; `step` is the distance between
 * neighbours on a line, `lineStep` between the starts of lines. Edges are treated as zero, so the
 * total is kept except what spills past the border.
 */
function boxBlur(from: Float32Array, to: Float32Array, length: number, lines: number, r: number, step: number, lineStep: number): void {
  const norm = 1 / (2 * r + 1);
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    let sum = 0;
    for (let k = 0; k <= Math.min(r, length - 1); k++) sum += from[base + k * step];
    for (let i = 0; i < length; i++) {
      to[base + i * step] = sum * norm;
      const enter = i + r + 1;
      const leave = i - r;
      if (enter < length) sum += from[base + enter * step];
      if (leave >= 0) sum -= from[base + leave * step];
    }
  }
}

/** A color stop: from this density (incidents per cell after smoothing) up, this RGBA. */
export type DensityStop = readonly [number, number, number, number, number];

/** RGBA pixels (row 0 = north) for a density grid: each cell takes the last stop its value reaches; below the first, transparent. */
export function colorizeDensity(grid: DensityGrid, stops: readonly DensityStop[]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(grid.values.length * 4);
  // Whole pixels as 32-bit words (in the machine's byte order, as the RGBA bytes lie in memory):
  // one store per cell, no per-cell array, so a province's window colors within a frame.
  const colors = new Uint32Array(new Uint8Array(stops.flatMap((stop) => stop.slice(1))).buffer);
  const pixels = new Uint32Array(out.buffer);
  const first = stops.length > 0 ? stops[0]![0] : Infinity;
  const { values } = grid;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(v >= first)) continue;
    let s = 0;
    while (s + 1 < stops.length && v >= stops[s + 1]![0]) s++;
    pixels[i] = colors[s]!;
  }
  return out;
}
