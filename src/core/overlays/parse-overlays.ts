/**
 * # Parsing and validating overlay files (hazard zones, hazard sites, teams, coverage, config)
 *
 * Two modes per file:
 * - strict (`parseHazardZones`, …): the first bad feature throws a {@link DataError} naming the file,
 *   the feature's index (0-based, as in `features`) and the problem;
 * - lenient (`parseHazardZonesLenient`, …): bad features are skipped and each is described in
 *   `problems` (same wording), so the rest still shows. A file that is not JSON or not a
 *   FeatureCollection is still an error in both modes: there is nothing to show.
 *
 * Checks: geometry type (Polygon/MultiPolygon for zones and coverage, Point for sites and teams),
 * rings of ≥ 4 closed positions, finite coordinates within lon/lat ranges (a `[lat, lon]` order is
 * named as such), known classes / types / statuses / levels, required properties with their types,
 * duplicate ids.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { bilingual, DataError, isRecord, parseJson, shown } from '../data-error.ts';
import {
  HAZARD_CLASSES,
  HAZARD_SITE_STATUSES,
  HAZARD_SITE_TYPES,
  TEAM_LEVELS,
  type CoverageProperties,
  type HazardSiteProperties,
  type HazardZoneProperties,
  type TeamProperties,
} from './types.ts';

export { parseOverlaysConfig } from './overlays-config.ts';

export interface LenientResult<F> {
  features: F[];
  /** One message per skipped feature: `file: feature #i … · 要素 #i …`. */
  problems: string[];
}

/** A feature as messages name it: its index in `features` (0-based) and, if it has one, its name. */
interface Label {
  readonly en: string;
  readonly zh: string;
}

type Check<F> = (feature: Record<string, unknown>, label: Label) => F;

/** A problem with one feature (caught by the lenient parsers); its message is bilingual. */
class FeatureProblem extends Error {}

/** `label en` · `label zh`: `zh` follows the label directly (it starts with 的, 不是, 缺少, …). */
function fail(label: Label, en: string, zh: string): never {
  throw new FeatureProblem(bilingual(`${label.en} ${en}`, `${label.zh}${zh}`));
}

function labelOf(f: unknown, i: number): Label {
  const name = isRecord(f) && isRecord(f.properties) ? f.properties.name : undefined;
  return typeof name === 'string' && name !== '' ? { en: `feature #${i} ("${name}")`, zh: `要素 #${i}（“${name}”）` } : { en: `feature #${i}`, zh: `要素 #${i} ` };
}

function collection(text: string | unknown, file: string): unknown[] {
  const json = typeof text === 'string' ? parseJson(text, file) : text;
  if (!isRecord(json) || json.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new DataError(
      file,
      bilingual(
        'not a GeoJSON FeatureCollection (expected "type": "FeatureCollection" with a "features" array) — export the layer from the GIS tool as GeoJSON',
        '不是 GeoJSON FeatureCollection（应有 "type": "FeatureCollection" 和“features”数组），请从 GIS 工具把图层导出为 GeoJSON',
      ),
    );
  }
  return json.features;
}

function run<F>(text: string | unknown, file: string, check: Check<F>, lenient: boolean, ids?: (f: F) => string): LenientResult<F> {
  const raw = collection(text, file);
  const features: F[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  raw.forEach((f, i) => {
    const label = labelOf(f, i);
    try {
      if (!isRecord(f) || f.type !== 'Feature') fail(label, `is ${shown(f)}, not a GeoJSON Feature — remove it, or export the layer again`, `为 ${shown(f)}，不是 GeoJSON Feature，请删除或重新导出图层`);
      const out = check(f as Record<string, unknown>, label);
      if (ids) {
        const id = ids(out);
        const first = seen.get(id);
        if (first !== undefined) fail(label, `has duplicate id "${id}" (feature #${first} has it too) — give every feature its own id`, `的 id“${id}”与要素 #${first} 重复，每个要素的 id 必须不同`);
        seen.set(id, i);
      }
      features.push(out);
    } catch (err) {
      if (!(err instanceof FeatureProblem)) throw err;
      if (!lenient) throw new DataError(file, err.message);
      problems.push(`${file}: ${err.message}`);
    }
  });
  return { features, problems };
}

function checkPosition(p: unknown, label: Label): [number, number] {
  if (!Array.isArray(p) || p.length < 2) fail(label, `has position ${shown(p)}, expected [lon, lat]`, `的坐标 ${shown(p)} 不是 [经度, 纬度]`);
  const [x, y] = p as unknown[];
  if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
    fail(label, `has position ${shown(p)} that is not a pair of numbers — every position must be [lon, lat] numbers`, `的坐标 ${shown(p)} 不是两个数字，每个坐标必须是 [经度, 纬度] 数字`);
  }
  if (Math.abs(y) > 90 && Math.abs(x) <= 90) {
    fail(label, `has latitude ${y}: coordinates look like [lat, lon]; expected [lon, lat] — swap the two numbers of every position`, `的纬度为 ${y}：坐标看起来是 [纬度, 经度]，应为 [经度, 纬度]，请交换每个坐标的两个数`);
  }
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    fail(label, `has position [${x}, ${y}] outside lon/lat ranges (projected CRS?); expected WGS84 degrees — reproject to EPSG:4326`, `的坐标 [${x}, ${y}] 超出经纬度范围（投影坐标系？），应为 WGS84 经纬度，请转换为 EPSG:4326`);
  }
  return [x, y];
}

