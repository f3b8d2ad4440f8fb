import { describe, expect, it } from 'vitest';
import { computeKpis, type DailyIncidentCounts } from '../../src/core/wall/kpis.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { planTour, type TourStep } from '../../src/core/wall/tour.ts';
import { tickerRows } from '../../src/core/wall/ticker.ts';
import { DEFAULT_TOUR } from '../../src/core/deployment-config.ts';

// Four townships over three days: values on the band edges so each level is unambiguous.
const levels: LevelsFile = {
  version: 1,
  dates: ['2026-11-22', '2026-11-23', '2026-11-24'],
  codes: ['331102001', '331102002', '331102003', '331102004'],
  index: [
    [95, 85, 75, 65],
    [95, 85, 59, null],
    [90, 69.9, 80, 92],
  ],
};

describe('computeKpis', () => {
  it('counts townships per level and the change since the day before', () => {
    const k = computeKpis(levels, 2);
    expect(k.date).toBe('2026-11-24');
    expect(k.byLevel).toEqual([0, 1, 0, 1, 2]);
    expect(k.byLevelChange).toEqual([-1, 1, 0, 0, 1]);
    expect(k.cityIndex).toBe(83);
    expect(k.cityIndexChange).toBe(3.3);
  });

  it('has no change on the first day and no incident or warning figures without their inputs', () => {
    const k = computeKpis(levels, 0);
    expect(k.byLevelChange).toBeNull();
    expect(k.cityIndexChange).toBeNull();
    expect(k.incidentsToday).toBeNull();
    expect(k.hazardWarnings).toBeNull();
  });

  it('sets the day’s incidents against the mean of the days before it', () => {
    // 2 townships × 2 types × 4 days from 2026-11-21: totals 4, 6, 2, 10 per day.
    const counts: DailyIncidentCounts = {
      countsByDay: Uint32Array.from([1, 1, 1, 1, 3, 0, 0, 3, 0, 2, 0, 0, 5, 5, 0, 0]),
      townships: 2,
      typeCount: 2,
      startDay: '2026-11-21',
      dayCount: 4,
    };
    expect(computeKpis(levels, 2, { incidents: counts })).toMatchObject({ incidentsToday: 10, incidentsAverage7: 4 });
    expect(computeKpis(levels, 0, { incidents: counts })).toMatchObject({ incidentsToday: 6, incidentsAverage7: 4 });
  });
});

describe('planTour', () => {
  it('visits the city, the configured layers it has, each county, then the worst townships', () => {
    const steps = planTour({ ...DEFAULT_TOUR, layers: ['zones', 'rain'], worstTownships: 2 }, ['331102', '331121'], ['331102003', '331102001', '331102002'], ['zones', 'coverage']);
    expect(steps).toEqual<TourStep[]>([
      { kind: 'city' },
      { kind: 'layer', layer: 'zones' },
      { kind: 'county', code: '331102' },
      { kind: 'county', code: '331121' },
      { kind: 'township', code: '331102003' },
      { kind: 'township', code: '331102001' },
    ]);
    expect(planTour({ ...DEFAULT_TOUR, counties: false, worstTownships: 0 }, ['331102'], ['x'], [])).toEqual([{ kind: 'city' }]);
  });
});

describe('tickerRows', () => {
  it('stands still when everything fits', () => {
    expect(tickerRows(3, 5, 6, 12.5)).toEqual([0, 1, 2].map((i) => ({ item: i, offset: i })));
  });

  it('moves a fixed pool of rows and wraps around the list', () => {
    const rows = tickerRows(10, 4, 5, 8.25);
    expect(rows.map((r) => r.item)).toEqual([8, 9, 0, 1, 2]);
    expect(rows.map((r) => r.offset)).toEqual([-0.25, 0.75, 1.75, 2.75, 3.75]);
    expect(tickerRows(10, 4, 5, 1_000_000.25).map((r) => r.item)).toEqual([0, 1, 2, 3, 4]);
  });
});
