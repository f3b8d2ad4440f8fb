/**
 * Polygons as the sweep sees them: bare edges tagged with the polygon ("operand") whose parity they
 * toggle. Horizontal edges are dropped because they bound no slab.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Each part of a MultiPolygon is its own polygon (its own parity). */
export function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

/** Appends a polygon's non-horizontal edges (x0, y0, x1, y1 with y0 < y1) with their operand. */
export function pushEdges(poly: Position[][], op: number, xy: number[], operand: number[]): void {
  for (const ring of poly) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[i]!;
      const b = ring[i + 1 < n ? i + 1 : 0]!;
      const ay = a[1]!;
      const by = b[1]!;
      if (ay === by) continue;
      if (ay < by) xy.push(a[0]!, ay, b[0]!, by);
      else xy.push(b[0]!, by, a[0]!, ay);
      operand.push(op);
    }
  }
}
