/**
 * Partitions a territory into exactly N compact township cells: density-weighted Lloyd relaxation on
 * scan-line samples, then a Voronoi diagram clipped to the territory. Cells are denser around the
 * county seat (urban 街道 are small). A cell that clipping cuts into several parts keeps them all;
 * cleanTopology() then gives each minor part to the neighbour it borders.
 */
import { Delaunay } from 'd3-delaunay';
import * as polyclip from 'polyclip-ts';
import { createRandom } from '../../src/core/random.ts';
import type { County, MultiPolygonCoords, PolygonCoords, Ring, Township, Unit } from './sources.ts';

export interface TownshipCell {
  township: Township;
  county: County;
  /** Polygon or MultiPolygon coordinates in lon/lat. */
  coords: MultiPolygonCoords;
}

interface Samples {
  x: Float64Array;
  y: Float64Array;
  w: Float64Array;
  count: number;
}

const SAMPLES_PER_CELL = 160;
const LLOYD_ITERATIONS = 24;

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  }
  return a / 2;
}

export function polygonArea(polygon: PolygonCoords): number {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
}

export function multiPolygonArea(coords: MultiPolygonCoords): number {
  return coords.reduce((sum, p) => sum + polygonArea(p), 0);
}

function bbox(coords: MultiPolygonCoords): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const polygon of coords) {
    for (const [x, y] of polygon[0]) {
      if (x < x0) x0 = x;
      if (y < y0) y0 = y;
      if (x > x1) x1 = x;
      if (y > y1) y1 = y;
    }
  }
  return [x0, y0, x1, y1];
}

/**
 * Jittered grid samples inside the territory, found row by row from the even-odd crossings of every
 * ring (O(rows × edges), far cheaper than a point-in-polygon test per sample).
 */
