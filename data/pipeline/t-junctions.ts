/**
 * Inserts into every ring segment the vertices of other rings that lie on it. Borders meet in
 * T-junctions — the source counties' own (one border has a vertex the neighbour's straight segment
 * skips) and ours (where a Voronoi edge meets a county border, the clip point exists only on one
 * side) — and TopoJSON only shares arcs between identical vertex sequences; without this, borders
 * would be drawn twice and counties would merge with zero-width holes.
 */
import type { MultiPolygonCoords, Ring } from './sources.ts';

const CELL = 1 / 256;
/** Clip points sit on the border up to floating-point error: ~1e-14°; 1e-9° (0.1 mm) is generous. */
const ON_SEGMENT = 1e-9;

export function insertTJunctions(shapes: MultiPolygonCoords[]): number {
  const grid = new Map<string, [number, number][]>();
  const seen = new Set<string>();
  for (const shape of shapes) {
    for (const polygon of shape) {
      for (const ring of polygon) {
        for (const p of ring) {
          const key = `${p[0]},${p[1]}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const cell = `${Math.floor(p[0] / CELL)},${Math.floor(p[1] / CELL)}`;
          const list = grid.get(cell);
          if (list) list.push(p);
          else grid.set(cell, [p]);
        }
      }
    }
  }
  let inserted = 0;
  for (const shape of shapes) {
    for (const polygon of shape) {
      for (let r = 0; r < polygon.length; r++) {
        const ring = polygon[r];
        const out: Ring = [ring[0]];
        for (let i = 0; i + 1 < ring.length; i++) {
          const a = ring[i];
          const b = ring[i + 1];
          const between = onSegment(grid, a, b);
          inserted += between.length;
          out.push(...between, b);
        }
        polygon[r] = out;
      }
    }
  }
  return inserted;
}

/** Vertices strictly inside segment ab (within ON_SEGMENT of it), ordered from a to b. */
function onSegment(grid: Map<string, [number, number][]>, a: [number, number], b: [number, number]): [number, number][] {
  const x0 = Math.floor(Math.min(a[0], b[0]) / CELL);
  const x1 = Math.floor(Math.max(a[0], b[0]) / CELL);
  const y0 = Math.floor(Math.min(a[1], b[1]) / CELL);
  const y1 = Math.floor(Math.max(a[1], b[1]) / CELL);
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  const found: { p: [number, number]; t: number }[] = [];
  for (let x = x0; x <= x1; x++) {
    for (let y = y0; y <= y1; y++) {
      for (const p of grid.get(`${x},${y}`) ?? []) {
        const px = p[0] - a[0];
        const py = p[1] - a[1];
        const t = (px * dx + py * dy) / len;
        if (t <= 0 || t >= 1) continue;
        const distance = Math.abs(px * dy - py * dx) / Math.sqrt(len);
        const fromEnds = Math.min(Math.hypot(px, py), Math.hypot(p[0] - b[0], p[1] - b[1]));
        if (distance <= ON_SEGMENT && fromEnds > ON_SEGMENT) found.push({ p, t });
      }
    }
  }
  return found.sort((u, v) => u.t - v.t).map((f) => f.p);
}

/**
 * Removes zero-width spikes (the ring runs out along a line and straight back), which snapping can
 * leave where two clip points land on the same border stretch. Returns how many vertices went.
 */
export function removeSpikes(shapes: MultiPolygonCoords[]): number {
  let removed = 0;
  for (const shape of shapes) {
    for (const polygon of shape) {
      for (let r = 0; r < polygon.length; r++) {
        const open = polygon[r].slice(0, -1);
        let changed = true;
        while (changed && open.length >= 3) {
          changed = false;
          for (let i = 0; i < open.length && open.length >= 3; i++) {
            const a = open[(i + open.length - 1) % open.length];
            const b = open[i];
            const c = open[(i + 1) % open.length];
            const same = b[0] === c[0] && b[1] === c[1];
            const abx = b[0] - a[0], aby = b[1] - a[1], bcx = c[0] - b[0], bcy = c[1] - b[1];
            if (same || (abx * bcy - aby * bcx === 0 && abx * bcx + aby * bcy < 0)) {
              open.splice(i, 1);
              removed++;
              changed = true;
              i--;
            }
          }
        }
        polygon[r] = [...open, open[0]];
      }
    }
  }
  return removed;
}
