/**
 * # Polygon joins: the share of each township's area inside each class of a polygon layer
 *
 * E.g. a geological-hazard zoning layer with classes high / medium / low, or an emergency-team
 * coverage layer with the single class "covered". For township t and class c the share is
 *
 *     area(t ∩ (c ∖ classes before c)) / area(t)
 *
 * - Polygons of the same class may overlap: an overlap is counted once (a point is in a class when
 *   it is inside any polygon of that class; each part of a MultiPolygon counts as a polygon, its
 *   holes by the even-odd rule).
 * - Where polygons of different classes overlap, the class listed first in `classes` wins (list
 *   hazard classes from most to least severe). So a township's shares sum to at most 1, and to 1
 *   exactly (up to rounding) when the layer covers it.
 * - The overlay is planar in lon/lat, computed as areas only, by a slab sweep (slab-sweep.ts): no
 *   output polygons are built, so no vertex is ever moved or snapped. (It replaced Turf's
 *   intersect / union / difference — polyclip-ts, bignumber.js arithmetic — which took ~25 s for
 *   Lishui's 173 townships.)
 * - Areas (lon-lat-area.ts) are the exact areas on the sphere of polygons whose edges are straight
 *   in lon/lat, so cutting an edge at a new vertex does not change the area. The denominator is the
 *   sum of the township's pieces (each class and the uncovered rest) as the sweep measured them, so
 *   the shares sum to ≤ 1, and to 1 (to rounding) when the layer covers the township.
 *
 * Bad input is rejected, not skipped: a feature that is not a Polygon/MultiPolygon Feature, has a
 * ring with fewer than 4 positions or a non-numeric / out-of-range coordinate, has no string
 * `properties.class`, or has a class not in `classes` throws a DataError naming the layer file and
 * the feature's index (0-based, as in the file's `features` array).
 *
 * The work is split so a worker can chunk it and stay cancellable: {@link prepareAreaLayer} once
 * per layer, then {@link townshipAreaShares} per township; {@link computeAreaShares} does both.
 */
import { checkPolygonal, classOf, codeOf, type AreaFeature } from './features.ts';
import { prepareAreaLayer, type PreparedAreaLayer } from './prepare-layer.ts';
import { overlayAreas } from './slab-sweep.ts';

export interface AreaShares {
  readonly classes: string[];
  /** `shares[township · classes.length + class]` ∈ [0, 1]. */
  readonly shares: Float64Array;
}

/**
 * Shares of every township's area in every class of `layer`.
 * @param townships township polygons (their order is the order of the result)
 * @param layer polygons with a `class` property
 * @param classes the classes, most severe first (earlier classes win where classes overlap)
 * @param file the layer's file name, for error messages
 */
export function computeAreaShares(townships: readonly AreaFeature[], layer: readonly unknown[], classes: readonly string[], file = 'layer'): AreaShares {
  const prepared = prepareAreaLayer(layer, classes, file);
  const shares = new Float64Array(townships.length * prepared.classes.length);
  townships.forEach((t, i) => townshipAreaShares(prepared, t, i, shares));
  return { classes: prepared.classes, shares };
}

/** The distinct classes of a layer, sorted (for when the caller gives none). */
export function layerClasses(layer: readonly unknown[], file = 'layer'): string[] {
  const set = new Set<string>();
  layer.forEach((f, i) => set.add(classOf(f, i, file)));
  return [...set].sort();
}

/**
 * Write township `t`'s shares into `out[t · classes.length …]`. `township` must be a valid
 * Polygon/MultiPolygon feature (a township with zero area gets all-zero shares).
 */
export function townshipAreaShares(layer: PreparedAreaLayer, township: AreaFeature, t: number, out: Float64Array): void {
  const C = layer.classes.length;
  const o = t * C;
  out.fill(0, o, o + C);
  checkPolygonal(township, { en: `township #${t}${codeOf(township)}`, zh: `乡镇 #${t}${codeOf(township)}` }, 'townships');
  const areas = overlayAreas(layer, township.geometry);
  let total = 0;
  for (let c = 0; c <= C; c++) total += areas[c]!;
  if (!(total > 0)) return;
  for (let c = 0; c < C; c++) out[o + c] = areas[c]! / total;
}
