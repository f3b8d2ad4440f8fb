/**
 * npm run publish end to end on examples/city-exports: the output parses with the app's own
 * parsers, its levels equal the engine's output computed here independently, a bad row changes
 * nothing, publishing is idempotent, and --check writes nothing.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { computeAreaShares } from '../../src/core/area-shares/area-shares.ts';
import { parseDailyFile } from '../../src/core/daily-file.ts';
import { decodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { parseLevelsFile } from '../../src/core/levels-file.ts';
import { parseManifest } from '../../src/core/manifest.ts';
import { parseCoverage, parseHazardZones } from '../../src/core/overlays/parse-overlays.ts';
import { HAZARD_CLASSES } from '../../src/core/overlays/types.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import { parseIndexConfig } from '../../src/core/safety-index/config.ts';
import { assembleIndexInputs } from '../../src/core/safety-index/inputs.ts';
import { toLevelsFile } from '../../src/core/safety-index/to-levels-file.ts';
import { publish } from '../../data/publish/run-publish.ts';

const EXAMPLE = new URL('../../examples/city-exports/', import.meta.url).pathname;
const AS_OF = '2026-11-25T06:00:00+08:00';
const root = mkdtempSync(join(tmpdir(), 'publish-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (name: string): string => join(root, `${name}-${n++}`);

/** name → sha256 of every file in a folder (the folder's bytes). */
function hashFolder(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]));
}

function copyExample(keep: (name: string) => boolean = () => true): string {
  const dir = fresh('exports');
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => src === EXAMPLE || src === EXAMPLE.replace(/\/$/, '') || keep(src.split('/').pop()!) });
  return dir;
}

describe('publish examples/city-exports', () => {
  const out = fresh('out');
  const result = publish({ exportsDir: EXAMPLE, out, asOf: AS_OF });

  it('succeeds and writes the files the manifest names, with their versions', () => {
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    const manifest = parseManifest(readFileSync(join(out, 'manifest.json'), 'utf8'), 'manifest.json');
    expect(manifest.warnings).toEqual([]);
    expect(manifest.asOf).toBe(AS_OF);
    const named = [manifest.boundaries, manifest.levels, manifest.incidents!, manifest.daily!, manifest.indexConfig!, ...Object.values(manifest.overlays!)];
    for (const f of named) {
      expect(existsSync(join(out, f))).toBe(true);
      expect(manifest.versions[f]).toBe(createHash('sha256').update(readFileSync(join(out, f))).digest('hex').slice(0, 16));
    }
  });

  it('writes levels equal to the engine run here on the published inputs', () => {
    const read = (f: string): string => readFileSync(join(out, f), 'utf8');
    const boundaries = parseBoundaries(read('townships.topo.json'), 'townships.topo.json');
    const townships = boundaries.townships.features;
    const codes = townships.map((f) => f.properties.code);
    const daily = parseDailyFile(read('daily.json'), 'daily.json', new Set(codes));
    expect(daily.startDay).toBe('2026-11-22');
    expect(daily.dayCount).toBe(3);
    const inc = decodeIncidents(readFileSync(join(out, 'incidents.bin')), 'incidents.bin');
    expect(inc.count).toBe(readFileSync(join(EXAMPLE, 'incidents.csv'), 'utf8').trim().split('\n').length - 1);
    const join_ = joinPoints(buildJoinIndex(townships), inc.coords, inc.types, INCIDENT_TYPE_COUNT, inc.days, inc.dayCount);
    const zones = parseHazardZones(read('hazard-zones.geojson'));
    const covered = parseCoverage(read('coverage.geojson')).features.filter((f) => f.properties.class === 'covered');
    const hazard = computeAreaShares(townships, zones.features, HAZARD_CLASSES, 'hazard-zones.geojson');
    const coverage = computeAreaShares(townships, covered, ['covered'], 'coverage.geojson');
    const inputs = assembleIndexInputs(daily, {
      codes,
      incidents: { countsByDay: join_.countsByDay!, codes, startDay: inc.startDay, dayCount: inc.dayCount, typeCount: INCIDENT_TYPE_COUNT },
      hazardShares: { codes, high: codes.map((_, t) => hazard.shares[t * 3]!), medium: codes.map((_, t) => hazard.shares[t * 3 + 1]!) },
      coverage: { codes, share: coverage.shares },
    });
    const expected = toLevelsFile(computeIndex(parseIndexConfig(read('index-config.json'), 'index-config.json'), inputs));
    const levels = parseLevelsFile(read('levels.json'), 'levels.json', new Set(codes));
    expect(levels).toEqual(expected);
    expect(levels.dates).toEqual(['2026-11-22', '2026-11-23', '2026-11-24']);
    // Every township has a population in the example, so every one is colored on every day.
    expect(levels.index.flat().every((v) => v !== null)).toBe(true);
  });

  it('reports the time of each step, in run order', () => {
    expect(result.phases.map((p) => p.name)).toEqual([
      'read files',
      'boundaries',
      'indicators',
      'population',
      'incidents: parse',
      'incidents: join',
      'configs and overlays',
      'daily.json',
      'area shares',
      'index',
      'levels.json, manifest',
      'write folder',
    ]);
    expect(result.phases.every((p) => p.ms >= 0)).toBe(true);
  });

  it('reads the GB18030 file with Chinese headers and dates like the UTF-8 ones', () => {
    const daily = parseDailyFile(readFileSync(join(out, 'daily.json'), 'utf8'), 'daily.json');
    const T = daily.codes.length;
    for (const id of ['rainfall', 'disputes_new', 'disputes_open']) {
      const day1 = Array.from(daily.series[id]!.subarray(T, 2 * T));
      expect(day1.every((v) => Number.isFinite(v))).toBe(true);
    }
  });
});

