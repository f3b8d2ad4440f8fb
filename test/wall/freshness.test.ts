import { describe, expect, it } from 'vitest';
import { assessFreshness, DEFAULT_FRESHNESS } from '../../src/core/freshness.ts';
import { retryDelayMs } from '../../src/core/retry.ts';

const at = (iso: string): number => Date.parse(iso);

describe('assessFreshness', () => {
  it('calls data ending a week ago stale and red, and counts the days in China time', () => {
    const f = assessFreshness({ now: at('2026-12-01T09:00:00+08:00'), latestDate: '2026-11-24', lastSuccess: at('2026-12-01T08:59:00+08:00'), failing: false });
    expect(f).toMatchObject({ health: 'stale', severity: 'alarm', dataAgeDays: 7 });
  });

  it("is ok with yesterday's data, and stale (amber) from two days", () => {
    const base = { lastSuccess: at('2026-12-01T08:00:00Z'), failing: false };
    expect(assessFreshness({ ...base, now: at('2026-12-01T08:00:00Z'), latestDate: '2026-11-30' })).toMatchObject({ health: 'ok', severity: 'none', dataAgeDays: 1 });
    expect(assessFreshness({ ...base, now: at('2026-12-01T08:00:00Z'), latestDate: '2026-11-29' })).toMatchObject({ health: 'stale', severity: 'warn', dataAgeDays: 2 });
  });

  it('uses the calendar day of UTC+8: 23:30 UTC is already the next day in Lishui', () => {
    const f = assessFreshness({ now: at('2026-11-30T23:30:00Z'), latestDate: '2026-11-30', lastSuccess: null, failing: false });
    expect(f.dataAgeDays).toBe(1);
  });

  it('reports offline only once fetches have failed for longer than the threshold', () => {
    const now = at('2026-12-01T10:00:00Z');
    const recent = assessFreshness({ now, latestDate: '2026-12-01', lastSuccess: now - 10 * 60_000, failing: true });
    const long = assessFreshness({ now, latestDate: '2026-12-01', lastSuccess: now - (DEFAULT_FRESHNESS.fetchMinutes + 1) * 60_000, failing: true });
    expect(recent.health).toBe('ok');
    expect(long).toMatchObject({ health: 'offline', severity: 'warn' });
    expect(long.sinceSuccessMinutes).toBeCloseTo(31);
  });

  it('is an error with no data at all', () => {
    expect(assessFreshness({ now: 0, latestDate: null, lastSuccess: null, failing: true })).toMatchObject({ health: 'error', severity: 'alarm', dataAgeDays: null });
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base up to the cap, within the jitter', () => {
    const exact = { baseSeconds: 5, maxSeconds: 300, jitter: 0 };
    expect([0, 1, 2, 3, 6, 20].map((a) => retryDelayMs(a, exact))).toEqual([5000, 10000, 20000, 40000, 300000, 300000]);
    const low = retryDelayMs(1, { ...exact, jitter: 0.2 }, () => 0);
    const high = retryDelayMs(1, { ...exact, jitter: 0.2 }, () => 0.999999);
    expect(low).toBe(8000);
    expect(high).toBeCloseTo(12000, -1);
  });
});
