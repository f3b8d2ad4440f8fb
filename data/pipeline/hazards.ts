/**
 * # Generated geological-hazard data: susceptibility zones and hazard sites
 *
 * No open susceptibility map exists for our townships, so we draw one the way real zoning maps look:
 * filled contour bands of a seeded terrain-like field.
 *
 * - **The field** ({@link hazardField}): over the city's bbox, a sum of seeded anisotropic Gaussian
 *   ridges (elongated NE–SW like Zhejiang's ranges, a few of them negative: valleys and basins) plus
 *   three octaves of value noise. Pure function of (bbox, seed): teams.ts evaluates the same field.
 * - **The zones** ({@link generateHazardZones}): the field is sampled on a ~1 km grid; the thresholds
 *   are the field's quantiles over the cells inside the city (`LOW_QUANTILE`, `HIGH_QUANTILE`), so
 *   about 3% of the area is low and ~28% high (98.06% of Lishui is hazard-prone). Superlevel sets
 *   `field ≥ tMedium` and `field ≥ tHigh` are traced with Turf `isobands`, simplified, and clipped to
 *   the city outline; then high = H, medium = M ∖ H, low = outline ∖ M. Built by difference, the three
 *   classes tile the city exactly (shares sum to 1 in every township).
 * - **The sites** ({@link generateHazardSites}): per township 1–6 landslide / debris-flow / collapse
 *   points, more where the township is more susceptible, placed by rejection sampling weighted by
 *   the field, so they crowd into the high bands.
 *
 * Deterministic: seeded streams only (`seed:hazard-field`, `seed:hazard-sites:<code>`), coordinates
 * rounded to 1e-5°, stable key order.
 */