describe('atomic and idempotent', () => {
  it('a bad row leaves the output folder byte-identical and names the file, line, field and value', () => {
    const out = fresh('out');
    expect(publish({ exportsDir: EXAMPLE, out, asOf: AS_OF }).ok).toBe(true);
    const before = hashFolder(out);
    const exports = copyExample();
    appendFileSync(join(exports, 'indicators-2026-11-24.csv'), '2026-11-24,331102001,rainfall,-4\r\n');
    const r = publish({ exportsDir: exports, out, asOf: AS_OF });
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => e.message)).toEqual([
      'indicators-2026-11-24.csv: line 521, column "value": -4 is negative — rainfall cannot be below 0 · 第 521 行“value”列：-4 是负数，rainfall 不能小于 0',
    ]);
    expect(hashFolder(out)).toEqual(before);
    expect(readdirSync(root).some((f) => f.includes('.publish-'))).toBe(false); // no temp folder left behind
  });

  it('lists the problems of every file at once', () => {
    const exports = copyExample();
    appendFileSync(join(exports, 'indicators-2026-11-22.csv'), '2026-11-22,331102001,crime,1\r\n2026-11-22,331102001,rainfall,x\r\n');
    appendFileSync(join(exports, 'population.csv'), '331102001,about 40k\n');
    const r = publish({ exportsDir: exports, out: fresh('out'), asOf: AS_OF, check: true });
    expect(r.errors.map((e) => e.file)).toEqual(['indicators-2026-11-22.csv', 'indicators-2026-11-22.csv', 'population.csv']);
    expect(r.lines[0]).toMatch(/^check failed: 3 problems/);
  });

  it('a day split over two files publishes as one; a value in both is named with both lines', () => {
    const exports = copyExample();
    const file = join(exports, 'indicators-2026-11-24.csv');
    const [header, ...rows] = readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
    const rain = rows.filter((l) => l.includes(',rainfall,'));
    writeFileSync(file, [header, ...rain, ''].join('\r\n'));
    writeFileSync(join(exports, 'indicators-2026-11-24-disputes.csv'), [header, ...rows.filter((l) => !l.includes(',rainfall,')), ''].join('\r\n'));
    const split = fresh('out');
    const whole = fresh('out');
    expect(publish({ exportsDir: exports, out: split, asOf: AS_OF }).ok).toBe(true);
    expect(publish({ exportsDir: EXAMPLE, out: whole, asOf: AS_OF }).ok).toBe(true);
    for (const f of ['levels.json', 'daily.json']) expect(readFileSync(join(split, f), 'utf8')).toBe(readFileSync(join(whole, f), 'utf8'));

    appendFileSync(join(exports, 'indicators-2026-11-24-disputes.csv'), `${rain[4]}\r\n`);
    const r = publish({ exportsDir: exports, out: fresh('out'), asOf: AS_OF, check: true });
    // Files are read in name order ("…-24-disputes.csv" before "…-24.csv"): the later one is named.
    const code = rain[4]!.split(',')[1];
    const dup = rows.length - rain.length + 2; // the appended line of the disputes file
    expect(r.errors.map((e) => e.message)).toEqual([
      `indicators-2026-11-24.csv: line 6: rainfall of ${code} on 2026-11-24 is also in indicators-2026-11-24-disputes.csv line ${dup} — keep it in one file · 第 6 行：${code} 在 2026-11-24 的 rainfall 也出现在 indicators-2026-11-24-disputes.csv 第 ${dup} 行，请只在一个文件中保留`,
    ]);
  });

  it('adding a day, then publishing again, gives the same bytes as publishing all days at once', () => {
    const out = fresh('out');
    const exports = copyExample((f) => f !== 'indicators-2026-11-24.csv');
    // The incidents of the 24th are outside a two-day history: that file is the day's too.
    const csv = readFileSync(join(EXAMPLE, 'incidents.csv'), 'utf8').split('\n');
    const is24 = (l: string): boolean => /2026-11-24|2026年11月24日|24\/11\/2026/.test(l);
    writeFileSync(join(exports, 'incidents.csv'), csv.filter((l) => !is24(l)).join('\n'));
    expect(publish({ exportsDir: exports, out, asOf: AS_OF }).ok).toBe(true);
    expect(parseLevelsFile(readFileSync(join(out, 'levels.json'), 'utf8'), 'levels.json').dates).toEqual(['2026-11-22', '2026-11-23']);

    // Add the 24th: its indicators and its incidents.
    cpSync(join(EXAMPLE, 'indicators-2026-11-24.csv'), join(exports, 'indicators-2026-11-24.csv'));
    writeFileSync(join(exports, 'incidents-2026-11-24.csv'), [csv[0], ...csv.filter(is24)].join('\n'));
    expect(publish({ exportsDir: exports, out, asOf: AS_OF }).ok).toBe(true);
    const once = hashFolder(out);
    expect(publish({ exportsDir: exports, out, asOf: AS_OF }).ok).toBe(true);
    expect(hashFolder(out)).toEqual(once);

    const whole = fresh('out');
    expect(publish({ exportsDir: EXAMPLE, out: whole, asOf: AS_OF }).ok).toBe(true);
    const w = hashFolder(whole);
    // The same history in other files: every output but incidents.bin (points in another order) is identical.
    for (const f of ['levels.json', 'daily.json', 'townships.topo.json', 'index-config.json']) expect(once[f]).toBe(w[f]);
  });

  it('re-publishing a day replaces that day and keeps the others', () => {
    const out = fresh('out');
    const exports = copyExample();
    expect(publish({ exportsDir: exports, out, asOf: AS_OF }).ok).toBe(true);
    const before = parseLevelsFile(readFileSync(join(out, 'levels.json'), 'utf8'), 'levels.json');
    const file = join(exports, 'indicators-2026-11-24.csv');
    // A storm on the 24th: 180 mm everywhere.
    const lines = readFileSync(file, 'utf8').split('\r\n').map((l) => (l.includes(',rainfall,') ? l.replace(/,rainfall,[^,]*$/, ',rainfall,180') : l));
    writeFileSync(file, lines.join('\r\n'));
    expect(publish({ exportsDir: exports, out, asOf: AS_OF }).ok).toBe(true);
    const after = parseLevelsFile(readFileSync(join(out, 'levels.json'), 'utf8'), 'levels.json');
    expect(after.dates).toEqual(before.dates);
    expect(after.index.slice(0, 2)).toEqual(before.index.slice(0, 2));
    expect(after.index[2]).not.toEqual(before.index[2]);
    expect(after.index[2]!.reduce((s, v) => s! + v!, 0)!).toBeLessThan(before.index[2]!.reduce((s, v) => s! + v!, 0)!);
  });

  it('--check writes nothing, to a new folder or an existing one', () => {
    const none = fresh('out');
    expect(publish({ exportsDir: EXAMPLE, out: none, asOf: AS_OF, check: true }).ok).toBe(true);
    expect(existsSync(none)).toBe(false);
    const out = fresh('out');
    publish({ exportsDir: EXAMPLE, out, asOf: AS_OF });
    const before = hashFolder(out);
    expect(publish({ exportsDir: EXAMPLE, out, asOf: '2026-11-26T06:00:00+08:00', check: true }).ok).toBe(true);
    expect(hashFolder(out)).toEqual(before);
  });

  it('keeps files of the output folder it does not write', () => {
    const out = fresh('out');
    expect(publish({ exportsDir: EXAMPLE, out, asOf: AS_OF }).ok).toBe(true);
    writeFileSync(join(out, 'config.json'), '{"version":1}\n');
    expect(publish({ exportsDir: EXAMPLE, out, asOf: AS_OF }).ok).toBe(true);
    expect(readFileSync(join(out, 'config.json'), 'utf8')).toBe('{"version":1}\n');
  });
});

describe('the command line', () => {
  it('exits 1 with the report on stderr for a bad folder, and names an unknown file', () => {
    const exports = copyExample();
    cpSync(join(EXAMPLE, 'incidents.csv'), join(exports, 'incident.csv'));
    const out = fresh('out');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'data/publish.ts', exports, '--out', out, '--as-of', AS_OF], { encoding: 'utf8', cwd: new URL('../..', import.meta.url).pathname });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('incident.csv: is not a file publish knows');
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
