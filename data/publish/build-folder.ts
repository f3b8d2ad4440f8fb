/**
 * A city's exports → the files of a data folder, in memory: validate every file (each problem
 * collected, see collect.ts), join the incidents and run the index engine with the app's own core,
 * exactly as `npm run data` does for the generated set (build-region.ts). Writes nothing; the CLI
 * hands the result to write-folder.ts. History rule: the exports folder holds the whole history —
 * the days from its earliest to its latest indicator date — and each publish rebuilds the folder
 * from it, so adding a day is adding its files and re-publishing a day replaces it (data/FORMATS.md).
 */
import { bilingual, DataError } from '../../src/core/data-error.ts';
import { addDays, dayKeyOf } from '../../src/core/dates.ts';
import { parseDailyFile } from '../../src/core/daily-file.ts';
import { parsePopulationCsv } from '../../src/core/indicators/parse-population.ts';
import { toDailyFile } from '../../src/core/indicators/to-daily-file.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { parseCoverage, parseHazardSites, parseHazardZones, parseOverlaysConfig, parseTeams } from '../../src/core/overlays/parse-overlays.ts';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import { parseIndexConfig } from '../../src/core/safety-index/config.ts';
import type { IndexResult } from '../../src/core/safety-index/index-result.ts';
import { assembleIndexInputs } from '../../src/core/safety-index/inputs.ts';
import { toLevelsFile } from '../../src/core/safety-index/to-levels-file.ts';
import { stableJson } from '../pipeline/common.ts';
import { fileVersions } from '../pipeline/file-versions.ts';
import { overlayShares } from '../pipeline/overlays.ts';
import { teamCoverage } from '../pipeline/teams.ts';
import type { BaseFolder, BaseKey } from './base-folder.ts';
import { Collector } from './collect.ts';
import type { Phases } from './phases.ts';
import type { ExportsFolder, ExportText } from './exports-folder.ts';
import { readPublishBoundaries } from './read-boundaries.ts';
import { readIncidents } from './read-incidents.ts';
import { readIndicators } from './read-indicators.ts';

export interface BuildOptions {
  /** The manifest's `asOf` (ISO 8601 with offset); indicator dates after its day are refused. */
  readonly asOf: string;
  /** Where to record the time of each step (default: not recorded). */
  readonly phases?: Phases;
}

export interface BuiltFolder {
  readonly files: Record<string, string | Uint8Array>;
  readonly index: IndexResult;
  /** What a clerk should know that is not an error (townships without data, points outside). */
  readonly notes: string[];
  readonly summary: string[];
}

const OVERLAY_NAMES = {
  hazardZones: 'hazard-zones.geojson',
  hazardSites: 'hazard-sites.geojson',
  teams: 'teams.geojson',
  coverage: 'coverage.geojson',
  overlaysConfig: 'overlays-config.json',
} as const;

/** The usual name of each file publish may take from an earlier data set (for messages). */
const BASE_NAMES: Readonly<Record<BaseKey, string>> = { boundaries: 'townships.topo.json', daily: 'daily.json', indexConfig: 'index-config.json', ...OVERLAY_NAMES };