import { booleanPointInPolygon, difference, featureCollection, intersect, isobands, simplify, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import * as polyclip from 'polyclip-ts';
import { merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { lonLatArea } from '../../src/core/area-shares/lon-lat-area.ts';
import type { HazardClass, HazardSiteProperties, HazardSiteStatus, HazardSiteType, HazardZoneProperties } from '../../src/core/overlays/types.ts';
import { createRandom, normal } from '../../src/core/random.ts';

/** Share of the city (grid cells) below the medium threshold: the low class. */
export const LOW_QUANTILE = 0.03;
/** Share of the city (grid cells) below the high threshold: 1 − this is about the high class. */
export const HIGH_QUANTILE = 0.72;
/** Grid step of the field, degrees (~1 km). */
const STEP = 0.01;
/** Simplification tolerance for the zone outlines, degrees (~300 m). */
const SIMPLIFY = 0.003;

export type Bbox = readonly [number, number, number, number];

export interface HazardField {
  readonly bbox: Bbox;
  /** Field value at a point, roughly 0 … 1 (higher = more susceptible). */
  value(lon: number, lat: number): number;
}

export interface TownshipLike {
  readonly type: 'Feature';
  readonly geometry: Polygon | MultiPolygon;
  readonly properties: { code: string; name: string; countyCode?: string; seat?: [number, number] | number[] };
}

interface Ridge {
  x: number;
  y: number;
  /** Unit direction of the long axis. */
  ux: number;
  uy: number;
  long: number;
  short: number;
  height: number;
}

/** The seeded terrain-like field over a bbox (a pure function of bbox and seed). */
export function hazardField(bbox: Bbox, seed: string): HazardField {
  const random = createRandom(`${seed}:hazard-field`);
  const [x0, y0, x1, y1] = bbox;
  const w = x1 - x0;
  const h = y1 - y0;
  const size = Math.sqrt(w * h);
  const ridges: Ridge[] = [];
  const count = 14;
  for (let i = 0; i < count; i++) {
    // NE–SW ranges (~40° from east) with some spread; a quarter are valleys/basins.
    const angle = ((40 + normal(random) * 18) * Math.PI) / 180;
    const valley = random() < 0.25;
    ridges.push({
      x: x0 + random() * w,
      y: y0 + random() * h,
      ux: Math.cos(angle),
      uy: Math.sin(angle),
      long: size * (0.18 + random() * 0.25),
      short: size * (0.05 + random() * 0.07),
      height: valley ? -(0.5 + random() * 0.5) : 0.6 + random() * 0.8,
    });
  }
  // Value noise lattices: 3 octaves.
  const octaves = [
    { cells: 6, amp: 0.45 },
    { cells: 14, amp: 0.25 },
    { cells: 32, amp: 0.12 },
  ].map((o) => {
    const nx = o.cells + 2;
    const ny = Math.max(2, Math.round((o.cells * h) / w)) + 2;
    const values = new Float64Array(nx * ny);
    for (let i = 0; i < values.length; i++) values[i] = random() * 2 - 1;
    return { ...o, nx, ny, values };
  });
  const smooth = (t: number) => t * t * (3 - 2 * t);
  const value = (lon: number, lat: number): number => {
    let v = 0;
    for (const r of ridges) {
      const dx = lon - r.x;
      const dy = lat - r.y;
      const a = dx * r.ux + dy * r.uy;
      const b = -dx * r.uy + dy * r.ux;
      v += r.height * Math.exp(-((a / r.long) ** 2) - (b / r.short) ** 2);
    }
    for (const o of octaves) {
      const fx = Math.min(o.nx - 1.000001, Math.max(0, ((lon - x0) / w) * (o.nx - 2) + 0.5));
      const fy = Math.min(o.ny - 1.000001, Math.max(0, ((lat - y0) / h) * (o.ny - 2) + 0.5));
      const ix = Math.floor(fx);
      const iy = Math.floor(fy);
      const tx = smooth(fx - ix);
      const ty = smooth(fy - iy);
      const at = (i: number, j: number) => o.values[j * o.nx + i]!;
      const top = at(ix, iy) * (1 - tx) + at(ix + 1, iy) * tx;
      const bottom = at(ix, iy + 1) * (1 - tx) + at(ix + 1, iy + 1) * tx;
      v += o.amp * (top * (1 - ty) + bottom * ty);
    }
    // Squash to about 0 … 1.
    return 1 / (1 + Math.exp(-2 * v));
  };
  return { bbox, value };
}

/** The city outline: the merged townships of a topology, or the union of township features. */
export function cityOutline(input: Topology | FeatureCollection<Polygon | MultiPolygon> | readonly TownshipLike[]): Feature<Polygon | MultiPolygon> {
  if (!Array.isArray(input) && (input as Topology).type === 'Topology') {
    const topo = input as Topology;
    const object = topo.objects.townships as GeometryCollection;
    const geometry = merge(topo, object.geometries as never);
    return { type: 'Feature', properties: {}, geometry };
  }
  const features = (Array.isArray(input) ? input : (input as FeatureCollection<Polygon | MultiPolygon>).features) as Feature<Polygon | MultiPolygon>[];
  const merged = features.length === 1 ? features[0]! : union(featureCollection(features));
  if (merged === null) throw new Error('cityOutline: no area');
  return { type: 'Feature', properties: {}, geometry: merged.geometry };
}

function outlineBbox(outline: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const polys = outline.geometry.type === 'Polygon' ? [outline.geometry.coordinates] : outline.geometry.coordinates;
  for (const p of polys)
    for (const q of p[0]!) {
      x0 = Math.min(x0, q[0]!);
      y0 = Math.min(y0, q[1]!);
      x1 = Math.max(x1, q[0]!);
      y1 = Math.max(y1, q[1]!);
    }
  return [x0, y0, x1, y1];
}

export interface HazardModel {
  readonly field: HazardField;
  readonly outline: Feature<Polygon | MultiPolygon>;
  /** Field thresholds: medium ≥ tMedium, high ≥ tHigh. */
  readonly tMedium: number;
  readonly tHigh: number;
}

/** The field over the city and its class thresholds (quantiles over grid cells inside the city). */
export function hazardModel(input: Topology | FeatureCollection<Polygon | MultiPolygon> | readonly TownshipLike[], seed: string): HazardModel {
  const outline = cityOutline(input);
  const bbox = outlineBbox(outline);
  const field = hazardField(bbox, seed);
  const inside: number[] = [];
  for (let y = bbox[1] + STEP / 2; y < bbox[3]; y += STEP) {
    for (let x = bbox[0] + STEP / 2; x < bbox[2]; x += STEP) {
      if (booleanPointInPolygon([x, y], outline)) inside.push(field.value(x, y));
    }
  }
  inside.sort((a, b) => a - b);
  const q = (p: number) => inside[Math.min(inside.length - 1, Math.floor(p * inside.length))]!;
  return { field, outline, tMedium: q(LOW_QUANTILE), tHigh: q(HIGH_QUANTILE) };
}

export function classAt(model: HazardModel, lon: number, lat: number): HazardClass {
  const v = model.field.value(lon, lat);
  return v >= model.tHigh ? 'high' : v >= model.tMedium ? 'medium' : 'low';
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function roundGeometry<G extends Polygon | MultiPolygon>(g: G): G {
  const ring = (r: Position[]) => {
    const out: Position[] = [];
    for (const p of r) {
      const q = [round5(p[0]!), round5(p[1]!)];
      const last = out[out.length - 1];
      if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
    }
    return out;
  };
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(ring).filter((r) => r.length >= 4) } as G;
  return {
    type: 'MultiPolygon',
    coordinates: g.coordinates.map((p) => p.map(ring).filter((r) => r.length >= 4)).filter((p) => p.length > 0),
  } as G;
}

/** The superlevel set {field ≥ t} over the grid, simplified (not clipped). */
function superlevel(model: HazardModel, t: number): Feature<Polygon | MultiPolygon> | null {
  const [x0, y0, x1, y1] = model.field.bbox;
  const points: Feature<Point, { z: number }>[] = [];
  // Two steps of margin all round, so the bands cover the whole outline.
  const nx = Math.ceil((x1 - x0) / STEP) + 5;
  const ny = Math.ceil((y1 - y0) / STEP) + 5;
  let max = -Infinity;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const x = x0 - 2 * STEP + i * STEP;
      const y = y0 - 2 * STEP + j * STEP;
      // The outermost ring of the grid is below every threshold, so every contour closes inside
      // the grid (Turf's handling of contours that run along the grid edge is unreliable).
      const edge = i === 0 || j === 0 || i === nx - 1 || j === ny - 1;
      const z = edge ? -1 : model.field.value(x, y);
      max = Math.max(max, z);
      points.push({ type: 'Feature', properties: { z }, geometry: { type: 'Point', coordinates: [x, y] } });
    }
  }
  const bands = isobands(featureCollection(points), [t, max + 1], { zProperty: 'z' });
  const band = bands.features[0];
  if (!band || band.geometry.coordinates.length === 0) return null;
  const simplified = simplify(band, { tolerance: SIMPLIFY, highQuality: true, mutate: false }) as Feature<MultiPolygon>;
  // Simplification may create self-touching rings: a union with itself normalises them.
  // Contour vertices are rounded to 1e-5° here, before clipping: the outline's own vertices (and
  // the clip points on it) stay exact, so the classes tile the townships without slivers.
  const coordinates = polyclip.union(roundGeometry(simplified.geometry).coordinates as polyclip.Geom);
  return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates } };
}

