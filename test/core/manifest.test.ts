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
    expect(() => parseManifest(JSON.stringify({ ...base, levels: '' }), 'manifest.json')).toThrow(/manifest\.json: "levels" must name a file/);
    expect(() => parseManifest(JSON.stringify({ ...base, refreshSeconds: 1 }), 'manifest.json')).toThrow(/"refreshSeconds"/);
    expect(() => parseManifest(JSON.stringify({ ...base, region: 'x' }), 'manifest.json')).toThrow(/"region"/);
    expect(() => parseManifest(JSON.stringify({ ...base, daily: 3 }), 'manifest.json')).toThrow(/manifest\.json: "daily" must name a file or be null/);
    expect(() => parseManifest(JSON.stringify({ ...base, indexConfig: '' }), 'manifest.json')).toThrow(/"indexConfig" must name a file or be null/);
  });

  it('treats daily and indexConfig as optional', () => {
    const base = { version: 1, region: { code: '3311', name: '丽水市' }, boundaries: 'a.json', levels: 'b.json' };
    const m = parseManifest(JSON.stringify(base), 'manifest.json');
    expect(m.daily).toBeNull();
    expect(m.indexConfig).toBeNull();
  });
});
