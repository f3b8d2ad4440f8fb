import { describe, expect, it } from 'vitest';
import { selectPoints, townshipCounts } from '../../src/core/incident-view.ts';

describe('selectPoints', () => {
  const columns = {
    coords: Float64Array.from([120, 28, 120.5, 28.5, 121, 29, 121.5, 29.5]),
    types: Uint8Array.from([0, 1, 0, 2]),
    days: Uint16Array.from([0, 1, 2, 2]),
  };

  it('keeps the points of the visible types within the day range, in order', () => {
    const s = selectPoints(columns, [true, false, true], 1, 2);
    expect(s.length).toBe(2);
    expect([...s.positions]).toEqual([121, 29, 121.5, 29.5]);
    expect([...s.types]).toEqual([0, 2]);
  });

  it('returns nothing when no type is visible', () => {
    expect(selectPoints(columns, [false, false, false], 0, 9).length).toBe(0);
  });
});

describe('townshipCounts', () => {
  it('sums one township over a window of days', () => {
    // 3 days × 2 townships × 2 types
    const counts = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(townshipCounts(counts, 2, 2, 1, 0, 2)).toEqual([3 + 7 + 11, 4 + 8 + 12]);
    expect(townshipCounts(counts, 2, 2, 0, 1, 1)).toEqual([5, 6]);
    expect(townshipCounts(counts, 2, 2, 0, -5, 99)).toEqual([1 + 5 + 9, 2 + 6 + 10]);
  });
});