const REEXPORT = ['re-export the layer from the GIS tool', '请从 GIS 工具重新导出图层'] as const;

function checkPolygonal(f: Record<string, unknown>, label: Label): Polygon | MultiPolygon {
  const g = f.geometry;
  if (!isRecord(g)) fail(label, 'has no geometry — draw its area or remove the feature', '没有几何，请绘制其范围或删除该要素');
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    fail(label, `has geometry type ${String(g.type)}, expected Polygon or MultiPolygon — export this layer as polygons`, `的几何类型是 ${String(g.type)}，应为 Polygon 或 MultiPolygon，请把该图层导出为面`);
  }
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(polys) || polys.length === 0) fail(label, `has no coordinates — ${REEXPORT[0]}`, `没有坐标，${REEXPORT[1]}`);
  for (const poly of polys as unknown[]) {
    if (!Array.isArray(poly) || poly.length === 0) fail(label, `has a polygon that is not an array of rings — ${REEXPORT[0]}`, `有一个多边形不是环的数组，${REEXPORT[1]}`);
    for (const ring of poly as unknown[]) {
      if (!Array.isArray(ring)) fail(label, `has a ring that is not an array of positions — ${REEXPORT[0]}`, `有一个环不是坐标数组，${REEXPORT[1]}`);
      if (ring.length < 4) {
        fail(
          label,
          `has a ring with ${ring.length} positions, at least 4 needed (three corners and the first repeated last) — fix it in the GIS tool`,
          `有一个环只有 ${ring.length} 个点，至少需要 4 个点（三个角点，首点在末尾重复），请在 GIS 工具中修复`,
        );
      }
      const ps = (ring as unknown[]).map((p) => checkPosition(p, label));
      const a = ps[0]!;
      const b = ps[ps.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) {
        fail(label, `has a ring that is not closed (it starts at [${a}] but ends at [${b}]) — repeat the first position at the end`, `有一个环没有闭合（起点 [${a}]，终点 [${b}]），请在末尾重复起点`);
      }
    }
  }
  return g as unknown as Polygon | MultiPolygon;
}

function checkPoint(f: Record<string, unknown>, label: Label): Point {
  const g = f.geometry;
  if (!isRecord(g)) fail(label, 'has no geometry — place its point or remove the feature', '没有几何，请标出其位置或删除该要素');
  if (g.type !== 'Point') fail(label, `has geometry type ${String(g.type)}, expected Point — export this layer as points`, `的几何类型是 ${String(g.type)}，应为 Point，请把该图层导出为点`);
  const [x, y] = checkPosition(g.coordinates, label);
  return { type: 'Point', coordinates: [x, y] as Position };
}

function props(f: Record<string, unknown>, label: Label): Record<string, unknown> {
  if (!isRecord(f.properties)) fail(label, 'has no properties (an empty attribute table) — fill in its attributes', '没有属性（属性表为空），请填写其属性');
  return f.properties;
}

function str(p: Record<string, unknown>, key: string, label: Label): string {
  const v = p[key];
  if (v === undefined || v === null || v === '') fail(label, `has no "${key}" (expected a non-empty text) — fill it in`, `缺少“${key}”，请填写（非空文本）`);
  if (typeof v !== 'string') fail(label, `has "${key}" ${shown(v)}, expected a text — write it in quotes`, `的“${key}”为 ${shown(v)}，应为文本，请加引号填写`);
  return v;
}

function num(p: Record<string, unknown>, key: string, label: Label, min = 0): number {
  const v = p[key];
  if (v === undefined || v === null) fail(label, `has no "${key}" (expected a number ≥ ${min}) — fill it in`, `缺少“${key}”，请填写不小于 ${min} 的数字`);
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min) {
    fail(label, `has no valid "${key}" (expected a number ≥ ${min}, got ${shown(v)}) — write digits only`, `的“${key}”无效（应为不小于 ${min} 的数字，实际为 ${shown(v)}），请只填数字`);
  }
  return v;
}

function oneOf<T extends string>(p: Record<string, unknown>, key: string, allowed: readonly T[], label: Label): T {
  const v = p[key];
  const list = allowed.map((a) => `"${a}"`).join(', ');
  if (typeof v !== 'string' || v === '') fail(label, `has no "${key}" (expected one of ${list}) — fill it in`, `缺少“${key}”（应为 ${list} 之一），请填写`);
  if (!(allowed as readonly string[]).includes(v)) fail(label, `has unknown ${key} "${v}", expected one of ${list}`, `的“${key}”值“${v}”无效，应为 ${list} 之一`);
  return v as T;
}

