import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBoundaries, type Boundaries } from '../../src/core/boundaries/boundaries.ts';
import { readBoundaryFeatures } from '../../src/core/boundaries/read-boundaries.ts';
import { csvCell, toCsv } from '../../src/core/export/csv.ts';
import { DAY_TABLE_COLUMNS, dayTable, RANGE_TABLE_COLUMNS, rangeTable } from '../../src/core/export/day-table.ts';
import { dayGeoJson } from '../../src/core/export/geojson.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { decodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { classifyIndex } from '../../src/core/levels.ts';
import { parseLevelsFile, type LevelsFile } from '../../src/core/levels-file.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import type { IndexResult } from '../../src/core/safety-index/index-result.ts';
import { townshipDay } from '../../src/core/safety-index/explain.ts';
import { recomputeIndex } from '../support/recompute-index.ts';

const DATE = '2026-11-24';
let boundaries: Boundaries;
let levels: LevelsFile;
let engine: IndexResult;
let countsByDay: Uint32Array;
let startDay: string;
let dayCount: number;

beforeAll(() => {
  boundaries = parseBoundaries(readFileSync('public/data/townships.topo.json', 'utf8'), 'townships.topo.json');
  levels = parseLevelsFile(readFileSync('public/data/levels.json', 'utf8'), 'levels.json');
  engine = recomputeIndex('public/data').result;
  const incidents = decodeIncidents(readFileSync('public/data/incidents.bin'), 'incidents.bin');
  const joined = joinPoints(buildJoinIndex(boundaries.townships.features), incidents.coords, incidents.types, INCIDENT_TYPE_COUNT, incidents.days, incidents.dayCount);
  countsByDay = joined.countsByDay!;
  ({ startDay, dayCount } = incidents);
});

describe('csv', () => {
  it('starts with a BOM, ends lines with CRLF, quotes text and leaves numbers bare', () => {
    const csv = toCsv(['code', 'township'], [['331102001', '紫金街道'], [7, null]]);
    expect(csv).toBe('\uFEFF"code","township"\r\n"331102001","紫金街道"\r\n7,\r\n');
  });

  it('guards text a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    for (const start of ['+1', '-1', '@SUM(A1)', '\t=1']) expect(csvCell(start).startsWith(`"'`)).toBe(true);
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('dayTable', () => {
  it('has one row per township with the columns documented, and the index and level of levels.json', () => {
    const rows = dayTable({ boundaries, levels, date: DATE });
    expect(rows).toHaveLength(173);
    expect(rows.every((r) => r.length === DAY_TABLE_COLUMNS.length)).toBe(true);
    const d = levels.dates.indexOf(DATE);
    for (const row of rows) {
      const t = levels.codes.indexOf(row[0] as string);
      expect(row[4]).toBe(levels.index[d][t]);
      expect(row[5]).toBe(classifyIndex(levels.index[d][t]));
    }
  });

  it("equals the engine's explanation for the day: every domain's risk and the override", () => {
    const rows = dayTable({ boundaries, levels, date: DATE, engine });
    const risk0 = DAY_TABLE_COLUMNS.indexOf('risk_social_security');
    const override = DAY_TABLE_COLUMNS.indexOf('override');
    let overrides = 0;
    for (const row of rows) {
      const explained = townshipDay(engine, row[0] as string, DATE);
      explained.domains.forEach((domain, k) => expect(row[risk0 + k]).toBe(Math.round(domain.risk * 10) / 10));
      expect(row[override]).toBe(explained.override?.id ?? null);
      if (row[override] !== null) overrides++;
    }
    // The built-in last day has capped townships, so the column is exercised.
    expect(overrides).toBeGreaterThan(0);
  });

  it('counts incidents by type over the 7 days ending on the date', () => {
    const incidents = { countsByDay, townships: 173, typeCount: INCIDENT_TYPE_COUNT, startDay, dayCount };
    const rows = dayTable({ boundaries, levels, date: DATE, incidents });
    const first = DAY_TABLE_COLUMNS.indexOf('incidents_public_security');
    const end = dayCount - 1;
    let total = 0;
    rows.forEach((row, i) => {
      for (let k = 0; k < INCIDENT_TYPE_COUNT; k++) {
        let expected = 0;
        for (let d = end - 6; d <= end; d++) expected += countsByDay[(d * 173 + i) * INCIDENT_TYPE_COUNT + k];
        expect(row[first + k]).toBe(expected);
        total += expected;
      }
    });
    expect(total).toBeGreaterThan(100);
  });

  it('comes out guarded when a township is named like a formula', () => {
    const hostile = structuredClone(boundaries);
    hostile.townships.features[0].properties.name = '=HYPERLINK("http://evil","click")';
    const csv = toCsv(DAY_TABLE_COLUMNS, dayTable({ boundaries: hostile, levels, date: DATE }));
    expect(csv.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
  });

  it('as GeoJSON reads back through the boundary parser with the same codes and levels', () => {
    const rows = dayTable({ boundaries, levels, date: DATE });
    const text = JSON.stringify(dayGeoJson(boundaries, DAY_TABLE_COLUMNS, rows));
    const back = readBoundaryFeatures(text, 'export.geojson');
    expect(back.map((f) => f.properties?.code)).toEqual(rows.map((r) => r[0]));
    expect(back.map((f) => f.properties?.level)).toEqual(rows.map((r) => r[5]));
  });
});

describe('rangeTable', () => {
  it('lists every township on every date of the range', () => {
    const rows = rangeTable(boundaries, levels, '2026-11-20', DATE);
    expect(rows).toHaveLength(173 * 5);
    expect(rows.every((r) => r.length === RANGE_TABLE_COLUMNS.length)).toBe(true);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', DATE]));
  });
});
