/**
 * # Polygon joins: the share of each township's area inside each class of a polygon layer
 *
 * E.g. a geological-hazard zoning layer with classes high / medium / low, or an emergency-team
 * coverage layer with the single class "covered". For township t and class c the share is
 *
 *     area(t ∩ (c ∖ classes before c)) / area(t)
 *
 * - Polygons of the same class may overlap: they are unioned (per township, after clipping) so an
 *   overlap is counted once.
 * - Where polygons of different classes overlap, the class listed first in `classes` wins (list
 *   hazard classes from most to least severe). So a township's shares sum to at most 1, and to 1
 *   exactly (up to rounding) when the layer covers it.
 * - Clipping is planar in lon/lat (Turf `intersect` / `union` / `difference`, polyclip-ts), with a
 *   bbox prefilter that skips layer polygons that cannot touch the township.
 * - Areas ({@link lonLatArea}) are the exact areas on the sphere of polygons whose edges are
 *   straight in lon/lat — the same polygons the clipping computes — so cutting an edge at a new
 *   vertex does not change the area. (Turf's `area` is not additive that way: splitting townships
 *   at a meridian moved their area by up to 2·10⁻⁵, enough to make shares sum to 1.00002.)
 *   The denominator is the township's area as clipped (covered + uncovered parts), so the shares
 *   sum to ≤ 1, and to 1 (to rounding) when the layer covers the township.
 *
 * Bad input is rejected, not skipped: a feature that is not a Polygon/MultiPolygon Feature, has a
 * ring with fewer than 4 positions or a non-numeric / out-of-range coordinate, has no string
 * `properties.class`, or has a class not in `classes` throws a {@link DataError} naming the layer
 * file and the feature's index (0-based, as in the file's `features` array).
 *
 * The work is split so a worker can chunk it and stay cancellable: {@link prepareAreaLayer} once
 * per layer, then {@link townshipAreaShares} per township; {@link computeAreaShares} does both.
 */
import { bbox, difference, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon, Position } from 'geojson';
import { DataError } from './data-error.ts';

export type AreaFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;
/** A layer feature: `properties.class` (a string) names its class. */
export type ClassFeature = Feature<Polygon | MultiPolygon, GeoJsonProperties>;

export interface AreaShares {
  readonly classes: string[];
  /** `shares[township · classes.length + class]` ∈ [0, 1]. */
  readonly shares: Float64Array;
}