/**
 * Susceptibility zones: a FeatureCollection of (Multi)Polygons with `{class}` high / medium / low
 * (one feature per class, most severe first), tiling the city outline exactly.
 */
export function generateHazardZones(
  input: Topology | FeatureCollection<Polygon | MultiPolygon> | readonly TownshipLike[] | HazardModel,
  seed = '',
): FeatureCollection<Polygon | MultiPolygon, HazardZoneProperties> {
  const model = 'field' in input && 'tHigh' in input ? (input as HazardModel) : hazardModel(input as Topology, seed);
  const outline = model.outline;
  const clip = (f: Feature<Polygon | MultiPolygon> | null) => (f === null ? null : intersect(featureCollection([outline, f])));
  const high = clip(superlevel(model, model.tHigh));
  const mediumOrHigh = clip(superlevel(model, model.tMedium));
  const mediumUnion = mediumOrHigh === null ? high : high === null ? mediumOrHigh : union(featureCollection([mediumOrHigh, high]));
  const medium = mediumUnion === null ? null : high === null ? mediumUnion : difference(featureCollection([mediumUnion, high]));
  const low = mediumUnion === null ? outline : difference(featureCollection([outline, mediumUnion]));
  const features: Feature<Polygon | MultiPolygon, HazardZoneProperties>[] = [];
  const push = (f: Feature<Polygon | MultiPolygon> | null, cls: HazardClass) => {
    if (f === null) return;
    const geometry = f.geometry;
    if (geometry.coordinates.length === 0) return;
    features.push({ type: 'Feature', properties: { class: cls }, geometry });
  };
  push(high, 'high');
  push(medium, 'medium');
  push(low, 'low');
  return { type: 'FeatureCollection', features };
}