const zone: Check<Feature<Polygon | MultiPolygon, HazardZoneProperties>> = (f, label) => {
  const p = props(f, label);
  const cls = oneOf(p, 'class', HAZARD_CLASSES, label);
  return { type: 'Feature', properties: { class: cls }, geometry: checkPolygonal(f, label) };
};

const site: Check<Feature<Point, HazardSiteProperties>> = (f, label) => {
  const p = props(f, label);
  const geometry = checkPoint(f, label);
  return {
    type: 'Feature',
    properties: {
      id: str(p, 'id', label),
      name: str(p, 'name', label),
      type: oneOf(p, 'type', HAZARD_SITE_TYPES, label),
      threat: num(p, 'threat', label),
      status: oneOf(p, 'status', HAZARD_SITE_STATUSES, label),
      township: str(p, 'township', label),
    },
    geometry,
  };
};

const team: Check<Feature<Point, TeamProperties>> = (f, label) => {
  const p = props(f, label);
  const geometry = checkPoint(f, label);
  const equipment = p.equipment ?? [];
  if (!Array.isArray(equipment) || equipment.some((e) => typeof e !== 'string')) {
    fail(label, `has "equipment" ${shown(equipment)}, expected a list of texts like ["boat", "pump"]`, `的“equipment”为 ${shown(equipment)}，应为文本列表，如 ["冲锋舟", "水泵"]`);
  }
  const onDuty = p.onDuty ?? true;
  if (typeof onDuty !== 'boolean') fail(label, `has "onDuty" ${shown(onDuty)}, expected true or false`, `的“onDuty”为 ${shown(onDuty)}，应为 true 或 false`);
  return {
    type: 'Feature',
    properties: {
      id: str(p, 'id', label),
      name: str(p, 'name', label),
      level: oneOf(p, 'level', TEAM_LEVELS, label),
      township: str(p, 'township', label),
      members: num(p, 'members', label),
      equipment: equipment as string[],
      onDuty,
    },
    geometry,
  };
};

const coverage: Check<Feature<Polygon | MultiPolygon, CoverageProperties>> = (f, label) => {
  const p = props(f, label);
  const cls = oneOf(p, 'class', ['covered', 'team'] as const, label);
  const geometry = checkPolygonal(f, label);
  if (cls === 'covered') return { type: 'Feature', properties: { class: 'covered' }, geometry };
  return { type: 'Feature', properties: { class: 'team', team: str(p, 'team', label), radiusKm: num(p, 'radiusKm', label) }, geometry };
};

function fc<F>(features: F[]): FeatureCollection & { features: F[] } {
  return { type: 'FeatureCollection', features } as FeatureCollection & { features: F[] };
}

/** hazard-zones.geojson → validated zones (throws a DataError naming file and feature). */
export function parseHazardZones(text: string | unknown, file = 'hazard-zones.geojson'): FeatureCollection<Polygon | MultiPolygon, HazardZoneProperties> {
  return fc(run(text, file, zone, false).features) as FeatureCollection<Polygon | MultiPolygon, HazardZoneProperties>;
}
export function parseHazardZonesLenient(text: string | unknown, file = 'hazard-zones.geojson'): LenientResult<Feature<Polygon | MultiPolygon, HazardZoneProperties>> {
  return run(text, file, zone, true);
}

/** hazard-sites.geojson → validated sites (unique ids). */
export function parseHazardSites(text: string | unknown, file = 'hazard-sites.geojson'): FeatureCollection<Point, HazardSiteProperties> {
  return fc(run(text, file, site, false, (f) => f.properties.id).features) as FeatureCollection<Point, HazardSiteProperties>;
}
export function parseHazardSitesLenient(text: string | unknown, file = 'hazard-sites.geojson'): LenientResult<Feature<Point, HazardSiteProperties>> {
  return run(text, file, site, true, (f) => f.properties.id);
}

/** teams.geojson → validated teams (unique ids; `equipment` defaults to [], `onDuty` to true). */
export function parseTeams(text: string | unknown, file = 'teams.geojson'): FeatureCollection<Point, TeamProperties> {
  return fc(run(text, file, team, false, (f) => f.properties.id).features) as FeatureCollection<Point, TeamProperties>;
}
export function parseTeamsLenient(text: string | unknown, file = 'teams.geojson'): LenientResult<Feature<Point, TeamProperties>> {
  return run(text, file, team, true, (f) => f.properties.id);
}

/** coverage.geojson → validated coverage (`covered` union and per-`team` reach polygons). */
export function parseCoverage(text: string | unknown, file = 'coverage.geojson'): FeatureCollection<Polygon | MultiPolygon, CoverageProperties> {
  return fc(run(text, file, coverage, false).features) as FeatureCollection<Polygon | MultiPolygon, CoverageProperties>;
}
export function parseCoverageLenient(text: string | unknown, file = 'coverage.geojson'): LenientResult<Feature<Polygon | MultiPolygon, CoverageProperties>> {
  return run(text, file, coverage, true);
}
