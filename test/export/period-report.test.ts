/**
 * The period report and the bulletin's lists: a hand-made fixture (4 townships in 2 counties over
 * 6 days) whose answers are written out here, then the built-in data set against the engine.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Boundaries } from '../../src/core/boundaries/boundaries.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { hazardWarningList, labelIn, worstTownships } from '../../src/core/export/bulletin.ts';
import { exportFileName } from '../../src/core/export/file-name.ts';
import { periodReport } from '../../src/core/export/period-report.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { parseLevelsFile, type LevelsFile } from '../../src/core/levels-file.ts';
import { townshipDay } from '../../src/core/safety-index/explain.ts';
import type { IndexResult } from '../../src/core/safety-index/index-result.ts';
import { recomputeIndex } from '../support/recompute-index.ts';

/** Only what the report reads of the boundaries: the features' codes and counties, the county list. */
function fixtureBoundaries(): Boundaries {
  const township = (code: string, countyCode: string) => ({ type: 'Feature', geometry: null, properties: { code, name: `T${code}`, countyCode, countyName: `C${countyCode}` } });
  return {
    townships: { type: 'FeatureCollection', features: [township('1', 'A'), township('2', 'A'), township('3', 'B'), township('4', 'B')] },
    counties: [
      { code: 'A', name: 'CA', townships: 2, seat: [0, 0] },
      { code: 'B', name: 'CB', townships: 2, seat: [0, 0] },
    ],
  } as unknown as Boundaries;
}

const FIXTURE: LevelsFile = {
  version: 1,
  dates: ['2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'],
  codes: ['1', '2', '3', '4'],
  index: [
    [55, 95, 85, 91],
    [65, 95, 85, 91],
    [58, 92, 69, null],
    [75, 93, 61, 92],
    [59, 94, 81, 92],
    [90, 90, 90, 90],
  ],
};

describe('periodReport on a fixture', () => {
  const report = periodReport({ boundaries: fixtureBoundaries(), levels: FIXTURE, from: '2026-11-02', to: '2026-11-05', region: { code: 'X', name: 'City' } });

  it('takes the dates of the range and per county the daily mean and the township-days per level', () => {
    expect(report.dates).toEqual(['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05']);
    expect(report.days).toBe(4);
    const [a, b] = report.counties;
    expect(a.trend).toEqual([80, 75, 84, 76.5]);
    // County A: 65 orange, 95 green, 58 red, 92 green, 75 yellow, 93 green, 59 red, 94 green.
    expect(a.levelDays).toEqual([2, 1, 1, 0, 4]);
    expect(a.change).toBe(-3.5);
    // County B: one missing value on 11-03; its mean that day is township 3's alone.
    expect(b.trend).toEqual([88, 69, 76.5, 86.5]);
    expect(b.noDataDays).toBe(1);
    expect(b.levelDays).toEqual([0, 2, 0, 2, 3]);
    expect(report.city.levelDays.reduce((x, y) => x + y, 0) + report.city.noDataDays).toBe(16);
  });

  it('lists the townships most often red or orange, most such days first', () => {
    expect(report.hotspots.map((h) => [h.code, h.red, h.orange])).toEqual([
      ['1', 2, 1],
      ['3', 0, 2],
    ]);
    // Without the engine there is no "why".
    expect(report.hotspots[0].domains).toEqual([]);
  });

  it('compares incidents with the previous period of the same length and says how much of it is covered', () => {
    const townships = 4;
    const dayCount = 6;
    const counts = new Uint32Array(dayCount * townships * INCIDENT_TYPE_COUNT);
    // One incident of type 0 per township per day; type 3 (fire) twice on 11-05 in township 2.
    for (let d = 0; d < dayCount; d++) for (let t = 0; t < townships; t++) counts[(d * townships + t) * INCIDENT_TYPE_COUNT] = 1;
    counts[(4 * townships + 1) * INCIDENT_TYPE_COUNT + 3] = 2;
    const incidents = { countsByDay: counts, townships, typeCount: INCIDENT_TYPE_COUNT, startDay: '2026-11-01', dayCount };
    const r = periodReport({ boundaries: fixtureBoundaries(), levels: FIXTURE, from: '2026-11-04', to: '2026-11-06', incidents });
    const c = r.incidents!;
    expect([c.previousFrom, c.previousTo]).toEqual(['2026-11-01', '2026-11-03']);
    expect([c.currentDays, c.previousDays]).toEqual([3, 3]);
    expect(c.byType[0]).toEqual({ type: 'public_security', current: 12, previous: 12 });
    expect(c.byType[3]).toEqual({ type: 'fire', current: 2, previous: 0 });
    expect([c.current, c.previous]).toEqual([14, 12]);
    // A period whose previous one starts before the history counts only the days it has.
    const early = periodReport({ boundaries: fixtureBoundaries(), levels: FIXTURE, from: '2026-11-02', to: '2026-11-04', incidents }).incidents!;
    expect([early.previousDays, early.previous]).toEqual([1, 4]);
  });

  it('keeps the gap entries seen on two or more days', () => {
    const gapDays = [
      { date: '2026-11-01', codes: ['4'] },
      { date: '2026-11-02', codes: ['1', '3'] },
      { date: '2026-11-03', codes: ['1'] },
      { date: '2026-11-05', codes: ['1', '3', '2'] },
      { date: '2026-11-06', codes: ['2'] },
    ];
    const r = periodReport({ boundaries: fixtureBoundaries(), levels: FIXTURE, from: '2026-11-02', to: '2026-11-05', gapDays });
    expect(r.recurringGaps).toEqual([
      { code: '1', days: 3, first: '2026-11-02', last: '2026-11-05' },
      { code: '3', days: 2, first: '2026-11-02', last: '2026-11-05' },
    ]);
  });
});

