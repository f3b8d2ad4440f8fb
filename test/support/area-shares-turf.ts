/**
 * The former implementation of area shares (Turf 7 intersect / union / difference, i.e. polyclip-ts
 * with bignumber.js arithmetic), kept as a reference: tests check that the slab sweep in
 * src/core/area-shares/slab-sweep.ts agrees with it, and the overlays benchmark can time it. Inputs are assumed
 * valid (no DataError handling). Slow: ~20 s for Lishui's two layers.
 */
import { bbox, difference, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { AreaShares } from '../../src/core/area-shares/area-shares.ts';
import type { AreaFeature } from '../../src/core/area-shares/features.ts';
import { lonLatArea } from '../../src/core/area-shares/lon-lat-area.ts';

export function turfAreaShares(townships: readonly AreaFeature[], layer: readonly AreaFeature[], classes: readonly string[]): AreaShares {
  const C = classes.length;
  const byClass = classes.map((c) => layer.filter((f) => (f.properties as { class?: unknown } | null)?.class === c));
  const boxes = byClass.map((fs) => fs.map((f) => bbox(f)));
  const shares = new Float64Array(townships.length * C);
  townships.forEach((township, t) => {
    if (!(lonLatArea(township) > 0)) return;
    const [tx0, ty0, tx1, ty1] = bbox(township);
    let covered: Feature<Polygon | MultiPolygon> | null = null;
    const cumulative = new Float64Array(C);
    let coveredArea = 0;
    for (let c = 0; c < C; c++) {
      const pieces: Feature<Polygon | MultiPolygon>[] = [];
      byClass[c]!.forEach((f, k) => {
        const [x0, y0, x1, y1] = boxes[c]![k]!;
        if (x0 > tx1 || x1 < tx0 || y0 > ty1 || y1 < ty0) return;
        const piece = intersect(featureCollection([township, f]));
        if (piece !== null) pieces.push(piece);
      });
      if (pieces.length > 0) {
        const parts: Feature<Polygon | MultiPolygon>[] = covered === null ? pieces : [covered, ...pieces];
        const merged: Feature<Polygon | MultiPolygon> | null = parts.length === 1 ? parts[0]! : union(featureCollection(parts));
        if (merged !== null) {
          covered = merged;
          coveredArea = Math.max(coveredArea, lonLatArea(merged));
        }
      }
      cumulative[c] = coveredArea;
    }
    if (covered === null || coveredArea === 0) return;
    const uncovered = difference(featureCollection([township, covered]));
    const denominator = coveredArea + (uncovered === null ? 0 : lonLatArea(uncovered));
    let previous = 0;
    for (let c = 0; c < C; c++) {
      shares[t * C + c] = (cumulative[c]! - previous) / denominator;
      previous = cumulative[c]!;
    }
  });
  return { classes: [...classes], shares };
}
