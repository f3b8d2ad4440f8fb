import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDailyFile } from '../../src/core/daily-file.ts';

const example = {
  version: 1,
  startDay: '2026-11-23',
  dayCount: 2,
  codes: ['331102001', '331102002'],
  population: [41230, 5870],
  rainstormDays: ['2026-11-24'],
  festivals: [{ name: '国庆节', first: '2026-10-01', last: '2026-10-07' }],
  series: { rainfall: [[0, 1.5], [62.3, 88]], disputes_open: [[4, 1], [5, null]] },
};

describe('parseDailyFile (daily.json)', () => {
  it('reads the documented example into day-major arrays, null as NaN', () => {
    const d = parseDailyFile(JSON.stringify(example), 'daily.json');
    expect(d.codes).toEqual(example.codes);
    expect([...d.population]).toEqual([41230, 5870]);
    expect([...d.series.rainfall!]).toEqual([0, 1.5, 62.3, 88]);
    expect(d.series.disputes_open![3]).toBeNaN();
    expect(d.rainstormDays).toEqual(['2026-11-24']);
  });

  it('reads the committed file', () => {
    const d = parseDailyFile(readFileSync('public/data/daily.json', 'utf8'), 'daily.json');
    expect(d.codes).toHaveLength(173);
    expect(d.dayCount).toBe(90);
  });

  it.each<[string, (j: typeof example & Record<string, unknown>) => void, string]>([
    ['another version', (j) => (j.version = 2), 'daily.json: "version" is 2; this app reads version 1'],
    ['a bad start day', (j) => (j.startDay = '2026-13-01'), 'daily.json: "startDay" is "2026-13-01", not a date — write the first day as YYYY-MM-DD'],
    ['a row too short', (j) => (j.series.rainfall[1] = [1]), 'daily.json: "series.rainfall[1]" (2026-11-24) must have one value per code (2); it has 1 · '],
    ['a missing day', (j) => j.series.rainfall.pop(), 'daily.json: "series.rainfall" must have one row per day (2); it has 1 · '],
    ['a negative value', (j) => (j.series.disputes_open[0]![1] = -1), 'daily.json: "series.disputes_open[0]" has -1 for 331102002 on 2026-11-23 — it must be a number ≥ 0, or null when not reported · '],
    ['a bad population', (j) => (j.population[0] = '5k' as unknown as number), 'daily.json: population of 331102001 is "5k" — write the number of residents (0 or more), or null when unknown · 乡镇 331102001 的人口为 "5k"'],
    ['a duplicate code', (j) => (j.codes[1] = j.codes[0]!), 'daily.json: duplicate township code 331102001 (codes[0] and codes[1]) — list each township once · 乡镇代码 331102001 重复'],
  ])('rejects %s, naming the file and the key', (_, mutate, message) => {
    const j = structuredClone(example) as typeof example & Record<string, unknown>;
    mutate(j);
    expect(() => parseDailyFile(JSON.stringify(j), 'daily.json')).toThrow(message);
  });

  it('rejects codes that are not in the boundaries', () => {
    expect(() => parseDailyFile(JSON.stringify(example), 'daily.json', new Set(['331102001']))).toThrow('daily.json: unknown township code 331102002 (codes[1]), not in the boundaries — check the code, or use boundaries that include it · ');
  });
});