describe('the built-in data set', () => {
  let boundaries: Boundaries;
  let levels: LevelsFile;
  let engine: IndexResult;
  beforeAll(() => {
    boundaries = parseBoundaries(readFileSync('public/data/townships.topo.json', 'utf8'), 'townships.topo.json');
    levels = parseLevelsFile(readFileSync('public/data/levels.json', 'utf8'), 'levels.json');
    engine = recomputeIndex('public/data').result;
  });

  it("explains the hotspots with the engine's domain points on their red and orange days", () => {
    const to = levels.dates[levels.dates.length - 1];
    const from = levels.dates[levels.dates.length - 30];
    const report = periodReport({ boundaries, levels, from, to, engine });
    expect(report.counties).toHaveLength(9);
    expect(report.counties.reduce((n, c) => n + c.townships, 0)).toBe(173);
    expect(report.hotspots.length).toBeGreaterThan(0);
    const top = report.hotspots[0];
    expect(top.domains.length).toBeGreaterThan(0);
    // The first domain's mean, recomputed from the explained days.
    const t = levels.codes.indexOf(top.code);
    const bad = report.dates.filter((date) => (levels.index[levels.dates.indexOf(date)][t] ?? 100) < 70);
    expect(bad).toHaveLength(top.red + top.orange);
    const mean = bad.reduce((s, date) => s + townshipDay(engine, top.code, date).domains.find((d) => d.id === top.domains[0].id)!.contribution, 0) / bad.length;
    expect(top.domains[0].points).toBeCloseTo(mean, 1);
  });

  it('lists the ten worst townships with the domains that take most off their index', () => {
    const d = levels.dates.length - 1;
    const worst = worstTownships(levels, d, { engine });
    expect(worst).toHaveLength(10);
    for (let i = 1; i < worst.length; i++) expect(worst[i].index).toBeGreaterThanOrEqual(worst[i - 1].index);
    const explained = townshipDay(engine, worst[0].code, levels.dates[d]);
    const top = [...explained.domains].sort((a, b) => b.contribution - a.contribution)[0];
    expect(worst[0].domains[0].id).toBe(top.id);
    expect(worst[0].override).toBe(explained.override?.label ?? null);
  });

  it('finds the geological-hazard warnings the engine matched', () => {
    // Over the whole history: every day's list holds only townships whose geological rule matched.
    let total = 0;
    for (const date of levels.dates) {
      for (const w of hazardWarningList(engine, date)) {
        const matched = townshipDay(engine, w.code, date).matched;
        expect(matched.some((id) => id.includes('geolog'))).toBe(true);
        total++;
      }
    }
    expect(total).toBeGreaterThan(0);
  });
});

describe('names and labels', () => {
  it('names files by region, day and kind, without characters a file system refuses', () => {
    expect(exportFileName({ code: '3311', name: '丽水市' }, ['2026-11-24'], 'csv')).toBe('丽水市-2026-11-24.csv');
    expect(exportFileName({ code: '3311', name: 'a/b:c' }, ['x'], 'png')).toBe('a_b_c-x.png');
    expect(exportFileName({ code: '3311', name: '' }, ['x'], 'png')).toBe('region-3311-x.png');
  });

  it('shows a "中文 · English" rule label in one language', () => {
    expect(labelIn('死亡事故 · a fatal incident', 'zh')).toBe('死亡事故');
    expect(labelIn('死亡事故 · a fatal incident', 'en')).toBe('a fatal incident');
    expect(labelIn('plain', 'en')).toBe('plain');
  });
});