const SITE_TYPES: readonly { type: HazardSiteType; label: string; weight: number }[] = [
  { type: 'landslide', label: '滑坡', weight: 0.62 },
  { type: 'collapse', label: '崩塌', weight: 0.23 },
  { type: 'debris_flow', label: '泥石流', weight: 0.15 },
];
const STATUSES: readonly { status: HazardSiteStatus; weight: number }[] = [
  { status: 'monitored', weight: 0.58 },
  { status: 'active', weight: 0.24 },
  { status: 'mitigated', weight: 0.18 },
];

function pick<T extends { weight: number }>(items: readonly T[], random: () => number): T {
  let u = random();
  for (const item of items) {
    u -= item.weight;
    if (u < 0) return item;
  }
  return items[items.length - 1]!;
}

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  return outlineBbox({ type: 'Feature', properties: {}, geometry: g });
}

/**
 * Hazard sites: per township 1–6 points (more where more of it is highly susceptible), placed inside
 * the township by rejection sampling weighted towards high field values.
 */
export function generateHazardSites(
  townships: readonly TownshipLike[],
  model: HazardModel,
  seed: string,
): FeatureCollection<Point, HazardSiteProperties> {
  const features: Feature<Point, HazardSiteProperties>[] = [];
  for (const t of townships) {
    const { code, name } = t.properties;
    const random = createRandom(`${seed}:hazard-sites:${code}`);
    const [x0, y0, x1, y1] = bboxOf(t.geometry);
    // Susceptibility of the township: share of sample points in the high class.
    let inside = 0;
    let high = 0;
    const candidates: { p: [number, number]; v: number }[] = [];
    for (let k = 0; k < 400 && candidates.length < 120; k++) {
      const p: [number, number] = [x0 + random() * (x1 - x0), y0 + random() * (y1 - y0)];
      if (!booleanPointInPolygon(p, t.geometry)) continue;
      inside++;
      const v = model.field.value(p[0], p[1]);
      if (v >= model.tHigh) high++;
      candidates.push({ p, v });
    }
    if (candidates.length === 0) continue;
    const highShare = high / Math.max(1, inside);
    const count = Math.max(1, Math.min(6, Math.round(0.5 + highShare * 6 + random() * 1.5)));
    const counters = new Map<HazardSiteType, number>();
    let placed = 0;
    for (let k = 0; k < candidates.length && placed < count; k++) {
      const c = candidates[k]!;
      // Accept with probability rising steeply with the field value (high zones ≫ low).
      const accept = c.v >= model.tHigh ? 0.9 : c.v >= model.tMedium ? 0.25 * ((c.v - model.tMedium) / (model.tHigh - model.tMedium)) + 0.05 : 0.01;
      if (random() >= accept && k < candidates.length - (count - placed)) continue;
      const kind = pick(SITE_TYPES, random);
      const n = (counters.get(kind.type) ?? 0) + 1;
      counters.set(kind.type, n);
      placed++;
      const threat = Math.max(3, Math.round(Math.exp(3 + normal(random) * 0.9) * (kind.type === 'debris_flow' ? 1.8 : 1)));
      features.push({
        type: 'Feature',
        properties: {
          id: `HS${code}${String(placed).padStart(2, '0')}`,
          name: `${name}${kind.label}点${n}`,
          type: kind.type,
          threat,
          status: pick(STATUSES, random).status,
          township: code,
        },
        geometry: { type: 'Point', coordinates: [round5(c.p[0]), round5(c.p[1])] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** Total area (m²) per class of a zones collection (for reports). */
export function zoneAreas(zones: FeatureCollection<Polygon | MultiPolygon, HazardZoneProperties>): Record<HazardClass, number> {
  const out: Record<HazardClass, number> = { high: 0, medium: 0, low: 0 };
  for (const f of zones.features) out[f.properties.class] += lonLatArea(f);
  return out;
}
