/**
 * Builds the overlay files from a region's townships.topo.json:
 *
 *     npx tsx data/overlays-build.ts [dir]        (default public/data)
 *
 * writes `hazard-zones.geojson`, `hazard-sites.geojson`, `teams.geojson`, `coverage.geojson` and
 * `overlays-config.json` into `dir`, then prints the per-class mean area shares and the townships
 * whose team coverage is below the gap threshold. Deterministic: the same topology and seed give the
 * same bytes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { computeAreaShares } from '../src/core/area-shares.ts';
import { parseBoundaries } from '../src/core/boundaries/boundaries.ts';
import { DEFAULT_OVERLAYS_CONFIG, HAZARD_CLASSES, type OverlaysConfig } from '../src/core/overlays/types.ts';
import { DATA_SEED, stableJson } from './pipeline/common.ts';
import { generateHazardSites, generateHazardZones, hazardModel, type HazardModel } from './pipeline/hazards.ts';
import { generateTeams, teamCoverage } from './pipeline/teams.ts';

/** The committed configuration (documented in data/FORMATS.md). */
export const OVERLAYS_CONFIG: OverlaysConfig = DEFAULT_OVERLAYS_CONFIG;

export interface OverlayFiles {
  model: HazardModel;
  files: Record<'hazard-zones.geojson' | 'hazard-sites.geojson' | 'teams.geojson' | 'coverage.geojson' | 'overlays-config.json', string>;
}

/** All overlay files for a topology text, as strings (the pipeline can call this). */
export function buildOverlays(topologyText: string, seed: string = DATA_SEED, config: OverlaysConfig = OVERLAYS_CONFIG): OverlayFiles {
  const boundaries = parseBoundaries(topologyText, 'townships.topo.json');
  const topology = JSON.parse(topologyText) as Topology;
  const townships = boundaries.townships.features;
  const model = hazardModel(topology, seed);
  const zones = generateHazardZones(model);
  const sites = generateHazardSites(townships, model, seed);
  const teams = generateTeams(townships, seed, boundaries.counties);
  const coverage = teamCoverage(teams, config, { terrain: config.terrainSlowdown ? model.field.value : null, terrainSlowdown: config.terrainSlowdown ?? 0 });
  return {
    model,
    files: {
      'hazard-zones.geojson': stableJson(zones),
      'hazard-sites.geojson': stableJson(sites),
      'teams.geojson': stableJson(teams),
      'coverage.geojson': stableJson(coverage),
      'overlays-config.json': `${JSON.stringify(config, null, 2)}\n`,
    },
  };
}

function main(): void {
  const dir = process.argv[2] ?? 'public/data';
  const topologyText = readFileSync(join(dir, 'townships.topo.json'), 'utf8');
  const { files } = buildOverlays(topologyText);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    console.log(`${name}: ${text.length} bytes`);
  }

  // Shares summary.
  const boundaries = parseBoundaries(topologyText, 'townships.topo.json');
  const townships = boundaries.townships.features as unknown as import('geojson').Feature<Polygon | MultiPolygon>[];
  const zones = JSON.parse(files['hazard-zones.geojson']) as { features: unknown[] };
  const hazard = computeAreaShares(townships, zones.features, HAZARD_CLASSES, 'hazard-zones.geojson');
  const coverageFc = JSON.parse(files['coverage.geojson']) as { features: { properties: { class: string } }[] };
  const covered = computeAreaShares(townships, coverageFc.features.filter((f) => f.properties.class === 'covered'), ['covered'], 'coverage.geojson');
  const T = townships.length;
  const mean = HAZARD_CLASSES.map((_, c) => {
    let s = 0;
    for (let t = 0; t < T; t++) s += hazard.shares[t * 3 + c]!;
    return s / T;
  });
  let maxSumError = 0;
  for (let t = 0; t < T; t++) maxSumError = Math.max(maxSumError, Math.abs(hazard.shares[t * 3]! + hazard.shares[t * 3 + 1]! + hazard.shares[t * 3 + 2]! - 1));
  let covMean = 0;
  for (let t = 0; t < T; t++) covMean += covered.shares[t]!;
  covMean /= T;
  console.log(`townships: ${T}`);
  console.log(`mean hazard share per township: high ${mean[0]!.toFixed(4)}, medium ${mean[1]!.toFixed(4)}, low ${mean[2]!.toFixed(4)} (max |sum − 1| = ${maxSumError.toExponential(2)})`);
  console.log(`mean coverage share: ${covMean.toFixed(4)}`);
  const threshold = OVERLAYS_CONFIG.highRiskLowCoverage.coverageBelow;
  const low = townships
    .map((f, t) => ({ code: String(f.properties?.code), name: String(f.properties?.name), coverage: covered.shares[t]!, high: hazard.shares[t * 3]! }))
    .filter((x) => x.coverage < threshold)
    .sort((a, b) => a.coverage - b.coverage);
  console.log(`townships with coverage < ${threshold}: ${low.length}`);
  for (const x of low) console.log(`  ${x.code} ${x.name}: coverage ${x.coverage.toFixed(3)}, high ${x.high.toFixed(3)}`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('overlays-build.ts')) main();
