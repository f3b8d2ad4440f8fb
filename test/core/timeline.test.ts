import { describe, expect, it } from 'vitest';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { citySeries, levelChanges, rankTownships } from '../../src/core/timeline.ts';

const levels: LevelsFile = {
  version: 1,
  dates: ['2026-11-22', '2026-11-23', '2026-11-24'],
  codes: ['a', 'b', 'c', 'd'],
  index: [
    [95, 85, 75, null],
    [95, 65, 85, 90],
    [59.9, 70, 85, 90],
  ],
};

describe('levelChanges', () => {
  it('lists townships that changed level, worse first', () => {
    const { worse, better } = levelChanges(levels, 1);
    expect(worse.map((c) => [c.code, c.from, c.to])).toEqual([['b', 4, 2]]);
    expect(better.map((c) => [c.code, c.from, c.to])).toEqual([['c', 3, 4]]);
    const next = levelChanges(levels, 2);
    expect(next.worse.map((c) => [c.code, c.from, c.to])).toEqual([['a', 5, 1]]);
    expect(next.better.map((c) => [c.code, c.from, c.to])).toEqual([['b', 2, 3]]);
  });

  it('has no changes on the first date', () => {
    expect(levelChanges(levels, 0)).toEqual({ worse: [], better: [] });
  });
});

describe('citySeries', () => {
  it('gives the mean index and level counts per date, skipping missing values', () => {
    const series = citySeries(levels, 0, 2);
    expect(series[0]).toEqual({ date: '2026-11-22', index: 85, byLevel: [0, 0, 1, 1, 1] });
    expect(series[2].byLevel).toEqual([1, 0, 1, 1, 1]);
    expect(citySeries(levels, -5, 0)).toHaveLength(1);
  });
});

describe('rankTownships', () => {
  it('sorts worst first with the change since yesterday', () => {
    expect(rankTownships(levels, 2)).toEqual([
      { code: 'a', index: 59.9, delta: -35.1 },
      { code: 'b', index: 70, delta: 5 },
      { code: 'c', index: 85, delta: 0 },
      { code: 'd', index: 90, delta: 0 },
    ]);
    expect(rankTownships(levels, 0, (c) => c !== 'a').map((r) => r.code)).toEqual(['c', 'b']);
  });
});
