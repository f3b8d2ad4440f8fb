/**
 * The index recomputed from a data folder's committed files exactly as the app does it: the join
 * of incidents.bin, daily.json, and the hazard-zone and coverage shares, through the engine.
 * Shared by the unit test that pins levels.json and the browser test of the township panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { computeAreaShares } from '../../src/core/area-shares/area-shares.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { parseDailyFile } from '../../src/core/daily-file.ts';
import { decodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { assembleIndexInputs } from '../../src/core/safety-index/inputs.ts';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import type { IndexResult } from '../../src/core/safety-index/index-result.ts';
import { parseIndexConfig } from '../../src/core/safety-index/config.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import { HAZARD_CLASSES } from '../../src/core/overlays/types.ts';

type Layer = { features: Feature<Polygon | MultiPolygon, { class: string }>[] };

export function recomputeIndex(dir: string): { result: IndexResult; codes: string[] } {
  const read = (name: string): string => readFileSync(join(dir, name), 'utf8');
  const townships = parseBoundaries(read('townships.topo.json'), 'townships.topo.json').townships.features;
  const codes = townships.map((f) => f.properties.code);
  const incidents = decodeIncidents(readFileSync(join(dir, 'incidents.bin')), 'incidents.bin');
  const joined = joinPoints(buildJoinIndex(townships), incidents.coords, incidents.types, INCIDENT_TYPE_COUNT, incidents.days, incidents.dayCount);
  const zones = JSON.parse(read('hazard-zones.geojson')) as Layer;
  const coverage = JSON.parse(read('coverage.geojson')) as Layer;
  const hazard = computeAreaShares(townships, zones.features, HAZARD_CLASSES, 'hazard-zones.geojson');
  const covered = computeAreaShares(townships, coverage.features.filter((f) => f.properties.class === 'covered'), ['covered'], 'coverage.geojson');
  const inputs = assembleIndexInputs(parseDailyFile(read('daily.json'), 'daily.json', new Set(codes)), {
    codes,
    hazardShares: { codes, high: codes.map((_, t) => hazard.shares[t * 3]!), medium: codes.map((_, t) => hazard.shares[t * 3 + 1]!) },
    coverage: { codes, share: Array.from(covered.shares) },
    incidents: { countsByDay: joined.countsByDay!, codes, startDay: incidents.startDay, dayCount: incidents.dayCount, typeCount: INCIDENT_TYPE_COUNT },
  });
  return { result: computeIndex(parseIndexConfig(read('index-config.json'), 'index-config.json'), inputs), codes };
}