function sampleTerritory(territory: MultiPolygonCoords, targetCount: number, kx: number, random: () => number): Samples {
  const [x0, y0, x1, y1] = bbox(territory);
  const area = Math.abs(multiPolygonArea(territory)) * kx;
  const step = Math.sqrt(area / targetCount);
  const capacity = Math.ceil(targetCount * 1.5) + 64;
  let x = new Float64Array(capacity);
  let y = new Float64Array(capacity);
  let count = 0;
  const rings = territory.flat();
  const crossings: number[] = [];
  for (let lat = y0 + step * 0.5; lat < y1; lat += step) {
    crossings.length = 0;
    for (const ring of rings) {
      for (let i = 0, n = ring.length - 1; i < n; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[i + 1];
        if ((ay > lat) !== (by > lat)) crossings.push(ax + ((lat - ay) / (by - ay)) * (bx - ax));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let c = 0; c + 1 < crossings.length; c += 2) {
      const from = crossings[c] * kx;
      const to = crossings[c + 1] * kx;
      for (let px = Math.ceil((x0 * kx) / step) * step; px < to; px += step) {
        if (px < from) continue;
        if (count === x.length) {
          const nx = new Float64Array(x.length * 2);
          nx.set(x);
          x = nx;
          const ny = new Float64Array(y.length * 2);
          ny.set(y);
          y = ny;
        }
        // Jitter inside the row keeps Lloyd from locking onto grid artefacts.
        x[count] = Math.min(to, Math.max(from, px + (random() - 0.5) * step * 0.8));
        y[count] = lat + (random() - 0.5) * step * 0.8;
        count++;
      }
    }
  }
  if (x1 < x0 || count === 0) {
    // A territory smaller than one sample step: sample its first vertex so it still gets cells.
    const [px, py] = territory[0][0][0];
    x[0] = px * kx;
    y[0] = py;
    count = 1;
  }
  return { x, y, w: new Float64Array(count).fill(1), count };
}

function nearest(px: number, py: number, sx: Float64Array, sy: Float64Array, n: number): number {
  let best = 0;
  let bestD = Infinity;
  for (let j = 0; j < n; j++) {
    const dx = px - sx[j];
    const dy = py - sy[j];
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  }
  return best;
}

/** Weighted Lloyd relaxation (k-means on the samples): compact cells of roughly equal weight. */
function relax(samples: Samples, n: number, random: () => number): { x: Float64Array; y: Float64Array } {
  const sx = new Float64Array(n);
  const sy = new Float64Array(n);
  const taken = new Set<number>();
  for (let j = 0; j < n; j++) {
    let pick = Math.floor(random() * samples.count);
    for (let tries = 0; taken.has(pick) && tries < 32; tries++) pick = Math.floor(random() * samples.count);
    taken.add(pick);
    // Duplicate seeds (tiny territories) are nudged apart so the Voronoi diagram stays defined.
    sx[j] = samples.x[pick] + (taken.size < j + 1 ? (random() - 0.5) * 1e-4 : 0);
    sy[j] = samples.y[pick] + (taken.size < j + 1 ? (random() - 0.5) * 1e-4 : 0);
  }
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const aw = new Float64Array(n);
  for (let iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
    ax.fill(0);
    ay.fill(0);
    aw.fill(0);
    for (let i = 0; i < samples.count; i++) {
      const j = nearest(samples.x[i], samples.y[i], sx, sy, n);
      const w = samples.w[i];
      ax[j] += samples.x[i] * w;
      ay[j] += samples.y[i] * w;
      aw[j] += w;
    }
    for (let j = 0; j < n; j++) {
      if (aw[j] > 0) {
        sx[j] = ax[j] / aw[j];
        sy[j] = ay[j] / aw[j];
      } else {
        // An empty cell restarts on a random sample rather than dying.
        const pick = Math.floor(random() * samples.count);
        sx[j] = samples.x[pick] + (random() - 0.5) * 1e-6;
        sy[j] = samples.y[pick] + (random() - 0.5) * 1e-6;
      }
    }
  }
  return { x: sx, y: sy };
}

/** Urban 街道 first, then towns (镇), then rural 乡: they take the cells nearest the seat in that order. */
function urbanRank(t: Township): number {
  if (t.name.endsWith('街道')) return 0;
  if (t.name.endsWith('镇')) return 1;
  return 2;
}

function largestFirst(parts: MultiPolygonCoords): MultiPolygonCoords {
  return [...parts].sort((a, b) => Math.abs(polygonArea(b)) - Math.abs(polygonArea(a)));
}

export function partitionUnit(unit: Unit, seed: string): TownshipCell[] {
  const random = createRandom(`${seed}:${unit.key}`);
  const townships = unit.counties.flatMap((county) => county.townships.map((township) => ({ township, county })));
  const n = townships.length;
  const [bx0, by0, bx1, by1] = bbox(unit.territory);
  const kx = Math.cos((((by0 + by1) / 2) * Math.PI) / 180);
  const samples = sampleTerritory(unit.territory, n * SAMPLES_PER_CELL, kx, random);

  // Denser cells near the seat: the weight falls off over about two average cell widths.
  const urban = townships.filter((t) => urbanRank(t.township) === 0).length;
  const boost = urban > 0 ? 6 + urban : 2;
  const area = Math.abs(multiPolygonArea(unit.territory)) * kx;
  const sigma2 = (2 * area) / n;
  const seatX = unit.seat[0] * kx;
  const seatY = unit.seat[1];
  for (let i = 0; i < samples.count; i++) {
    const dx = samples.x[i] - seatX;
    const dy = samples.y[i] - seatY;
    samples.w[i] = 1 + boost * Math.exp(-(dx * dx + dy * dy) / sigma2);
  }

  const seeds = relax(samples, n, random);
  const order = assignTownships(unit, townships, seeds, kx, random);

  const points: [number, number][] = [];
  for (let j = 0; j < n; j++) points.push([seeds.x[j], seeds.y[j]]);
  const delaunay = Delaunay.from(points);
  const pad = 0.01;
  const voronoi = delaunay.voronoi([bx0 * kx - pad, by0 - pad, bx1 * kx + pad, by1 + pad]);

  const cells: MultiPolygonCoords[] = [];
  for (let j = 0; j < n; j++) {
    const cell = voronoi.cellPolygon(j);
    const ring = (cell ?? []).map(([x, y]) => [x / kx, y] as [number, number]);
    // Parts a concave county cuts off stay with the cell for now; the topology pass hands each to
    // the neighbour it shares the longest border with.
    if (ring.length <= 3) {
      cells.push([]);
      continue;
    }
    // Where a Voronoi edge crosses the border, the clip point is new to the neighbouring county's
    // rings; insertTJunctions() later adds it there so the two borders share arcs.
    cells.push(largestFirst(polyclip.intersection([ring], nearCell(unit.territory, ring)) as MultiPolygonCoords));
  }

  return order.map((j, t) => ({ ...townships[t], coords: cells[j] })).filter((c) => c.coords.length > 0);
}

/**
 * The territory cut to a box a little larger than the cell, by Sutherland–Hodgman against each box
 * side: polyclip then works on a few hundred vertices instead of a whole county's thousands. The
 * box's own (degenerate) edges lie outside the cell, so the intersection with the cell is unchanged.
 */
function nearCell(territory: MultiPolygonCoords, cell: Ring): polyclip.Geom {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of cell) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  const margin = Math.max(x1 - x0, y1 - y0) * 0.05 + 1e-6;
  const box = [x0 - margin, y0 - margin, x1 + margin, y1 + margin];
  const out: PolygonCoords[] = [];
  for (const polygon of territory) {
    const rings = polygon.map((ring) => clipRingToBox(ring, box)).filter((r): r is Ring => r !== null);
    if (rings.length > 0) out.push(rings);
  }
  return out as polyclip.Geom;
}

