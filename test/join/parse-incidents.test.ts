import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bucketDays } from '../../src/core/incidents/incident-days';
import { INCIDENT_TYPES, incidentTypeIndex } from '../../src/core/incidents/incident-types';
import { parseIncidents, parseIncidentsCsv, parseIncidentsGeoJson } from '../../src/core/incidents/parse-incidents';
import { parseTime } from '../../src/core/incidents/parse-time';
import { createCsvIncidentParser, createGeoJsonSeqIncidentParser, NotLineDelimitedError } from '../../src/core/incidents/stream-incidents';
import { ROOT, rng } from './helpers';

const dir = `${ROOT}test/fixtures/incidents/`;
const read = (name: string) => readFileSync(dir + name, 'utf8');
const parse = (name: string) => parseIncidents(read(name), name);
const T = (id: (typeof INCIDENT_TYPES)[number]) => INCIDENT_TYPES.indexOf(id);

describe('parseIncidents: CSV', () => {
  it('reads lon/lat/type/time with ids, Chinese labels and every time format', () => {
    const r = parse('good.csv');
    expect(Array.from(r.coords)).toEqual([119.912, 28.451, 119.915, 28.447, 120.11, 28.14, 119.28, 28.07, 119.6, 27.9, 120.0, 28.6]);
    expect(Array.from(r.types)).toEqual([T('public_security'), T('fire'), T('public_security'), T('road_accident'), T('geological_event'), T('dispute')]);
    expect(Array.from(r.times!).map((t) => new Date(t).toISOString())).toEqual([
      '2024-05-01T00:30:00.000Z',
      '2024-05-01T15:59:59.000Z',
      '2024-05-01T16:00:00.000Z',
      '2024-05-01T16:00:00.000Z',
      '2024-05-02T16:00:00.000Z',
      '2024-05-01T00:00:00.000Z',
    ]);
    const buckets = bucketDays(r.times!, 'good.csv');
    expect([buckets.startDay, buckets.dayCount]).toEqual(['2024-05-01', 3]);
    expect(Array.from(buckets.days)).toEqual([0, 0, 1, 1, 2, 0]);
    expect(r.skipped).toEqual([]);
    expect(r.rowCount).toBe(6);
  });

  it('handles a BOM, CRLF, ; delimiter, Chinese headers and RFC 4180 quoting across lines', () => {
    const r = parse('quoted.csv');
    expect(Array.from(r.coords)).toEqual([119.912, 28.451, 119.913, 28.452, 119.914, 28.453]);
    expect(Array.from(r.types)).toEqual([T('fire'), T('road_accident'), T('dispute')]);
    expect(r.times).toBeDefined();
    expect(r.skipped).toEqual([]);
  });

  it('skips unknown types with their row numbers and counts them', () => {
    const r = parse('unknown-types.csv');
    expect(Array.from(r.types)).toEqual([T('fire'), T('road_accident'), T('fire')]);
    expect(r.times).toBeUndefined();
    expect(r.skipped).toEqual([
      { row: 3, reason: 'unknown type "burglary"' },
      { row: 4, reason: 'unknown type ""' },
      { row: 7, reason: 'unknown type "earthquake"' },
    ]);
    expect(r.skippedCount).toBe(3);
    expect(r.skippedByReason).toEqual({ 'unknown type': 3 });
  });

  it('skips bad rows with a reason each and keeps the good ones', () => {
    const r = parse('bad-rows.csv');
    expect(r.coords.length).toBe(2);
    expect(r.skipped.map((s) => s.row)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(r.skipped[0]!.reason).toMatch(/non-numeric lon\/lat/);
    expect(r.skipped[2]!.reason).toMatch(/invalid time "2024-13-01"/);
    expect(r.skipped[4]!.reason).toMatch(/out of range: lon=119.916, lat=95.5/);
    expect(r.skippedByReason).toEqual({ 'missing or non-numeric lon/lat': 3, 'missing or invalid time': 3, 'lon/lat out of range': 1 });
    expect(r.rowCount).toBe(8);
  });

  it('rejects fatal problems with a message naming the file', () => {
    expect(() => parse('empty.csv')).toThrow('empty.csv: the file is empty — export the incidents again · 文件是空的，请重新导出事件');
    expect(() => parse('blank.csv')).toThrow('blank.csv: the file is empty — export the incidents again · 文件是空的，请重新导出事件');
    expect(() => parse('no-lonlat.csv')).toThrow(/^no-lonlat\.csv: no lon\/lat columns in the header/);
    expect(() => parseIncidentsCsv('lon,lat,when\n1,2,x\n', 'x.csv')).toThrow(/^x\.csv: no type column/);
    expect(() => parse('swapped.csv')).toThrow(/^swapped\.csv: .*looks like lat\/lon swapped/);
    expect(() => parse('projected.csv')).toThrow(/^projected\.csv: values outside lon\/lat ranges .*projected CRS\?/);
    expect(() => parseIncidentsCsv('lon,lat,type\n1,2,"fire\n', 'q.csv')).toThrow(/^q\.csv: line 2: unterminated quoted field/);
  });

  it('accepts a header-only file as zero incidents', () => {
    const r = parseIncidentsCsv('lon,lat,type\n', 'h.csv');
    expect(r.coords.length).toBe(0);
    expect(r.rowCount).toBe(0);
  });

  it('streams: any chunking gives the same result, and take() drains batches', () => {
    const text = read('good.csv') + read('good.csv').split('\n').slice(1).join('\n');
    const whole = parseIncidentsCsv(text, 'good.csv');
    const r = rng(11);
    for (let trial = 0; trial < 20; trial++) {
      const p = createCsvIncidentParser('good.csv');
      const coords: number[] = [];
      const types: number[] = [];
      let pos = 0;
      while (pos < text.length) {
        const len = 1 + Math.floor(r() * 40);
        p.push(text.slice(pos, pos + len));
        pos += len;
        if (r() < 0.3) {
          const b = p.take();
          coords.push(...b.coords);
          types.push(...b.types);
        }
      }
      p.end();
      const b = p.take();
      coords.push(...b.coords);
      types.push(...b.types);
      expect(coords).toEqual(Array.from(whole.coords));
      expect(types).toEqual(Array.from(whole.types));
    }
  });
});

describe('parseIncidents: GeoJSON', () => {
  it('reads a FeatureCollection of Points, skipping other geometries and unknown types by feature number', () => {
    const r = parse('good.geojson');
    expect(Array.from(r.coords)).toEqual([119.912, 28.451, 119.915, 28.447, 119.28, 28.07]);
    expect(Array.from(r.types)).toEqual([T('public_security'), T('fire'), T('road_accident')]);
    expect(Array.from(r.times!).map((t) => new Date(t).toISOString())).toEqual([
      '2024-05-01T00:30:00.000Z',
      '2024-05-01T15:59:59.000Z',
      '2024-05-01T16:00:00.000Z',
    ]);
    expect(r.skipped).toEqual([
      { row: 3, reason: 'geometry "LineString" is not a Point' },
      { row: 4, reason: 'unknown type "burglary"' },
    ]);
  });

  it('reads GeoJSON text sequences and one-feature-per-line collections, whole or streamed', () => {
    const seq = parse('seq.geojsonl');
    expect(Array.from(seq.types)).toEqual([T('fire'), T('dispute')]);
    expect(seq.skipped).toEqual([{ row: 4, reason: 'unknown type "unknown"' }]);
    const lines = parse('lines.geojson');
    expect(Array.from(lines.types)).toEqual([T('criminal_case'), T('production_accident'), T('fire')]);
    const p = createGeoJsonSeqIncidentParser('lines.geojson');
    for (const ch of read('lines.geojson')) p.push(ch);
    p.end();
    const streamed = p.take();
    expect(streamed.coords).toEqual(lines.coords);
    expect(streamed.times).toEqual(lines.times);
  });

  it('rejects malformed JSON, empty files, non-collections and non-line-delimited streams', () => {
    expect(() => parse('malformed.geojson')).toThrow(/^malformed\.geojson: malformed JSON/);
    expect(() => parseIncidentsGeoJson('', 'e.geojson')).toThrow('e.geojson: the file is empty — export the incidents again · 文件是空的，请重新导出事件');
    expect(() => parseIncidentsGeoJson('{"type":"Point","coordinates":[1,2]}', 'p.geojson')).toThrow(/^p\.geojson: expected a GeoJSON FeatureCollection/);
    expect(() => parseIncidentsGeoJson('{"type":"FeatureCollection"}', 'n.geojson')).toThrow(/no "features" array/);
    const p = createGeoJsonSeqIncidentParser('pretty.geojson');
    expect(() => p.push(JSON.stringify(JSON.parse(read('good.geojson')), null, 2))).toThrow(NotLineDelimitedError);
    const swapped = JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [28.45, 119.91] }, properties: { type: 'fire' } }],
    });
    expect(() => parseIncidentsGeoJson(swapped, 's.geojson')).toThrow(/looks like lat\/lon swapped/);
  });
});

describe('incident types and times', () => {
  it('knows the seven types by id and Chinese label', () => {
    expect(INCIDENT_TYPES).toEqual(['public_security', 'criminal_case', 'production_accident', 'fire', 'road_accident', 'geological_event', 'dispute']);
    expect(['治安案件', '刑事案件', '生产事故', '火灾', '交通事故', '地质灾害', '矛盾纠纷'].map(incidentTypeIndex)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(incidentTypeIndex(' Road-Accident ')).toBe(4);
    expect(incidentTypeIndex('theft')).toBe(-1);
  });

  it('parses times in UTC+8 by default and rejects impossible dates', () => {
    expect(parseTime('2024-02-29')).toBe(Date.UTC(2024, 1, 28, 16));
    expect(parseTime('2023-02-29')).toBeNaN();
    expect(parseTime('2024-05-01 08:00', 0)).toBe(Date.UTC(2024, 4, 1, 8));
    expect(parseTime('2024-05-01T08:00:00.250-05:30')).toBe(Date.UTC(2024, 4, 1, 13, 30, 0, 250));
    expect(parseTime('1714521600')).toBe(1714521600000);
    expect(parseTime(1714521600000)).toBe(1714521600000);
    expect(parseTime('yesterday')).toBeNaN();
  });
});