/** A validated layer, features grouped by class with their bboxes. */
export interface PreparedAreaLayer {
  readonly file: string;
  readonly classes: string[];
  /** Per class: the features (and their index in the input) and bboxes (4 per feature). */
  readonly byClass: readonly { readonly features: AreaFeature[]; readonly index: number[]; readonly bboxes: Float64Array }[];
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

/** Validate a layer and group it by class (throws a DataError naming the file and feature). */
export function prepareAreaLayer(layer: readonly unknown[], classes: readonly string[], file = 'layer'): PreparedAreaLayer {
  if (!Array.isArray(layer)) throw new DataError(file, 'layer has no features array');
  const position = new Map<string, number>();
  classes.forEach((c, i) => {
    if (position.has(c)) throw new DataError(file, `class "${c}" is listed twice`);
    position.set(c, i);
  });
  const byClass = classes.map(() => ({ features: [] as AreaFeature[], index: [] as number[], boxes: [] as number[] }));
  layer.forEach((f, i) => {
    const c = classOf(f, i, file);
    const k = position.get(c);
    if (k === undefined) throw new DataError(file, `feature #${i} has class "${c}", expected one of ${classes.map((x) => `"${x}"`).join(', ')}`);
    const feature = f as AreaFeature;
    checkPolygonal(feature, `feature #${i}`, file);
    const group = byClass[k]!;
    group.features.push(feature);
    group.index.push(i);
    group.boxes.push(...bbox(feature));
  });
  return {
    file,
    classes: [...classes],
    byClass: byClass.map((g) => ({ features: g.features, index: g.index, bboxes: Float64Array.from(g.boxes) })),
  };
}

/**
 * Write township `t`'s shares into `out[t · classes.length …]`. `township` must be a valid
 * Polygon/MultiPolygon feature (a township with zero area gets all-zero shares).
 */
export function townshipAreaShares(layer: PreparedAreaLayer, township: AreaFeature, t: number, out: Float64Array): void {
  const C = layer.classes.length;
  const o = t * C;
  out.fill(0, o, o + C);
  const label = `township #${t}${codeOf(township)}`;
  checkPolygonal(township, label, 'townships');
  if (!(lonLatArea(township) > 0)) return;
  const [tx0, ty0, tx1, ty1] = bbox(township);
  let covered: Feature<Polygon | MultiPolygon> | null = null;
  /** Area covered by classes 0 … c (cumulative unions). */
  const cumulative = new Float64Array(C);
  let coveredArea = 0;
  for (let c = 0; c < C; c++) {
    const { features, index, bboxes } = layer.byClass[c]!;
    const pieces: Feature<Polygon | MultiPolygon>[] = [];
    for (let k = 0; k < features.length; k++) {
      if (bboxes[4 * k]! > tx1 || bboxes[4 * k + 2]! < tx0 || bboxes[4 * k + 1]! > ty1 || bboxes[4 * k + 3]! < ty0) continue;
      let piece: Feature<Polygon | MultiPolygon> | null;
      try {
        piece = intersect(featureCollection([township, features[k]!]));
      } catch (err) {
        throw new DataError(layer.file, `feature #${index[k]} cannot be clipped with ${label} (${(err as Error).message})`);
      }
      if (piece !== null) pieces.push(piece);
    }
    if (pieces.length > 0) {
      const parts: Feature<Polygon | MultiPolygon>[] = covered === null ? pieces : [covered, ...pieces];
      let merged: Feature<Polygon | MultiPolygon> | null;
      try {
        merged = parts.length === 1 ? parts[0]! : union(featureCollection(parts));
      } catch (err) {
        throw new DataError(layer.file, `class "${layer.classes[c]}" cannot be merged within ${label} (${(err as Error).message})`);
      }
      if (merged !== null) {
        covered = merged;
        coveredArea = Math.max(coveredArea, lonLatArea(merged));
      }
    }
    cumulative[c] = coveredArea;
  }
  if (covered === null || coveredArea === 0) return;
  // The denominator is covered + uncovered area as clipped, not the township's own area: splitting
  // an edge moves the geodesic area by ~1e-5 (relative), and shares must sum to exactly ≤ 1 and to 1
  // when the layer covers the township.
  let uncovered: Feature<Polygon | MultiPolygon> | null;
  try {
    uncovered = difference(featureCollection([township, covered]));
  } catch (err) {
    throw new DataError(layer.file, `the uncovered part of ${label} cannot be computed (${(err as Error).message})`);
  }
  const denominator = coveredArea + (uncovered === null ? 0 : lonLatArea(uncovered));
  let previous = 0;
  for (let c = 0; c < C; c++) {
    out[o + c] = (cumulative[c]! - previous) / denominator;
    previous = cumulative[c]!;
  }
}

function classOf(f: unknown, i: number, file: string): string {
  if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') throw new DataError(file, `feature #${i} is not a GeoJSON Feature`);
  const props = (f as { properties?: unknown }).properties;
  const c = typeof props === 'object' && props !== null ? (props as { class?: unknown }).class : undefined;
  if (typeof c !== 'string' || c === '') throw new DataError(file, `feature #${i} has no "class" property`);
  return c;
}

function codeOf(f: AreaFeature): string {
  const props = f.properties as { code?: unknown } | null | undefined;
  const code = typeof props === 'object' && props !== null ? props.code : undefined;
  return typeof code === 'string' || typeof code === 'number' ? ` (${code})` : '';
}

function checkPolygonal(f: AreaFeature, label: string, file: string): void {
  const g = (f as { geometry?: unknown }).geometry as Polygon | MultiPolygon | null | undefined;
  if (typeof g !== 'object' || g === null) throw new DataError(file, `${label} has no geometry`);
  const type = (g as { type?: unknown }).type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') throw new DataError(file, `${label} has geometry type ${String(type)}, expected Polygon or MultiPolygon`);
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown;
  if (!Array.isArray(polys)) throw new DataError(file, `${label} has no coordinates array`);
  for (const poly of polys as unknown[]) {
    if (!Array.isArray(poly) || poly.length === 0) throw new DataError(file, `${label}: a polygon is not an array of rings`);
    for (const ring of poly as unknown[]) {
      if (!Array.isArray(ring)) throw new DataError(file, `${label}: a ring is not an array of positions`);
      if (ring.length < 4) throw new DataError(file, `${label}: a ring has ${ring.length} positions, at least 4 needed`);
      for (const p of ring as Position[]) {
        const x = Array.isArray(p) ? p[0] : undefined;
        const y = Array.isArray(p) ? p[1] : undefined;
        if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
          throw new DataError(file, `${label}: position ${JSON.stringify(p)} is not a pair of numbers`);
        }
        if (x < -180 || x > 180 || y < -90 || y > 90) throw new DataError(file, `${label}: position [${x}, ${y}] is outside lon/lat ranges`);
      }
    }
  }
}

/** Mean Earth radius in metres (as Turf). */
const EARTH_RADIUS = 6371008.8;
const RAD = Math.PI / 180;

/**
 * Area in m² on a sphere of a Polygon/MultiPolygon whose edges are straight lines in lon/lat
 * (plate carrée) — the shape a planar clipper works with. By Green's theorem the area is
 * R² |∮ sin φ dλ|; along a straight edge φ is linear in λ, so each edge contributes
 * (λ₂ − λ₁) · sin φ̄ · sinc(Δφ / 2) exactly (φ̄ the mean latitude, Δφ = φ₂ − φ₁). The area is
 * therefore additive: a polygon cut in two along any line has exactly the area of its halves.
 * Holes are subtracted (ring orientation does not matter).
 */
export function lonLatArea(f: Feature<Polygon | MultiPolygon, unknown> | Polygon | MultiPolygon): number {
  const g = f.type === 'Feature' ? f.geometry : f;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const poly of polys) {
    poly.forEach((ring, r) => {
      const a = Math.abs(ringIntegral(ring));
      total += r === 0 ? a : -a;
    });
  }
  return Math.max(0, total) * EARTH_RADIUS * EARTH_RADIUS;
}

function ringIntegral(ring: Position[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1 < n ? i + 1 : 0]!;
    const dl = (b[0]! - a[0]!) * RAD;
    if (dl === 0) continue;
    const half = ((b[1]! - a[1]!) * RAD) / 2;
    const sinc = half === 0 ? 1 : Math.sin(half) / half;
    sum += dl * Math.sin(((a[1]! + b[1]!) * RAD) / 2) * sinc;
  }
  return sum;
}
