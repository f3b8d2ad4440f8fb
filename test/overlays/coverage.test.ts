import { distance } from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { teamCoverage } from '../../data/pipeline/teams.ts';
import { computeAreaShares } from '../../src/core/area-shares/area-shares.ts';
import { gapList } from '../../src/core/overlays/gap-list.ts';
import { greatCircleKm, nearestTeam } from '../../src/core/overlays/nearest-team.ts';
import { createRandom } from '../../src/core/random.ts';
import { DEFAULT_OVERLAYS_CONFIG, reachKm, type OverlaysConfig, type TeamProperties } from '../../src/core/overlays/types.ts';

const config: OverlaysConfig = { ...DEFAULT_OVERLAYS_CONFIG, terrainSlowdown: 0 };

function square(code: string, lon: number, lat: number, half: number): Feature<Polygon, { code: string }> {
  return {
    type: 'Feature',
    properties: { code },
    geometry: { type: 'Polygon', coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]] },
  };
}

function team(id: string, lon: number, lat: number, onDuty = true): Feature<Point, TeamProperties> {
  return { type: 'Feature', properties: { id, name: `${id}应急救援队`, level: 'township', township: id, members: 20, equipment: [], onDuty }, geometry: { type: 'Point', coordinates: [lon, lat] } };
}

describe('team coverage', () => {
  // Reach at 30 min, 30 km/h, detour 1.4: 10.71 km. Township A: a ~2.2 km square around team A.
  // Township B: 1° (~100 km) east, no team within reach.
  const teams = [team('A', 120, 28), team('C', 120.05, 28.02)];
  const A = square('A', 120, 28, 0.01);
  const B = square('B', 121, 28, 0.02);
  const coverage = teamCoverage(teams, config);

  it('is the dissolved union first, then one circle per team with its radius', () => {
    expect(coverage.features.map((f) => f.properties.class)).toEqual(['covered', 'team', 'team']);
    const t = coverage.features[1]!.properties;
    expect(t.class === 'team' && t.team === 'A' && Math.abs(t.radiusKm - reachKm(config)) < 1e-3).toBe(true);
  });

  it('a township fully inside one buffer has coverage share 1; one out of reach has 0', () => {
    const covered = coverage.features.filter((f) => f.properties.class === 'covered');
    const { shares } = computeAreaShares([A, B], covered, ['covered'], 'coverage.geojson');
    expect(shares[0]).toBeCloseTo(1, 9);
    expect(shares[1]).toBe(0);
    // Per-team circle alone gives the same answer.
    const one = computeAreaShares([A], [{ ...coverage.features[1]!, properties: { class: 'covered' } }], ['covered']);
    expect(one.shares[0]).toBeCloseTo(1, 9);
  });

  it('terrain slows teams: a positive field shrinks the radius', () => {
    const slowed = teamCoverage([teams[0]!], config, { terrain: () => 1, terrainSlowdown: 1 });
    const p = slowed.features[1]!.properties;
    expect(p.class === 'team' ? p.radiusKm : 0).toBeCloseTo(reachKm(config) / 2, 3);
  });

  it('the uncovered orange township is in the gap list with its nearest team; the covered one is not', () => {
    const gaps = gapList({
      codes: ['A', 'B'],
      names: ['甲乡', '乙乡'],
      levels: [2, 2],
      highShare: [0.5, 0.5],
      coverage: [1, 0],
      seats: [[120, 28], [121, 28]],
      teams,
      config,
    });
    expect(gaps.map((g) => g.code)).toEqual(['B']);
    const g = gaps[0]!;
    expect(g.reasons).toEqual(['level']);
    expect(g.nearest!.team.properties.id).toBe('C');
    expect(g.nearest!.distanceKm).toBeCloseTo(distance([121, 28], [120.05, 28.02], { units: 'kilometers' }), 9);
    expect(g.nearest!.minutes).toBeCloseTo((g.nearest!.distanceKm * 1.4 * 60) / 30, 9);
  });

  it('gap list: heavy rain on much high-susceptibility area qualifies; sorted by severity', () => {
    const gaps = gapList({
      codes: ['R', 'O', 'W', 'G', 'D'],
      levels: [1, 2, 4, 5, 4],
      rainfall: [0, 0, 80, 80, 20],
      highShare: [0, 0, 0.6, 0.1, 0.9],
      coverage: [0.5, 0.2, 0.1, 0, 0],
      seats: [[120, 28], [120, 28], [120, 28], [120, 28], [120, 28]],
      teams,
      config,
    });
    // R: 3 + 0.5; O: 2 + 0.8; W: rain 1.6 + 0.9; G: low high share; D: not heavy rain.
    expect(gaps.map((g) => [g.code, g.reasons.join()])).toEqual([['R', 'level'], ['O', 'level'], ['W', 'rain']]);
  });

  it('nearestTeam agrees with turf.distance on random points; onDutyOnly skips off-duty teams', () => {
    const random = createRandom('nearest');
    const many = Array.from({ length: 50 }, (_, i) => team(`T${i}`, 118 + random() * 3, 27 + random() * 2, i % 3 !== 0));
    for (let k = 0; k < 200; k++) {
      const p = [118 + random() * 3, 27 + random() * 2];
      let best = Infinity;
      let bestId = '';
      for (const t of many) {
        const d = distance(p, t.geometry.coordinates, { units: 'kilometers' });
        if (d < best) [best, bestId] = [d, t.properties.id];
      }
      const n = nearestTeam(p, many, config)!;
      expect(n.team.properties.id).toBe(bestId);
      expect(Math.abs(n.distanceKm - best)).toBeLessThan(1e-9 * Math.max(1, best));
      expect(nearestTeam(p, many, config, { onDutyOnly: true })!.team.properties.onDuty).toBe(true);
    }
    expect(greatCircleKm([0, 0], [180, 0])).toBeCloseTo(distance([0, 0], [180, 0], { units: 'kilometers' }), 9);
    expect(nearestTeam([120, 28], [], config)).toBeNull();
  });
});
