import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../src/core/manifest.ts';

describe('parseManifest', () => {
  it('reads the committed manifest with offline defaults', () => {
    const m = parseManifest(readFileSync('public/data/manifest.json', 'utf8'), 'manifest.json');
    expect(m.region).toEqual({ code: '3311', name: '丽水市' });
    expect(m.boundaries).toBe('townships.topo.json');
    expect(m.basemap).toBeNull();
    expect(m.refreshSeconds).toBeGreaterThanOrEqual(10);
    expect(m.daily).toBe('daily.json');
    expect(m.indexConfig).toBe('index-config.json');
  });

  it('names the key that is wrong', () => {
    const base = { version: 1, region: { code: '3311', name: '丽水市' }, boundaries: 'a.json', levels: 'b.json' };
    expect(() => parseManifest(JSON.stringify({ ...base, levels: '' }), 'manifest.json')).toThrow(/^manifest\.json: "levels" is ""; it must name the daily levels file, e\.g\. "levels\.json" · “levels”为/);
    expect(() => parseManifest(JSON.stringify({ ...base, region: 'x' }), 'manifest.json')).toThrow(/"region"/);
    expect(() => parseManifest(JSON.stringify({ ...base, daily: 3 }), 'manifest.json')).toThrow(/manifest\.json: "daily" is 3; it must name the daily indicators file, e\.g\. "daily\.json", or be null for none · /);
    expect(() => parseManifest(JSON.stringify({ ...base, indexConfig: '' }), 'manifest.json')).toThrow(/"indexConfig" is ""; it must name the index config file, .*, or be null for none · “indexConfig”为 ""，.*没有时写 null$/);
  });

  it('treats daily and indexConfig as optional', () => {
    const base = { version: 1, region: { code: '3311', name: '丽水市' }, boundaries: 'a.json', levels: 'b.json' };
    const m = parseManifest(JSON.stringify(base), 'manifest.json');
    expect(m.daily).toBeNull();
    expect(m.indexConfig).toBeNull();
  });

  it('falls back to the default of a bad optional value and says so, instead of rejecting the data set', () => {
    const base = { version: 1, region: { code: '3311', name: '丽水市' }, boundaries: 'a.json', levels: 'b.json' };
    const m = parseManifest(JSON.stringify({ ...base, refreshSeconds: 1, basemap: 7, asOf: 'yesterday', versions: { 'b.json': 3 } }), 'manifest.json');
    expect(m.refreshSeconds).toBe(300);
    expect(m.basemap).toBeNull();
    expect(m.asOf).toBeNull();
    expect(m.versions).toEqual({});
    expect(m.warnings).toEqual([
      'manifest.json: "refreshSeconds" is 1; it must be a number of seconds ≥ 10 — using 300 until it is fixed · “refreshSeconds”为 1，应为不小于 10 的秒数；修正前暂用 300',
      'manifest.json: "basemap" is 7; it must be a style URL or null — using null until it is fixed · “basemap”为 7，应为底图样式地址或 null；修正前暂用 null',
      'manifest.json: "asOf" is "yesterday"; it must be a date and time like "2026-11-25T06:00:00+08:00" — using null until it is fixed · “asOf”为 "yesterday"，应为形如 "2026-11-25T06:00:00+08:00" 的日期时间；修正前暂用 null',
      'manifest.json: "versions" is {"b.json":3}; it must be an object of file → version strings — using {} until it is fixed · “versions”为 {"b.json":3}，应为“文件 → 版本字符串”的对象；修正前暂用 {}',
    ]);
  });

  it('reads the as-of time and per-file versions of the committed data', () => {
    const m = parseManifest(readFileSync('public/data/manifest.json', 'utf8'), 'manifest.json');
    expect(m.warnings).toEqual([]);
    expect(Date.parse(m.asOf!)).toBe(Date.parse('2026-11-25T06:00:00+08:00'));
    expect(Object.keys(m.versions).sort()).toEqual(
      ['coverage.geojson', 'daily.json', 'hazard-sites.geojson', 'hazard-zones.geojson', 'incidents.bin', 'index-config.json', 'levels.json', 'overlays-config.json', 'teams.geojson', 'townships.topo.json'],
    );
    for (const [name, version] of Object.entries(m.versions)) {
      expect(createHash('sha256').update(readFileSync(`public/data/${name}`)).digest('hex').startsWith(version), name).toBe(true);
    }
  });
});
