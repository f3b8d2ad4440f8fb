/**
 * # Generated emergency rescue teams and their coverage
 *
 * - **Teams** ({@link generateTeams}): one per township at its seat (`properties.seat`, the pole of
 *   inaccessibility from polylabel) named `<township>应急救援队` with 12–40 members, and one county
 *   team per county at the county seat (`counties` object's `seat`) named `<county>综合应急救援大队`
 *   with 60–150 members. Equipment is a seeded subset of a fixed list; ~92% are on duty.
 *   Seeded per team (`seed:team:<code>`), so one team never depends on another.
 * - **Coverage** ({@link teamCoverage}): the area a team reaches within `responseMinutes` at
 *   `speedKmh` along roads that are `detourFactor` times longer than the straight line — a geodesic
 *   circle of radius `speedKmh · responseMinutes / 60 / detourFactor` km around the team (Turf
 *   `circle`, 48 steps). Optional terrain: with `terrain` given (the hazard field, 0 … 1), a team's
 *   speed is divided by `1 + terrainSlowdown · field(team)`, so teams in rugged, hazard-prone ground
 *   reach less far. Output: the dissolved union `{class: "covered"}` first (use it for area shares),
 *   then one `{class: "team", team, radiusKm}` circle per team. Off-duty teams count: coverage is the
 *   standing capability, not today's roster.
 */
import { circle, featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { CountyInfo } from '../../src/core/boundaries/boundaries.ts';
import type { CoverageProperties, OverlaysConfig, TeamProperties } from '../../src/core/overlays/types.ts';
import { reachKm } from '../../src/core/overlays/types.ts';
import { createRandom } from '../../src/core/random.ts';

export interface TeamTownship {
  readonly properties: { code: string; name: string; seat: [number, number] | number[] };
}

const EQUIPMENT = [
  '生命探测仪',
  '冲锋舟',
  '救生衣',
  '发电机',
  '应急照明灯',
  '破拆工具',
  '油锯',
  '卫星电话',
  '无人机',
  '担架',
  '抽水泵',
  '对讲机',
] as const;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

function equipment(random: () => number, count: number): string[] {
  const pool = [...EQUIPMENT];
  const out: string[] = [];
  for (let i = 0; i < count && pool.length > 0; i++) out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  // Keep the list's own order so files read consistently.
  return out.sort((a, b) => EQUIPMENT.indexOf(a as (typeof EQUIPMENT)[number]) - EQUIPMENT.indexOf(b as (typeof EQUIPMENT)[number]));
}

/** Teams: one per township (at its seat), then one per county (at the county seat). */
export function generateTeams(
  townships: readonly TeamTownship[],
  seed: string,
  counties: readonly Pick<CountyInfo, 'code' | 'name' | 'seat'>[] = [],
): FeatureCollection<Point, TeamProperties> {
  const features: Feature<Point, TeamProperties>[] = [];
  for (const t of townships) {
    const { code, name, seat } = t.properties;
    const random = createRandom(`${seed}:team:${code}`);
    features.push({
      type: 'Feature',
      properties: {
        id: `T${code}`,
        name: `${name}应急救援队`,
        level: 'township',
        township: code,
        members: 12 + Math.floor(random() * 29),
        equipment: equipment(random, 3 + Math.floor(random() * 4)),
        onDuty: random() < 0.92,
      },
      geometry: { type: 'Point', coordinates: [round5(seat[0]!), round5(seat[1]!)] },
    });
  }
  for (const c of counties) {
    const random = createRandom(`${seed}:team:${c.code}`);
    features.push({
      type: 'Feature',
      properties: {
        id: `T${c.code}`,
        name: `${c.name}综合应急救援大队`,
        level: 'county',
        township: c.code,
        members: 60 + Math.floor(random() * 91),
        equipment: equipment(random, 7 + Math.floor(random() * 5)),
        onDuty: random() < 0.97,
      },
      geometry: { type: 'Point', coordinates: [round5(c.seat[0]), round5(c.seat[1])] },
    });
  }
  return { type: 'FeatureCollection', features };
}

export interface CoverageOptions {
  /** The hazard field (0 … 1) for terrain-aware reach; absent = plain circles. */
  terrain?: ((lon: number, lat: number) => number) | null;
  /** Speed divisor per unit of field: speed / (1 + terrainSlowdown · field). */
  terrainSlowdown?: number;
  /** Vertices per circle. */
  steps?: number;
}

function roundGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const ring = (r: Position[]) => r.map((p) => [round5(p[0]!), round5(p[1]!)]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}

/** A team's reach (straight-line radius, km) under the config and optional terrain. */
export function teamReachKm(team: Feature<Point>, config: Pick<OverlaysConfig, 'responseMinutes' | 'speedKmh' | 'detourFactor'>, options: CoverageOptions = {}): number {
  const base = reachKm(config);
  if (!options.terrain) return base;
  const [lon, lat] = team.geometry.coordinates as [number, number];
  return base / (1 + (options.terrainSlowdown ?? 0) * options.terrain(lon, lat));
}

/** Coverage polygons: the dissolved union `{class: "covered"}`, then one circle per team. */
export function teamCoverage(
  teams: FeatureCollection<Point, TeamProperties> | readonly Feature<Point, TeamProperties>[],
  config: Pick<OverlaysConfig, 'responseMinutes' | 'speedKmh' | 'detourFactor'>,
  options: CoverageOptions = {},
): FeatureCollection<Polygon | MultiPolygon, CoverageProperties> {
  const list = Array.isArray(teams) ? (teams as readonly Feature<Point, TeamProperties>[]) : (teams as FeatureCollection<Point, TeamProperties>).features;
  const steps = options.steps ?? 48;
  const circles: Feature<Polygon, CoverageProperties>[] = list.map((team) => {
    const radiusKm = Math.round(teamReachKm(team, config, options) * 1000) / 1000;
    const c = circle(team.geometry.coordinates, radiusKm, { steps, units: 'kilometers' });
    return {
      type: 'Feature',
      properties: { class: 'team', team: team.properties.id, radiusKm },
      geometry: roundGeometry(c.geometry) as Polygon,
    };
  });
  const features: Feature<Polygon | MultiPolygon, CoverageProperties>[] = [];
  if (circles.length > 0) {
    const merged = circles.length === 1 ? circles[0]! : union(featureCollection(circles));
    if (merged !== null) features.push({ type: 'Feature', properties: { class: 'covered' }, geometry: roundGeometry(merged.geometry) });
  }
  features.push(...circles);
  return { type: 'FeatureCollection', features };
}
