import { readFileSync } from 'node:fs';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateHazardSites, generateHazardZones, hazardModel, zoneAreas, type HazardModel } from '../../data/pipeline/hazards.ts';
import { generateTeams } from '../../data/pipeline/teams.ts';
import { computeAreaShares } from '../../src/core/area-shares/area-shares.ts';
import { parseBoundaries, type Boundaries } from '../../src/core/boundaries/boundaries.ts';
import { HAZARD_CLASSES, type HazardZones } from '../../src/core/overlays/types.ts';
import { parseHazardSites, parseHazardZones, parseTeams } from '../../src/core/overlays/parse-overlays.ts';

const text = readFileSync(new URL('../../public/data/townships.topo.json', import.meta.url), 'utf8');
const SEED = 'test-seed';

describe('generated hazard zones (Lishui topology)', () => {
  let boundaries: Boundaries;
  let model: HazardModel;
  let zones: HazardZones;
  beforeAll(() => {
    boundaries = parseBoundaries(text, 'townships.topo.json');
    model = hazardModel(JSON.parse(text) as Topology, SEED);
    zones = generateHazardZones(model);
  }, 60_000);

  it('is valid zone data: one feature per class, most severe first', () => {
    expect(parseHazardZones(JSON.stringify(zones)).features.map((f) => f.properties.class)).toEqual(['high', 'medium', 'low']);
  });

  it('tiles every township: high + medium + low shares sum to 1 (within 1e-6)', () => {
    // Every 4th township keeps the test quick; the build script checks all of them.
    const townships = boundaries.townships.features.filter((_, i) => i % 4 === 0) as unknown as Feature<Polygon | MultiPolygon>[];
    const { shares } = computeAreaShares(townships, zones.features, HAZARD_CLASSES, 'hazard-zones.geojson');
    for (let t = 0; t < townships.length; t++) {
      expect(Math.abs(shares[3 * t]! + shares[3 * t + 1]! + shares[3 * t + 2]! - 1)).toBeLessThan(1e-6);
    }
  }, 120_000);

  it('has a high share in the tuned range and a small low share (98% of Lishui is hazard-prone)', () => {
    const a = zoneAreas(zones);
    const total = a.high + a.medium + a.low;
    expect(a.high / total).toBeGreaterThan(0.2);
    expect(a.high / total).toBeLessThan(0.35);
    expect(a.low / total).toBeLessThan(0.06);
    expect(a.low / total).toBeGreaterThan(0);
  });

  it('is deterministic: the same seed gives identical JSON, another seed differs', () => {
    const again = generateHazardZones(JSON.parse(text) as Topology, SEED);
    expect(JSON.stringify(again)).toBe(JSON.stringify(zones));
    const other = hazardModel(JSON.parse(text) as Topology, 'other-seed');
    expect(other.field.value(119.9, 28.4)).not.toBe(model.field.value(119.9, 28.4));
  }, 60_000);

  it('sites: valid, deterministic, one to six per township, crowding into high zones', () => {
    const townships = boundaries.townships.features;
    const sites = generateHazardSites(townships, model, SEED);
    expect(JSON.stringify(generateHazardSites(townships, model, SEED))).toBe(JSON.stringify(sites));
    expect(parseHazardSites(JSON.stringify(sites)).features).toHaveLength(sites.features.length);
    const perTownship = new Map<string, number>();
    for (const s of sites.features) perTownship.set(s.properties.township, (perTownship.get(s.properties.township) ?? 0) + 1);
    expect(perTownship.size).toBe(townships.length);
    for (const n of perTownship.values()) expect(n >= 1 && n <= 6).toBe(true);
    const inHigh = sites.features.filter((s) => model.field.value(s.geometry.coordinates[0]!, s.geometry.coordinates[1]!) >= model.tHigh).length;
    expect(inHigh / sites.features.length).toBeGreaterThan(0.5); // high zones are ~28% of the area
    expect(sites.features[0]!.properties.name).toMatch(/(滑坡|崩塌|泥石流)点\d+$/);
  });

  it('teams: one per township at its seat plus one per county, deterministic and valid', () => {
    const townships = boundaries.townships.features;
    const teams = generateTeams(townships, SEED, boundaries.counties);
    expect(JSON.stringify(generateTeams(townships, SEED, boundaries.counties))).toBe(JSON.stringify(teams));
    const parsed = parseTeams(JSON.stringify(teams));
    expect(parsed.features.filter((f) => f.properties.level === 'township')).toHaveLength(townships.length);
    expect(parsed.features.filter((f) => f.properties.level === 'county')).toHaveLength(boundaries.counties.length);
    const first = parsed.features[0]!;
    expect(first.properties.name).toBe(`${townships[0]!.properties.name}应急救援队`);
    expect(first.geometry.coordinates[0]).toBeCloseTo(townships[0]!.properties.seat[0], 5);
    const county = parsed.features.find((f) => f.properties.level === 'county')!;
    expect(county.properties.members).toBeGreaterThanOrEqual(60);
  });
});
