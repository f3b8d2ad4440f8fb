/**
 * One region from sources to the files the app reads: townships.topo.json, daily.json,
 * incidents.bin, index-config.json, levels.json and manifest.json, so the CLI writes them and tests
 * compare them with the committed ones. levels.json is the index engine's output for every day of
 * the history (src/core/index, the same code the app runs), with the config in index-config.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Topology } from 'topojson-specification';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import type { IndexResult } from '../../src/core/safety-index/index-result.ts';
import { parseIndexConfig } from '../../src/core/safety-index/config.ts';
import { toLevelsFile } from '../../src/core/safety-index/to-levels-file.ts';
import { DATA_DATE, DATA_SEED, regionName, stableJson } from './common.ts';
import { buildDailyData } from './daily-inputs.ts';
import { partitionUnit } from './partition.ts';
import { loadUnits, SourceDataError } from './sources.ts';
import { insertTJunctions, removeSpikes } from './t-junctions.ts';
import { buildTopology } from './topology.ts';
import { buildOverlays, overlayShares } from './overlays.ts';
import { addDays } from './calendar.ts';
import { fileVersions } from './file-versions.ts';


/** Days of built-in history, ending on DATA_DATE. */
export const HISTORY_DAYS = 90;

/** The default index config: the committed public/data/index-config.json, copied into every build. */
export const INDEX_CONFIG_FILE = fileURLToPath(new URL('../../public/data/index-config.json', import.meta.url));

export interface BuildOptions {
  region: string;
  seed?: string;
  lenient?: boolean;
  log?: (message: string) => void;
}

export interface BuiltRegion {
  topology: Topology;
  files: Record<
    | 'townships.topo.json'
    | 'daily.json'
    | 'index-config.json'
    | 'levels.json'
    | 'manifest.json'
    | 'hazard-zones.geojson'
    | 'hazard-sites.geojson'
    | 'teams.geojson'
    | 'coverage.geojson'
    | 'overlays-config.json',
    string
  > & { 'incidents.bin': Uint8Array };
  /** The index over the history (what levels.json holds, with every sub-score). */
  index: IndexResult;
}

export function buildRegion(options: BuildOptions): BuiltRegion {
  const { region, seed = DATA_SEED, lenient = false, log = () => {} } = options;
  const units = loadUnits({ region, lenient, warn: log });
  const expected = units.reduce((n, u) => n + u.counties.reduce((m, c) => m + c.townships.length, 0), 0);
  log(`${region}: ${units.length} units, ${expected} townships`);

  const cells = units.flatMap((unit, i) => {
    if (units.length > 20 && i % 20 === 0) log(`  partitioning ${i}/${units.length}`);
    return partitionUnit(unit, seed);
  });
  if (cells.length !== expected) throw new SourceDataError(`partition produced ${cells.length} townships, expected ${expected}`);

  const shapes = cells.map((c) => c.coords);
  const junctions = insertTJunctions(shapes);
  const spikes = removeSpikes(shapes);
  log(`  rings: ${junctions} T-junction vertices inserted, ${spikes} spike vertices removed`);

  const approximateCounties = new Set(units.filter((u) => u.approximate).flatMap((u) => u.counties.map((c) => c.code)));
  const topology = buildTopology(cells, {
    quantization: 1e5,
    maxGapArea: 1e-4,
    approximateCounties,
    onClean: (r) =>
      log(`  topology: ${r.gapsFilled} gaps filled, ${r.fragmentsMoved} fragments moved, ${r.islandsKept} islands kept, ${r.specksDropped} specks dropped`),
    onCrossings: (r) => {
      if (r.removed > 0) log(`  crossings: ${r.removed} vertices dropped where snapping made an outline cross itself`);
    },
  });
  const codes = (topology.objects.townships as { geometries: { properties?: { code: string } }[] }).geometries.map((g) => g.properties!.code);
  if (codes.length !== expected) throw new SourceDataError(`topology has ${codes.length} townships, expected ${expected}`);

  const topologyText = stableJson(topology);
  const built = buildDailyData(topologyText, DATA_DATE, HISTORY_DAYS, seed);
  log(`  daily: ${built.incidents.types.length} incidents over ${HISTORY_DAYS} days, population ${built.daily.population.reduce((a, b) => a + b, 0)}`);
  // Hazard zones and team coverage feed the geological and resilience domains, as they do in the app.
  const overlays = buildOverlays(topologyText, seed);
  const { townships, hazard, covered } = overlayShares(topologyText, overlays.files);
  const T = townships.length;
  const inputs = {
    ...built.inputs,
    hazardShares: {
      high: Float64Array.from({ length: T }, (_, t) => hazard.shares[t * 3]!),
      medium: Float64Array.from({ length: T }, (_, t) => hazard.shares[t * 3 + 1]!),
    },
    coverage: Float64Array.from(covered.shares),
  };
  log(`  overlays: ${JSON.parse(overlays.files['hazard-zones.geojson']).features.length} zone classes, ${JSON.parse(overlays.files['teams.geojson']).features.length} teams`);
  const configText = readFileSync(INDEX_CONFIG_FILE, 'utf8');
  const index = computeIndex(parseIndexConfig(configText, 'index-config.json'), inputs);
  const spread = [0, 0, 0, 0, 0, 0];
  for (const l of index.level) spread[l]!++;
  const pct = (n: number): string => `${((100 * n) / index.level.length).toFixed(1)}%`;
  log(`  index: red ${pct(spread[1]!)}, orange ${pct(spread[2]!)}, yellow ${pct(spread[3]!)}, blue ${pct(spread[4]!)}, green ${pct(spread[5]!)}, none ${pct(spread[0]!)} of township-days`);

  const files = {
    ...overlays.files,
    'incidents.bin': built.incidentsBin,
    'townships.topo.json': topologyText,
    'daily.json': built.dailyText,
    'index-config.json': configText,
    'levels.json': stableJson(toLevelsFile(index)),
  };
  const manifest = stableJson({
    version: 1,
    region: { code: region, name: regionName(region) },
    boundaries: 'townships.topo.json',
    levels: 'levels.json',
    incidents: 'incidents.bin',
    daily: 'daily.json',
    indexConfig: 'index-config.json',
    overlays: {
      hazardZones: 'hazard-zones.geojson',
      hazardSites: 'hazard-sites.geojson',
      teams: 'teams.geojson',
      coverage: 'coverage.geojson',
      config: 'overlays-config.json',
    },
    refreshSeconds: 300,
    seed,
    approximateCounties: [...approximateCounties].sort(),
    // A daily index for day D is published the next morning; generated data says so deterministically.
    asOf: `${addDays(DATA_DATE, 1)}T06:00:00+08:00`,
    versions: fileVersions(files),
  });
  return {
    topology,
    files: { ...files, 'manifest.json': manifest },
    index,
  };
}