function clipRingToBox(ring: Ring, [x0, y0, x1, y1]: number[]): Ring | null {
  const sides: [(p: [number, number]) => boolean, (a: [number, number], b: [number, number]) => [number, number]][] = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((x0 - a[0]) * (b[1] - a[1])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((x1 - a[0]) * (b[1] - a[1])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((y0 - a[1]) * (b[0] - a[0])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((y1 - a[1]) * (b[0] - a[0])) / (b[1] - a[1]), y1]],
  ];
  let points = ring.slice(0, -1);
  for (const [inside, cross] of sides) {
    const next: [number, number][] = [];
    for (let i = 0; i < points.length; i++) {
      const a = points[(i + points.length - 1) % points.length];
      const b = points[i];
      if (inside(b)) {
        if (!inside(a)) next.push(cross(a, b));
        next.push(b);
      } else if (inside(a)) next.push(cross(a, b));
    }
    points = next;
    if (points.length < 3) return null;
  }
  return [...points, points[0]];
}

function distance2(seeds: { x: Float64Array; y: Float64Array }, j: number, x: number, y: number): number {
  const dx = seeds.x[j] - x;
  const dy = seeds.y[j] - y;
  return dx * dx + dy * dy;
}

/**
 * Which cell each township gets: townships[t] → cell order[t]. In a group unit the cells are first
 * split among its counties (capacity-constrained nearest-centre assignment), then inside each county
 * urban townships take the cells nearest that county's centre.
 */
function assignTownships(
  unit: Unit,
  townships: { township: Township; county: County }[],
  seeds: { x: Float64Array; y: Float64Array },
  kx: number,
  random: () => number,
): number[] {
  const n = townships.length;
  const cellsOfCounty = new Map<string, number[]>();
  const centres = new Map<string, [number, number]>();
  if (unit.counties.length === 1) {
    cellsOfCounty.set(unit.counties[0].code, Array.from({ length: n }, (_, j) => j));
    centres.set(unit.counties[0].code, [unit.seat[0] * kx, unit.seat[1]]);
  } else {
    const k = unit.counties.length;
    const samples: Samples = { x: seeds.x, y: seeds.y, w: new Float64Array(n).fill(1), count: n };
    const centre = relax(samples, k, random);
    const capacity = unit.counties.map((c) => c.townships.length);
    const pairs: [number, number, number][] = [];
    for (let j = 0; j < n; j++) {
      for (let c = 0; c < k; c++) pairs.push([distance2(centre, c, seeds.x[j], seeds.y[j]), j, c]);
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    const assigned = new Int32Array(n).fill(-1);
    for (const [, j, c] of pairs) {
      if (assigned[j] >= 0 || capacity[c] === 0) continue;
      assigned[j] = c;
      capacity[c]--;
    }
    unit.counties.forEach((county, c) => {
      cellsOfCounty.set(county.code, [...assigned.keys()].filter((j) => assigned[j] === c));
      centres.set(county.code, [centre.x[c], centre.y[c]]);
    });
  }

  const order = new Array<number>(n);
  let offset = 0;
  for (const county of unit.counties) {
    const [cx, cy] = centres.get(county.code)!;
    const cells = cellsOfCounty.get(county.code)!.sort((a, b) => distance2(seeds, a, cx, cy) - distance2(seeds, b, cx, cy));
    const ranked = county.townships
      .map((township, i) => ({ township, i }))
      .sort((a, b) => urbanRank(a.township) - urbanRank(b.township) || a.township.code.localeCompare(b.township.code));
    ranked.forEach(({ i }, r) => {
      order[offset + i] = cells[r];
    });
    offset += county.townships.length;
  }
  return order;
}
