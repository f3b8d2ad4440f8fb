/**
 * # Overlay data types: geological-hazard zones and sites, emergency teams, team coverage, and the
 * overlay configuration (public/data/overlays-config.json). Formats: data/FORMATS.md.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export const HAZARD_CLASSES = ['high', 'medium', 'low'] as const;
/** Susceptibility class, most severe first (the order area shares use). */
export type HazardClass = (typeof HAZARD_CLASSES)[number];

export const HAZARD_SITE_TYPES = ['landslide', 'debris_flow', 'collapse'] as const;
export type HazardSiteType = (typeof HAZARD_SITE_TYPES)[number];

export const HAZARD_SITE_STATUSES = ['active', 'monitored', 'mitigated'] as const;
export type HazardSiteStatus = (typeof HAZARD_SITE_STATUSES)[number];

export const TEAM_LEVELS = ['township', 'county'] as const;
export type TeamLevel = (typeof TEAM_LEVELS)[number];

export interface HazardZoneProperties {
  class: HazardClass;
}

export interface HazardSiteProperties {
  id: string;
  name: string;
  type: HazardSiteType;
  /** People threatened. */
  threat: number;
  status: HazardSiteStatus;
  /** 9-digit township code. */
  township: string;
}

export interface TeamProperties {
  id: string;
  name: string;
  level: TeamLevel;
  /** Township code (township teams) or 6-digit county code (county teams). */
  township: string;
  members: number;
  equipment: string[];
  onDuty: boolean;
}

export type CoverageProperties =
  | { class: 'covered' }
  | { class: 'team'; team: string; radiusKm: number };

export type HazardZone = Feature<Polygon | MultiPolygon, HazardZoneProperties>;
export type HazardSite = Feature<Point, HazardSiteProperties>;
export type Team = Feature<Point, TeamProperties>;
export type HazardZones = FeatureCollection<Polygon | MultiPolygon, HazardZoneProperties>;
export type HazardSites = FeatureCollection<Point, HazardSiteProperties>;
export type Teams = FeatureCollection<Point, TeamProperties>;
export type Coverage = FeatureCollection<Polygon | MultiPolygon, CoverageProperties>;

export interface OverlaysConfig {
  version: 1;
  /** Response time a team must reach a place within, minutes. */
  responseMinutes: number;
  /** Average travel speed along roads, km/h. */
  speedKmh: number;
  /** Road distance ÷ straight-line distance (≥ 1). */
  detourFactor: number;
  /**
   * Terrain: a team's speed is divided by 1 + terrainSlowdown × the hazard field (0 … 1) at its
   * base, so teams in rugged ground reach less far (0 = plain circles). Used when coverage is
   * generated; the resulting radius of each team is stored in coverage.geojson.
   */
  terrainSlowdown?: number;
  /** The "high risk, low coverage" list. */
  highRiskLowCoverage: {
    /** A township is listed only if its coverage share is below this. */
    coverageBelow: number;
    /** … and it is red/orange (level ≤ maxLevel), or its high-susceptibility share is above this … */
    highShareAbove: number;
    /** … while its rainfall that day is at least this (mm). */
    heavyRainMm: number;
    /** Highest (least severe) level that qualifies by color: 2 = red and orange. */
    maxLevel: number;
  };
}

export const DEFAULT_OVERLAYS_CONFIG: OverlaysConfig = {
  version: 1,
  responseMinutes: 30,
  speedKmh: 30,
  detourFactor: 1.4,
  terrainSlowdown: 1,
  highRiskLowCoverage: { coverageBelow: 0.6, highShareAbove: 0.3, heavyRainMm: 50, maxLevel: 2 },
};

/** Straight-line reach of a team, km: speed × time ÷ detour. */
export function reachKm(config: Pick<OverlaysConfig, 'responseMinutes' | 'speedKmh' | 'detourFactor'>): number {
  return (config.speedKmh * config.responseMinutes) / 60 / config.detourFactor;
}

/** Estimated travel time, minutes, over a straight-line distance (km): distance × detour ÷ speed. */
export function travelMinutes(distanceKm: number, config: Pick<OverlaysConfig, 'speedKmh' | 'detourFactor'>): number {
  return ((distanceKm * config.detourFactor) / config.speedKmh) * 60;
}
