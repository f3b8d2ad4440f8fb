/**
 * Bad inputs for every parser whose problems an operator reads, one per message it can give (see
 * bilingual-messages.test.ts). A case is `[label, file, run]`: `run` must fail with a DataError
 * about `file` (or return the warnings it gave).
 */
import { readFileSync } from 'node:fs';
import { parseDailyFile } from '../../src/core/daily-file.ts';
import { parseDeploymentConfig } from '../../src/core/deployment-config.ts';
import { readCounts } from '../../src/core/counts/read-counts.ts';
import { computeAreaShares } from '../../src/core/area-shares/area-shares.ts';
import { prepareAreaLayer } from '../../src/core/area-shares/prepare-layer.ts';
import { bucketDays } from '../../src/core/incidents/incident-days.ts';
import { decodeIncidents, encodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { parseIncidents, parseIncidentsGeoJson } from '../../src/core/incidents/parse-incidents.ts';
import { createGeoJsonSeqIncidentParser } from '../../src/core/incidents/stream-incidents.ts';
import { parseIncidentsStrict } from '../../src/core/incidents/strict-incidents.ts';
import { parseLevelsFile } from '../../src/core/levels-file.ts';
import { parseManifest } from '../../src/core/manifest.ts';
import { parseCoverage, parseHazardSites, parseHazardZones, parseOverlaysConfig, parseTeams } from '../../src/core/overlays/parse-overlays.ts';
import { validateIndexConfig } from '../../src/core/safety-index/config.ts';

export type Case = readonly [label: string, file: string, run: () => unknown];

const json = (v: unknown): string => JSON.stringify(v);
/** `base` with `change` applied to a copy. */
function edit<T>(base: T, change: (copy: any) => void): T {
  const copy = structuredClone(base);
  change(copy);
  return copy;
}

const LEVELS = { version: 1, dates: ['2026-11-23', '2026-11-24'], codes: ['990101001', '990102001'], index: [[91, null], [59.5, 80]] };
const levels = (change: (l: any) => void, known?: string[]) => () => parseLevelsFile(json(edit(LEVELS, change)), 'levels.json', known && new Set(known));

const DAILY = { version: 1, startDay: '2026-11-23', dayCount: 2, codes: ['331102001', '331102002'], population: [41230, 5870], series: { rainfall: [[0, 1.5], [62.3, 88]] } };
const daily = (change: (d: any) => void) => () => parseDailyFile(json(edit(DAILY, change)), 'daily.json');

const MANIFEST = { version: 1, region: { code: '3311', name: '丽水市' }, boundaries: 'townships.topo.json', levels: 'levels.json' };
const manifest = (change: (m: any) => void) => () => parseManifest(json(edit(MANIFEST, change)), 'manifest.json');

const INDEX_CONFIG: unknown = JSON.parse(readFileSync('public/data/index-config.json', 'utf8'));
const config = (change: (c: any) => void) => () => validateIndexConfig(edit(INDEX_CONFIG, change), 'index-config.json');

const RING = [[120, 28], [120.1, 28], [120.1, 28.1], [120, 28]];
const zone = (geometry: unknown, properties: unknown = { class: 'high' }) => ({ type: 'Feature', properties, geometry });
const polygon = (coordinates: unknown = [RING]) => ({ type: 'Polygon', coordinates });
const fc = (...features: unknown[]) => json({ type: 'FeatureCollection', features });
const SITE = { id: 'S1', name: '紫金街道滑坡点1', type: 'landslide', threat: 12, status: 'active', township: '331102001' };
const site = (over: Record<string, unknown>, coordinates: unknown = [120, 28]) => ({ type: 'Feature', properties: { ...SITE, ...over }, geometry: { type: 'Point', coordinates } });
const TEAM = { id: 'T1', name: '紫金街道应急救援队', level: 'township', township: '331102001', members: 20 };
const team = (over: Record<string, unknown>) => ({ type: 'Feature', properties: { ...TEAM, ...over }, geometry: { type: 'Point', coordinates: [120, 28] } });

const TOWNSHIP = zone(polygon(), { code: '331102001' }) as never;
const layer = (features: unknown[], classes = ['high']) => () => computeAreaShares([TOWNSHIP], features, classes, 'hazard-zones.geojson');

const counts = (rows: string) => () => readCounts(`code,date,type,count\n${rows}`, 'counts.csv');

/** A valid two-incident incidents.bin, then one header field or byte changed. */
function bin(change: (view: DataView, bytes: Uint8Array) => void, size?: number) {
  const buf = encodeIncidents({ coords: new Float64Array([120, 28, 120.1, 28.1]), types: new Uint8Array([0, 1]), days: new Uint16Array([0, 1]), startDay: '2026-11-01', dayCount: 3 });
  const bytes = new Uint8Array(size === undefined ? buf.slice(0) : new ArrayBuffer(size));
  if (size !== undefined) bytes.set(new Uint8Array(buf).subarray(0, Math.min(size, buf.byteLength)));
  change(new DataView(bytes.buffer), bytes);
  return () => decodeIncidents(bytes, 'incidents.bin');
}

const HISTORY = { startDay: '2026-11-22', dayCount: 3 };
const strict = (text: string, file = 'incidents.csv') => () => parseIncidentsStrict(text, file, HISTORY);

export const CASES: readonly Case[] = [
  ['levels: empty', 'levels.json', () => parseLevelsFile(' ', 'levels.json')],
  ['levels: not JSON', 'levels.json', () => parseLevelsFile('{', 'levels.json')],
  ['levels: not JSON, whole', 'levels.json', () => parseLevelsFile('{"dates" 1}', 'levels.json')],
  ['levels: not an object', 'levels.json', () => parseLevelsFile('[]', 'levels.json')],
  ['levels: version', 'levels.json', levels((l) => (l.version = 2))],
  ['levels: no dates', 'levels.json', levels((l) => (l.dates = []))],
  ['levels: a bad date', 'levels.json', levels((l) => (l.dates[1] = '24/11/2026'))],
  ['levels: dates out of order', 'levels.json', levels((l) => (l.dates = ['2026-11-24', '2026-11-23']))],
  ['levels: codes not a list', 'levels.json', levels((l) => (l.codes = 'x'))],
  ['levels: a code not a string', 'levels.json', levels((l) => (l.codes[1] = 990102001))],
  ['levels: a duplicate code', 'levels.json', levels((l) => (l.codes[1] = l.codes[0]))],
  ['levels: an unknown code', 'levels.json', levels(() => {}, ['990101001'])],
  ['levels: rows missing', 'levels.json', levels((l) => (l.index = [[91, null]]))],
  ['levels: index not a list', 'levels.json', levels((l) => (l.index = 'x'))],
  ['levels: a short row', 'levels.json', levels((l) => (l.index[0] = [91]))],
  ['levels: a value out of range', 'levels.json', levels((l) => (l.index[1][1] = 120))],

  ['daily: not an object', 'daily.json', () => parseDailyFile('7', 'daily.json')],
  ['daily: version', 'daily.json', daily((d) => delete d.version)],
  ['daily: startDay', 'daily.json', daily((d) => (d.startDay = '2026-13-01'))],
  ['daily: dayCount', 'daily.json', daily((d) => (d.dayCount = 0))],
  ['daily: population short', 'daily.json', daily((d) => (d.population = [1]))],
  ['daily: population bad', 'daily.json', daily((d) => (d.population[0] = '5k'))],
  ['daily: series not an object', 'daily.json', daily((d) => (d.series = [1]))],
  ['daily: a day missing', 'daily.json', daily((d) => d.series.rainfall.pop())],
  ['daily: a short row', 'daily.json', daily((d) => (d.series.rainfall[1] = [1]))],
  ['daily: a negative value', 'daily.json', daily((d) => (d.series.rainfall[0][1] = -1))],
  ['daily: rainstormDays', 'daily.json', daily((d) => (d.rainstormDays = ['tomorrow']))],
  ['daily: festivals', 'daily.json', daily((d) => (d.festivals = [{ name: '国庆节', first: '10-01' }]))],

  ['manifest: not an object', 'manifest.json', () => parseManifest('"x"', 'manifest.json')],
  ['manifest: version', 'manifest.json', manifest((m) => (m.version = 2))],
  ['manifest: region', 'manifest.json', manifest((m) => (m.region = { code: '3311' }))],
  ['manifest: boundaries', 'manifest.json', manifest((m) => delete m.boundaries)],
  ['manifest: incidents', 'manifest.json', manifest((m) => (m.incidents = 3))],
  ['manifest: daily', 'manifest.json', manifest((m) => (m.daily = ''))],
  ['manifest: overlays', 'manifest.json', manifest((m) => (m.overlays = 'all'))],
  ['manifest: an overlay file', 'manifest.json', manifest((m) => (m.overlays = { hazardZones: 'z.geojson' }))],
  ['manifest: bad optional values (warnings)', 'manifest.json', () =>
    parseManifest(json({ ...MANIFEST, refreshSeconds: 1, approximateCounties: 3, basemap: 7, asOf: 'yesterday', versions: [] }), 'manifest.json').warnings],

  ['config.json: not JSON', 'config.json', () => parseDeploymentConfig('{"data": ').warnings],
  ['config.json: not an object', 'config.json', () => parseDeploymentConfig('[1]').warnings],
  ['config.json: bad values (warnings)', 'config.json', () =>
    parseDeploymentConfig(
      json({
        data: '', basemap: 3, language: 'fr', allowedOrigins: ['ftp://x/y'], refreshSeconds: 1, nightlyReloadHour: 25, stale: { dataDays: -1, alarmDays: 0, fetchMinutes: 0 },
        tour: { enabled: 1, holdSeconds: 1, counties: 'y', worstTownships: 99, layers: 'zones', resumeAfterIdleSeconds: 1 },
      }),
    ).warnings],
  ['config.json: origins not a list, a section not an object (warnings)', 'config.json', () => parseDeploymentConfig(json({ allowedOrigins: 'x', tour: 3 })).warnings],

  ['index config: not an object', 'index-config.json', () => validateIndexConfig([], 'index-config.json')],
  ['index config: version', 'index-config.json', config((c) => (c.version = 2))],
  ['index config: name', 'index-config.json', config((c) => (c.name = 3))],
  ['index config: bands', 'index-config.json', config((c) => (c.bands = [60, 70, 80]))],
  ['index config: bands overlap', 'index-config.json', config((c) => (c.bands = [60, 70, 70, 90]))],
  ['index config: a band out of range', 'index-config.json', config((c) => (c.bands[3] = 190))],
  ['index config: a band not a number', 'index-config.json', config((c) => (c.bands[3] = 'x'))],
  ['index config: levelColors', 'index-config.json', config((c) => (c.levelColors = ['#fff']))],
  ['index config: a level color', 'index-config.json', config((c) => (c.levelColors = ['#bc1113', '#da7510', 'yellow', '#4376db', '#77ed85']))],
  ['index config: indexDecimals', 'index-config.json', config((c) => (c.indexDecimals = 1.5))],
  ['index config: window missing', 'index-config.json', config((c) => delete c.window)],
  ['index config: window not an object', 'index-config.json', config((c) => (c.window = 7))],
  ['index config: a curve', 'index-config.json', config((c) => (c.curve = 'x'))],
  ['index config: a curve point', 'index-config.json', config((c) => (c.curve = [[0, 0], [1]]))],
  ['index config: curve loads', 'index-config.json', config((c) => (c.curve = [[0, 0], [2, 10], [1, 20]]))],
  ['index config: curve risk', 'index-config.json', config((c) => (c.curve = [[0, 0], [1, 50], [2, 40]]))],
  ['index config: an unknown domain', 'index-config.json', config((c) => (c.domains.crime = { weight: 0 }))],
  ['index config: an input of another domain', 'index-config.json', config((c) => (c.domains.disputes.terms.fire = { reference: 1 }))],
  ['index config: an unknown input', 'index-config.json', config((c) => (c.domains.disputes.terms.noise = { reference: 1 }))],
  ['index config: a missing input', 'index-config.json', config((c) => delete c.domains.geological.terms.rainfall)],
  ['index config: a zero reference', 'index-config.json', config((c) => (c.domains.disputes.terms.disputes_new.reference = 0))],
  ['index config: per10k', 'index-config.json', config((c) => (c.domains.disputes.terms.disputes_new.per10k = 'yes'))],
  ['index config: window kind', 'index-config.json', config((c) => (c.domains.disputes.terms.disputes_new.window = 'weekly'))],
  ['index config: a static share', 'index-config.json', config((c) => (c.domains.resilience.terms.uncovered.window = 'decayed'))],
  ['index config: weights', 'index-config.json', config((c) => (c.domains.social_security.weight = 0.3))],
  ['index config: overrides not a list', 'index-config.json', config((c) => (c.overrides = {}))],
  ['index config: too many rules', 'index-config.json', config((c) => (c.overrides = Array.from({ length: 33 }, (_, i) => ({ ...c.overrides[0], id: `r${i}` }))))],
  ['index config: a rule id', 'index-config.json', config((c) => (c.overrides[0].id = ''))],
  ['index config: a duplicate rule id', 'index-config.json', config((c) => (c.overrides[1].id = c.overrides[0].id))],
  ['index config: a rule label', 'index-config.json', config((c) => (c.overrides[0].label = 3))],
  ['index config: a rule input not a text', 'index-config.json', config((c) => (c.overrides[0].input = 3))],
  ['index config: an unknown rule input', 'index-config.json', config((c) => (c.overrides[0].input = 'deaths'))],
  ['index config: rainstormDay', 'index-config.json', config((c) => (c.overrides[0].rainstormDay = 'yes'))],
  ['index config: windowDays', 'index-config.json', config((c) => (c.overrides[0].windowDays = 1.5))],

  ['zones: not a FeatureCollection', 'hazard-zones.geojson', () => parseHazardZones('{"type":"Topology"}')],
  ['zones: not a Feature', 'hazard-zones.geojson', () => parseHazardZones(fc(null))],
  ['zones: no properties', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon(), null)))],
  ['zones: no class', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon(), {})))],
  ['zones: an unknown class', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon(), { class: 'extreme' })))],
  ['zones: no geometry', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(null)))],
  ['zones: a point', 'hazard-zones.geojson', () => parseHazardZones(fc(zone({ type: 'Point', coordinates: [120, 28] })))],
  ['zones: no coordinates', 'hazard-zones.geojson', () => parseHazardZones(fc(zone({ type: 'MultiPolygon', coordinates: [] })))],
  ['zones: a polygon not of rings', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon([]))))],
  ['zones: a ring not of positions', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon([7]))))],
  ['zones: a short ring', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon([RING.slice(1)]))))],
  ['zones: an open ring', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon([[...RING.slice(0, 3), [120, 28.2]]]))))],
  ['zones: a position not a pair', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon([[[120], ...RING.slice(1)]]))))],
  ['zones: a position not numbers', 'hazard-zones.geojson', () => parseHazardZones(fc(zone(polygon([[[120, 'x'], ...RING.slice(1)]]))))],
  ['sites: lat/lon swapped', 'hazard-sites.geojson', () => parseHazardSites(fc(site({}, [28, 120])))],
  ['sites: projected', 'hazard-sites.geojson', () => parseHazardSites(fc(site({}, [500000, 3100000])))],
  ['sites: no geometry', 'hazard-sites.geojson', () => parseHazardSites(fc({ ...site({}), geometry: null }))],
  ['sites: not a point', 'hazard-sites.geojson', () => parseHazardSites(fc({ ...site({}), geometry: polygon() }))],
  ['sites: no name', 'hazard-sites.geojson', () => parseHazardSites(fc(site({ name: '' })))],
  ['sites: an id not a text', 'hazard-sites.geojson', () => parseHazardSites(fc(site({ id: 7 })))],
  ['sites: no threat', 'hazard-sites.geojson', () => parseHazardSites(fc(site({ threat: undefined })))],
  ['sites: a bad threat', 'hazard-sites.geojson', () => parseHazardSites(fc(site({ threat: -3 })))],
  ['sites: a duplicate id', 'hazard-sites.geojson', () => parseHazardSites(fc(site({}), site({})))],
  ['teams: equipment', 'teams.geojson', () => parseTeams(fc(team({ equipment: 'boat' })))],
  ['teams: onDuty', 'teams.geojson', () => parseTeams(fc(team({ onDuty: 'yes' })))],
  ['teams: level', 'teams.geojson', () => parseTeams(fc(team({ level: 'city' })))],
  ['coverage: a team without its id', 'coverage.geojson', () => parseCoverage(fc(zone(polygon(), { class: 'team', radiusKm: 10 })))],
  ['overlay settings: not an object', 'overlays-config.json', () => parseOverlaysConfig('[]')],
  ['overlay settings: a speed', 'overlays-config.json', () => parseOverlaysConfig('{"speedKmh": -1}')],
  ['overlay settings: the detour', 'overlays-config.json', () => parseOverlaysConfig('{"detourFactor": 0.5}')],
  ['overlay settings: the list settings', 'overlays-config.json', () => parseOverlaysConfig('{"highRiskLowCoverage": 3}')],
  ['overlay settings: a share', 'overlays-config.json', () => parseOverlaysConfig('{"highRiskLowCoverage": {"highShareAbove": 2}}')],

  ['area shares: not a Feature', 'hazard-zones.geojson', layer(['nope'])],
  ['area shares: no class', 'hazard-zones.geojson', layer([zone(polygon(), {})])],
  ['area shares: an unknown class', 'hazard-zones.geojson', layer([zone(polygon(), { class: 'extreme' })])],
  ['area shares: a class listed twice', 'hazard-zones.geojson', layer([], ['high', 'high'])],
  ['area shares: not a list', 'hazard-zones.geojson', () => prepareAreaLayer('x' as never, ['high'], 'hazard-zones.geojson')],
  ['area shares: no geometry', 'hazard-zones.geojson', layer([zone(null)])],
  ['area shares: a point', 'hazard-zones.geojson', layer([zone({ type: 'Point', coordinates: [120, 28] })])],
  ['area shares: no coordinates', 'hazard-zones.geojson', layer([zone({ type: 'MultiPolygon', coordinates: 7 })])],
  ['area shares: a polygon not of rings', 'hazard-zones.geojson', layer([zone(polygon([]))])],
  ['area shares: a ring not of positions', 'hazard-zones.geojson', layer([zone(polygon([7]))])],
  ['area shares: a short ring', 'hazard-zones.geojson', layer([zone(polygon([RING.slice(1)]))])],
  ['area shares: a position not numbers', 'hazard-zones.geojson', layer([zone(polygon([[[120, 'x'], ...RING.slice(1)]]))])],
  ['area shares: a position out of range', 'hazard-zones.geojson', layer([zone(polygon([[[500, 28], ...RING.slice(1)]]))])],
  ['area shares: a bad township', 'townships', () => computeAreaShares([zone(null, { code: '331102001' }) as never], [], ['high'], 'hazard-zones.geojson')],

  ['counts: empty', 'counts.csv', () => readCounts('', 'counts.csv')],
  ['counts: header', 'counts.csv', () => readCounts('code,type,count\n', 'counts.csv')],
  ['counts: a blank line', 'counts.csv', counts('a,,fire,1\n\nb,,fire,2\n')],
  ['counts: fields', 'counts.csv', counts('a,,fire\n')],
  ['counts: a code', 'counts.csv', counts(',,fire,1\n')],
  ['counts: a date', 'counts.csv', counts('a,2024-02-30,fire,1\n')],
  ['counts: a type', 'counts.csv', counts('a,,theft,1\n')],
  ['counts: a count', 'counts.csv', counts('a,,fire,0\n')],
  ['counts: dated and undated', 'counts.csv', counts('a,,fire,1\nb,2024-05-01,fire,2\n')],
  ['counts: a duplicate row', 'counts.csv', counts('a,,fire,1\na,,fire,2\n')],

  ['incidents: empty', 'incidents.csv', () => parseIncidents('\ufeff \n', 'incidents.csv')],
  ['incidents: no lon/lat', 'incidents.csv', () => parseIncidents('x,y2,type\n1,2,fire\n', 'incidents.csv')],
  ['incidents: no type', 'incidents.csv', () => parseIncidents('lon,lat,when\n120,28,x\n', 'incidents.csv')],
  ['incidents: an open quote', 'incidents.csv', () => parseIncidents('lon,lat,type\n120,28,"fire\n', 'incidents.csv')],
  ['incidents: swapped', 'incidents.csv', () => parseIncidents('lon,lat,type\n28,120,fire\n', 'incidents.csv')],
  ['incidents: projected', 'incidents.csv', () => parseIncidents('lon,lat,type\n500000,3100000,fire\n', 'incidents.csv')],
  ['incidents: empty GeoJSON', 'incidents.geojson', () => parseIncidentsGeoJson(' ', 'incidents.geojson')],
  ['incidents: malformed JSON', 'incidents.geojson', () => parseIncidentsGeoJson('{"type": "Feature", "properties": {', 'incidents.geojson')],
  ['incidents: no features array', 'incidents.geojson', () => parseIncidentsGeoJson('{"type":"FeatureCollection"}', 'incidents.geojson')],
  ['incidents: not a collection', 'incidents.geojson', () => parseIncidentsGeoJson('{"type":"Point","coordinates":[1,2]}', 'incidents.geojson')],
  ['incidents: a line without features', 'incidents.geojson', () => {
    const p = createGeoJsonSeqIncidentParser('incidents.geojson');
    p.push('{"type":"FeatureCollection"}\n');
    p.end();
  }],
  ['incidents: not one feature per line', 'incidents.geojson', () => createGeoJsonSeqIncidentParser('incidents.geojson').push('{"type":"Point"}\n')],
  ['incidents: times over too many days', 'incidents.csv', () => bucketDays(new Float64Array([0, 1e14]), 'incidents.csv')],
  ['incidents: times after the year 9999', 'incidents.csv', () => bucketDays(new Float64Array([Date.UTC(10000, 0, 2)]), 'incidents.csv')],
  ['incidents for publish: no rows', 'incidents.csv', strict('lon,lat,type,time\n')],
  ['incidents for publish: no time', 'incidents.csv', strict('lon,lat,type\n120,28,fire\n')],
  ['incidents for publish: a bad type', 'incidents.csv', strict('lon,lat,type,time\n120,28,theft,2026-11-22\n120,28,fire,2026-11-22\n')],
  ['incidents for publish: a bad time', 'incidents.csv', strict('lon,lat,type,time\n120,28,fire,soon\n120,28,fire,2026-11-22\n')],
  ['incidents for publish: a swapped row', 'incidents.csv', strict('lon,lat,type,time\n28,120,fire,2026-11-22\n120,28,fire,2026-11-22\n')],
  ['incidents for publish: a projected row', 'incidents.csv', strict('lon,lat,type,time\n500000,3100000,fire,2026-11-22\n120,28,fire,2026-11-22\n')],
  ['incidents for publish: no coordinates', 'incidents.csv', strict('lon,lat,type,time\n,,fire,2026-11-22\n120,28,fire,2026-11-22\n')],
  ['incidents for publish: a line feature', 'incidents.geojson', strict(fc({ type: 'Feature', properties: { type: 'fire', time: '2026-11-22' }, geometry: { type: 'LineString', coordinates: [] } }, site({ type: 'fire', time: '2026-11-22' })), 'incidents.geojson')],
  ['incidents for publish: outside the history', 'incidents.csv', strict('lon,lat,type,time\n120,28,fire,2026-10-01\n')],

  ['incidents.bin: not one', 'incidents.bin', () => decodeIncidents(new TextEncoder().encode('not a bin file at all'), 'incidents.bin')],
  ['incidents.bin: empty', 'incidents.bin', () => decodeIncidents(new Uint8Array(0), 'incidents.bin')],
  ['incidents.bin: a cut header', 'incidents.bin', bin(() => {}, 40)],
  ['incidents.bin: version', 'incidents.bin', bin((v) => v.setUint16(4, 9, true))],
  ['incidents.bin: startDay', 'incidents.bin', bin((_, b) => b.set(new TextEncoder().encode('2026-21-01'), 16))],
  ['incidents.bin: dayCount', 'incidents.bin', bin((v) => v.setUint32(12, 70000, true))],
  ['incidents.bin: bbox', 'incidents.bin', bin((v) => v.setFloat64(32, 500, true))],
  ['incidents.bin: cut data', 'incidents.bin', bin(() => {}, 85)],
  ['incidents.bin: trailing bytes', 'incidents.bin', bin(() => {}, 90)],
  ['incidents.bin: a day', 'incidents.bin', bin((v) => v.setUint16(64 + 16 + 2, 7, true))],
  ['incidents.bin: a type', 'incidents.bin', bin((_, b) => (b[64 + 20 + 1] = 12))],
];
