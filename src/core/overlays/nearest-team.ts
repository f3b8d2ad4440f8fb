/**
 * The nearest team to a point: great-circle distance (haversine on a sphere of radius 6371.0088 km,
 * the same formula and radius as Turf `distance`), and the estimated travel time at the configured
 * speed and detour factor. Linear scan: a city has hundreds of teams, not millions.
 */
import type { Feature, Point } from 'geojson';
import { travelMinutes, type OverlaysConfig, type TeamProperties } from './types.ts';

const RAD = Math.PI / 180;
/** Turf's earth radius, km. */
const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km between two [lon, lat] positions (as Turf `distance`). */
export function greatCircleKm(a: readonly number[], b: readonly number[]): number {
  const dLat = (b[1]! - a[1]!) * RAD;
  const dLon = (b[0]! - a[0]!) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(a[1]! * RAD) * Math.cos(b[1]! * RAD);
  return 2 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h)) * EARTH_RADIUS_KM;
}

export interface NearestTeam<P = TeamProperties> {
  team: Feature<Point, P>;
  distanceKm: number;
  /** Estimated minutes: distance × detour ÷ speed. */
  minutes: number;
}

export interface NearestTeamOptions {
  /** Only teams with `onDuty` true (default false: every team). */
  onDutyOnly?: boolean;
}

/** The nearest team (ties: the earlier team in the list), or null when there is none. */
export function nearestTeam<P extends Partial<TeamProperties> = TeamProperties>(
  point: readonly number[],
  teams: readonly Feature<Point, P>[],
  config: Pick<OverlaysConfig, 'speedKmh' | 'detourFactor'>,
  options: NearestTeamOptions = {},
): NearestTeam<P> | null {
  let best: Feature<Point, P> | null = null;
  let bestKm = Infinity;
  for (const team of teams) {
    if (options.onDutyOnly && team.properties.onDuty === false) continue;
    const d = greatCircleKm(point, team.geometry.coordinates);
    if (d < bestKm) {
      bestKm = d;
      best = team;
    }
  }
  if (best === null) return null;
  return { team: best, distanceKm: bestKm, minutes: travelMinutes(bestKm, config) };
}
