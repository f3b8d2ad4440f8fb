/**
 * The join CLI (scripts/join.ts) end to end on test/fixtures/join/: four townships meeting at a
 * junction, 90 incidents over three days including points exactly on a shared border, on the
 * junction and on each side of the outer boundary, an unknown type, a bad time and a swapped row.
 * The output must equal counts.golden.csv, and the golden file itself is checked against counts
 * computed independently (plain string splitting, Turf for interior points, the exact border rule
 * for boundary points).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCounts } from '../../src/core/counts/read-counts';
import { BandOracle, bboxOf, edgesOf, exactRule, ROOT, turfSets, type PolyFeature } from './helpers';

const FIX = join(ROOT, 'test/fixtures/join');
const golden = readFileSync(join(FIX, 'counts.golden.csv'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'join-cli-'));

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/join.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run join', () => {
  it('writes the golden counts from TopoJSON boundaries and CSV incidents', () => {
    const out = join(tmp, 'a.csv');
    const r = cli(join(FIX, 'boundaries.topo.json'), join(FIX, 'incidents.csv'), '--out', out);
    expect(r.stderr).toContain('90 rows read');
    expect(r.stderr).toContain('54 joined to a township, 33 outside every township, 3 skipped');
    expect(r.stderr).toContain('row 88: unknown type "burglary"');
    expect(r.stderr).toContain('row 90: lon/lat out of range: lon=28.5, lat=120 (lat/lon swapped?)');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(golden);
  }, 60_000);

  it('gives the same counts from GeoJSON, streamed line by line, in tiny batches, to stdout', () => {
    const r = cli(join(FIX, 'boundaries.geojson'), join(FIX, 'incidents.geojson'), '--batch', '7');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden);
  }, 60_000);

  it('parses GeoJSON that is not one feature per line whole, with the same result', () => {
    const pretty = join(tmp, 'pretty.geojson');
    writeFileSync(pretty, JSON.stringify(JSON.parse(readFileSync(join(FIX, 'incidents.geojson'), 'utf8')), null, 2));
    const r = cli(join(FIX, 'boundaries.geojson'), pretty);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden);
  }, 60_000);

  it('fails with a message naming the file for fatal problems, and shows usage for bad arguments', () => {
    const swapped = join(tmp, 'swapped.csv');
    writeFileSync(swapped, 'lon,lat,type\n28.5,120.0,fire\n28.45,120.01,dispute\n');
    const a = cli(join(FIX, 'boundaries.geojson'), swapped);
    expect(a.code).toBe(1);
    expect(a.stderr).toContain(`${swapped}: every coordinate is outside lon/lat ranges but fits when swapped`);
    const b = cli(join(FIX, 'boundaries.geojson'), join(tmp, 'missing.csv'));
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('missing.csv: no such file');
    const c = cli(join(FIX, 'boundaries.geojson'));
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('usage: npm run join');
  }, 60_000);

  it('golden file matches counts computed independently of the join engine', () => {
    const fc = JSON.parse(readFileSync(join(FIX, 'boundaries.geojson'), 'utf8')) as { features: (PolyFeature & { properties: { code: string } })[] };
    const features = fc.features;
    const boxes = features.map((f) => bboxOf([f]));
    const oracle = new BandOracle(edgesOf(features), bboxOf(features), 64);
    const zh: Record<string, string> = { 火灾: 'fire', 交通事故: 'road_accident' };
    const known = new Set(['public_security', 'criminal_case', 'production_accident', 'fire', 'road_accident', 'geological_event', 'dispute']);
    const expected = new Map<string, number>();
    let onBoundary = 0;
    for (const line of readFileSync(join(FIX, 'incidents.csv'), 'utf8').trim().split('\n').slice(1)) {
      const [, lonS, latS, rawType, time] = line.split(',');
      const lon = Number(lonS);
      const lat = Number(latS);
      const type = zh[rawType!] ?? rawType!;
      const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2})?(Z?)$/.exec(time!)!;
      if (!known.has(type) || Number(m[4]) > 23 || lat > 90) continue;
      // calendar day in UTC+8
      const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])) - (m[6] === 'Z' ? 0 : 8 * 3600_000);
      const date = new Date(utc + 8 * 3600_000).toISOString().slice(0, 10);
      const { inOrOn, strictlyIn } = turfSets(features, boxes, lon, lat);
      let township: number;
      if (strictlyIn.length === 1) township = strictlyIn[0]!;
      else if (inOrOn.length === 0) township = -1;
      else {
        onBoundary++;
        const rule = exactRule(oracle, lon, lat);
        township = rule.length === 1 ? rule[0]! : -1;
      }
      if (township < 0) continue;
      const key = `${features[township]!.properties.code},${date},${type}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(onBoundary).toBe(6);
    const fromGolden = new Map(readCounts(golden, 'counts.golden.csv').map((r) => [`${r.code},${r.date},${r.type}`, r.count]));
    expect(fromGolden).toEqual(expected);
    // the deliberately placed border points went where the documented rule says
    const at = (lon: number, lat: number) => exactRule(oracle, lon, lat).map((i) => features[i]!.properties.code);
    expect(at(120.01, 28.55)).toEqual(['331102002']);
    expect(at(120.01, 28.49)).toEqual(['331102003']);
    expect(at(119.9, 28.45)).toEqual(['331102004']);
    expect(at(120.1, 28.45)).toEqual([]);
    expect(at(120.05, 28.6)).toEqual([]);
    expect(at(120.05, 28.4)).toEqual(['331102003']);
  });
});
