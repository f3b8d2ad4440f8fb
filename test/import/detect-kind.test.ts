/**
 * What a dropped file is, from its content: the detection rules, then the worker's inspection of the
 * built-in files (each recognised as its kind, with counts) and of bad files (not usable, the
 * problem named, nothing thrown).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectCsvKind, detectJsonKind, textShape } from '../../src/core/import/detect-kind.ts';
import { fitLevels } from '../../src/core/import/levels-fit.ts';
import { buildEdgeGrid, edgeRuleAt } from '../../src/core/pip/on-edge.ts';
import { flattenPolygons } from '../../src/core/pip/flatten-polygons.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { connect } from '../worker/helpers.ts';

const data = (name: string): Buffer => readFileSync(`public/data/${name}`);
const bad = (name: string): Buffer => readFileSync(`test/fixtures/bad/${name}`);
const buffer = (b: Buffer | string): ArrayBuffer => {
  const bytes = typeof b === 'string' ? new TextEncoder().encode(b) : new Uint8Array(b);
  return bytes.slice().buffer;
};

describe('detecting a file by its content', () => {
  it('tells the JSON kinds apart by their shape', () => {
    expect(detectJsonKind(JSON.parse(data('townships.topo.json').toString()))).toBe('boundaries');
    expect(detectJsonKind(JSON.parse(data('teams.geojson').toString()))).toBe('teams');
    expect(detectJsonKind(JSON.parse(data('hazard-zones.geojson').toString()))).toBe('hazardZones');
    expect(detectJsonKind(JSON.parse(data('levels.json').toString()))).toBe('levels');
    expect(detectJsonKind(JSON.parse(data('index-config.json').toString()))).toBe('indexConfig');
    expect(detectJsonKind(JSON.parse(bad('duplicate-code.geojson').toString()))).toBe('boundaries');
    expect(detectJsonKind({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { type: 'fire' }, geometry: { type: 'Point', coordinates: [120, 28] } }] })).toBe('incidents');
    expect(detectJsonKind({ hello: 'world' })).toBeNull();
    expect(detectJsonKind([1, 2])).toBeNull();
  });

  it('tells the CSV kinds apart by their header, in English or Chinese', () => {
    expect(detectCsvKind(['id', 'lon', 'lat', 'type', 'time'])).toBe('incidents');
    expect(detectCsvKind(['经度', '纬度', '类型'])).toBe('incidents');
    expect(detectCsvKind(['date', 'code', 'indicator', 'value'])).toBe('indicators');
    expect(detectCsvKind(['日期', '乡镇代码', '指标', '数值'])).toBe('indicators');
    expect(detectCsvKind(['code', 'population'])).toBeNull();
    expect(textShape('\ufeff  {"a":1}')).toBe('json');
    expect(textShape('lon,lat')).toBe('csv');
    expect(textShape('  \n ')).toBeNull();
  });

  it('fits a levels file to the townships on screen: unknown codes left out, missing ones listed', () => {
    const fit = fitLevels({ version: 1, dates: ['2026-11-24'], codes: ['1', 'x', '2'], index: [[90, 50, 70]] }, ['1', '2', '3']);
    expect(fit.levels.codes).toEqual(['1', '2']);
    expect(fit.levels.index).toEqual([[90, 70]]);
    expect(fit.unknownCodes).toEqual(['x']);
    expect(fit.missingCodes).toEqual(['3']);
  });

  it('finds points exactly on an edge, with the rule that places them', () => {
    const square = (x: number) => ({ type: 'Feature' as const, properties: { code: String(x) }, geometry: { type: 'Polygon' as const, coordinates: [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]] } });
    const grid = buildEdgeGrid(flattenPolygons([square(0), square(1)]));
    expect(edgeRuleAt(grid, 1, 0.5)).toBe('east'); // the shared north–south edge
    expect(edgeRuleAt(grid, 0.5, 1)).toBe('north'); // the top, an east–west edge
    expect(edgeRuleAt(grid, 0.5, 0.5)).toBeNull();
    expect(edgeRuleAt(grid, 1 + 1e-12, 0.5)).toBeNull();
  });
});

describe('the worker inspects an import without applying it', () => {
  const codes = [...parseBoundaries(data('townships.topo.json').toString(), 'townships.topo.json').byCode.keys()];

  it('recognises the built-in files with their counts', async () => {
    const { client, close } = connect();
    try {
      const topo = await client.request('inspectImport', { file: 'townships.topo.json', bytes: buffer(data('townships.topo.json')), knownCodes: codes });
      expect(topo).toMatchObject({ kind: 'boundaries', count: codes.length, usable: true, unknownCodes: [], missingCodes: [] });
      expect(topo.boundaryParts).toBe(1);
      const part = await client.request('importedBoundaries', { file: 'townships.topo.json', part: 0 });
      expect(part.townships.map((f) => f.properties.code)).toEqual(codes);
      const set = await client.request('setBoundaries', { imported: 'townships.topo.json' });
      expect(set.codes).toEqual(codes);
      const levels = await client.request('inspectImport', { file: 'levels.json', bytes: buffer(data('levels.json')), knownCodes: codes.slice(1) });
      expect(levels).toMatchObject({ kind: 'levels', usable: true, unknownCodes: [codes[0]] });
      const csv = await client.request('inspectImport', { file: 'week.csv', bytes: buffer('lon,lat,type,time\n119.9,28.4,fire,2026-11-24T10:00:00+08:00\n119.95,28.45,dispute,2026-11-22T09:00:00+08:00\n'), knownCodes: codes });
      expect(csv).toMatchObject({ kind: 'incidents', count: 2, usable: true, dateRange: ['2026-11-22', '2026-11-24'], fields: ['lon', 'lat', 'type', 'time'] });
      const teams = await client.request('inspectImport', { file: 'teams.geojson', bytes: buffer(data('teams.geojson')), knownCodes: codes });
      expect(teams).toMatchObject({ kind: 'teams', usable: true });
    } finally {
      close();
    }
  });

  it('says why a bad file cannot be used, and never throws for it', async () => {
    const { client, close } = connect();
    try {
      const skipped = await client.request('inspectImport', { file: 'incidents-bad-date.csv', bytes: buffer(bad('incidents-bad-date.csv')), knownCodes: codes });
      expect(skipped.kind).toBe('incidents');
      expect(skipped.usable).toBe(skipped.count > 0);
      const dup = await client.request('inspectImport', { file: 'duplicate-code.geojson', bytes: buffer(bad('duplicate-code.geojson')), knownCodes: codes });
      expect(dup).toMatchObject({ kind: 'boundaries', usable: false });
      expect(dup.problems[0]).toMatch(/^duplicate-code\.geojson: /);
      for (const name of ['not-json.topo.json', 'truncated.topo.json', 'workbook.xlsx', 'utf16.csv', 'arc-out-of-range.topo.json']) {
        const r = await client.request('inspectImport', { file: name, bytes: buffer(bad(name)), knownCodes: codes });
        expect(r.usable, name).toBe(false);
        expect(r.problems[0], name).toMatch(new RegExp(`^${name.replace(/\./g, '\\.')}: `));
      }
      const allSkipped = await client.request('inspectImport', { file: 'dates.csv', bytes: buffer('lon,lat,type,time\n119.9,28.4,fire,20/13/2026\n'), knownCodes: codes });
      expect(allSkipped).toMatchObject({ kind: 'incidents', count: 0, usable: false });
      expect(allSkipped.problems[0]).toMatch(/all 1 rows were skipped/);
    } finally {
      close();
    }
  });
});