export function buildDataFolder(exports: ExportsFolder, base: BaseFolder, options: BuildOptions): BuiltFolder {
  const lap = (name: string): void => options.phases?.lap(name);
  const problems = new Collector();
  const notes: string[] = [];
  const pick = (own: ExportText | null, key: BaseKey): { name: string; text: string; own: boolean } => {
    if (own) return { name: own.name, text: own.text, own: true };
    const b = base.get(key);
    if (!b) {
      throw new DataError(
        BASE_NAMES[key],
        bilingual('is in none of the exports, the output folder and the built-in data — add it to the exports folder', '导出文件夹、输出文件夹和内置数据中都没有此文件，请把它放进导出文件夹'),
      );
    }
    return { name: b.name, text: b.text, own: false };
  };

  const b = pick(exports.boundaries, 'boundaries');
  const bounds = problems.attempt(() => readPublishBoundaries(b.name, b.text, b.own));
  lap('boundaries');
  problems.throwIfAny(); // everything below is checked against the townships
  const { codes, boundaries } = bounds!;
  const known = new Set(codes);
  const asOfDay = dayKeyOf(Date.parse(options.asOf));

  const history = readIndicators(exports.indicators, known, b.name, asOfDay, problems);
  lap('indicators');
  const population = exports.population
    ? problems.attempt(() => parsePopulationCsv(exports.population!.text, exports.population!.name, { knownCodes: known, boundariesFile: b.name }))
    : basePopulation(base, problems);
  lap('population');
  const incidents = history ? readIncidents(exports.incidents, exports.counts, boundaries.townships.features, codes, history, b.name, problems, options.phases) : null;
  lap(exports.counts.length > 0 ? 'incidents: counts' : 'incidents: join');
  const cfg = pick(exports.indexConfig, 'indexConfig');
  const config = problems.attempt(() => parseIndexConfig(cfg.text, cfg.name));
  const overlays = readOverlays(exports, pick, problems);
  lap('configs and overlays');
  problems.throwIfAny();

  const { startDay, dayCount, rows } = history!;
  const dailyText = stableJson(toDailyFile(rows, population!, codes, startDay, dayCount));
  const daily = parseDailyFile(dailyText, 'daily.json', known);
  lap('daily.json');
  const overlayFiles = overlays!;
  const shares = overlayShares(bounds!.topoText, overlayFiles, boundaries.townships.features);
  lap('area shares');
  const T = codes.length;
  const inputs = assembleIndexInputs(daily, {
    codes,
    incidents: { countsByDay: incidents!.countsByDay, codes, startDay, dayCount, typeCount: INCIDENT_TYPE_COUNT },
  });
  const index = computeIndex(config!, {
    ...inputs,
    hazardShares: {
      high: Float64Array.from({ length: T }, (_, t) => shares.hazard.shares[t * 3]!),
      medium: Float64Array.from({ length: T }, (_, t) => shares.hazard.shares[t * 3 + 1]!),
    },
    coverage: Float64Array.from(shares.covered.shares),
  });
  lap('index');

  const noPopulation = codes.filter((c) => !population!.has(c) || population!.get(c) === 0);
  if (noPopulation.length > 0) notes.push(`${noPopulation.length} townships have no population, so no index (drawn grey): ${noPopulation.slice(0, 10).join(', ')}${noPopulation.length > 10 ? ', …' : ''} · ${noPopulation.length} 个乡镇没有人口数据，不计算指数（显示为灰色）`);
  const reported = new Set(rows.map((r) => r.code));
  const silent = codes.filter((c) => !reported.has(c));
  if (silent.length > 0) notes.push(`${silent.length} townships have no indicator rows at all (their series are "not reported"): ${silent.slice(0, 10).join(', ')}${silent.length > 10 ? ', …' : ''} · ${silent.length} 个乡镇没有任何指标数据`);
  if (incidents!.outside > 0) notes.push(`${incidents!.outside} of ${incidents!.total} incidents lie outside every township and are not counted · ${incidents!.outside} 起事件不在任何乡镇内，未计入`);

  const files: Record<string, string | Uint8Array> = {
    'townships.topo.json': bounds!.topoText,
    'daily.json': dailyText,
    ...(incidents!.bin ? { 'incidents.bin': incidents!.bin } : {}),
    'index-config.json': cfg.text,
    'levels.json': stableJson(toLevelsFile(index)),
    ...overlayFiles,
  };
  const m = base.manifest;
  files['manifest.json'] = stableJson({
    version: 1,
    region: m.region,
    boundaries: 'townships.topo.json',
    levels: 'levels.json',
    incidents: incidents!.bin ? 'incidents.bin' : null,
    daily: 'daily.json',
    indexConfig: 'index-config.json',
    overlays: { hazardZones: OVERLAY_NAMES.hazardZones, hazardSites: OVERLAY_NAMES.hazardSites, teams: OVERLAY_NAMES.teams, coverage: OVERLAY_NAMES.coverage, config: OVERLAY_NAMES.overlaysConfig },
    refreshSeconds: m.refreshSeconds,
    approximateCounties: bounds!.fromExports ? [] : m.approximateCounties,
    basemap: m.basemap,
    asOf: options.asOf,
    versions: fileVersions(files),
  });
  const summary = [
    `townships: ${T} (${b.name}${b.own ? '' : ', kept'})`,
    `history: ${startDay} … ${addDays(startDay, dayCount - 1)} (${dayCount} days), ${rows.length} indicator values`,
    `incidents: ${incidents!.total}${incidents!.bin ? ' points' : ' (counts)'}`,
  ];
  lap('levels.json, manifest');
  return { files, index, notes, summary };
}

function basePopulation(base: BaseFolder, problems: Collector): Map<string, number> | undefined {
  const d = base.get('daily');
  if (!d) {
    problems.add(new DataError('population.csv', bilingual('is missing and there is no earlier daily.json to take it from — add population.csv (code,population)', '缺少人口文件，且没有以前的 daily.json 可用，请提供 population.csv（code,population）')));
    return undefined;
  }
  const daily = problems.attempt(() => parseDailyFile(d.text, d.name));
  if (!daily) return undefined;
  return new Map(daily.codes.flatMap((c, t) => (Number.isNaN(daily.population[t]!) ? [] : [[c, daily.population[t]!] as const])));
}

type Pick = (own: ExportText | null, key: BaseKey) => { name: string; text: string; own: boolean };

/** The five overlay files, each validated by the app's parser; coverage regenerated from the city's teams. */
function readOverlays(exports: ExportsFolder, pick: Pick, problems: Collector): Record<(typeof OVERLAY_NAMES)[keyof typeof OVERLAY_NAMES], string> | undefined {
  const zones = pick(exports.hazardZones, 'hazardZones');
  const sites = pick(exports.hazardSites, 'hazardSites');
  const teams = pick(exports.teams, 'teams');
  const cfg = pick(exports.overlaysConfig, 'overlaysConfig');
  const ok = [
    problems.attempt(() => parseHazardZones(zones.text, zones.name)),
    problems.attempt(() => parseHazardSites(sites.text, sites.name)),
  ].every((v) => v !== undefined);
  const teamList = problems.attempt(() => parseTeams(teams.text, teams.name));
  const config = problems.attempt(() => parseOverlaysConfig(cfg.text, cfg.name));
  if (!ok || !teamList || !config) return undefined;
  let coverageText: string;
  if (exports.coverage) coverageText = exports.coverage.text;
  else if (exports.teams) coverageText = stableJson(teamCoverage(teamList, config)); // the city's teams: plain circles (no terrain field)
  else coverageText = pick(null, 'coverage').text;
  const coverageName = exports.coverage?.name ?? OVERLAY_NAMES.coverage;
  if (problems.attempt(() => parseCoverage(coverageText, coverageName)) === undefined) return undefined;
  return {
    'hazard-zones.geojson': zones.text,
    'hazard-sites.geojson': sites.text,
    'teams.geojson': teams.text,
    'coverage.geojson': coverageText,
    'overlays-config.json': cfg.text,
  };
}
