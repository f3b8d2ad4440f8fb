import { describe, expect, it } from 'vitest';
import { selectPoints, sortByDay, townshipCounts, type IncidentColumns } from '../../src/core/incidents/incident-view.ts';

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

describe('sortByDay', () => {
  // Seeded points over 20 days, in no particular order.
  let seed = 7;
  const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const n = 5000;
  const columns = {
    coords: Float64Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? 119 + random() : 28 + random())),
    types: Uint8Array.from({ length: n }, () => Math.floor(random() * 8)),
    days: Uint16Array.from({ length: n }, () => Math.floor(random() * 20)),
  };
  const sorted = sortByDay(columns);

  it('keeps every point once, grouped by day and in input order within a day', () => {
    expect(sorted.dayStart[0]).toBe(0);
    expect(sorted.dayStart[sorted.dayStart.length - 1]).toBe(n);
    const key = (c: IncidentColumns, i: number): string => `${c.days[i]} ${c.types[i]} ${c.coords[2 * i]} ${c.coords[2 * i + 1]}`;
    const expected = [...Array(n).keys()].sort((a, b) => columns.days[a]! - columns.days[b]! || a - b).map((i) => key(columns, i));
    expect([...Array(n).keys()].map((i) => key(sorted, i))).toEqual(expected);
    for (let d = 0; d < 20; d++) {
      for (let i = sorted.dayStart[d]!; i < sorted.dayStart[d + 1]!; i++) expect(sorted.days[i]).toBe(d);
    }
  });

  it('selects the same points per window as a scan of the unsorted columns (as a multiset)', () => {
    const asSet = (s: ReturnType<typeof selectPoints>): string[] =>
      [...Array(s.length).keys()].map((i) => `${s.types[i]} ${s.positions[2 * i]} ${s.positions[2 * i + 1]}`).sort();
    // Some types hidden (a test per point), and all shown (a straight copy of the window).
    for (const visible of [[true, false, true, true, false, true, true, true], Array<boolean>(8).fill(true)]) {
      for (const [from, to] of [[0, 6], [13, 19], [-6, 0], [17, 23], [25, 31], [-9, -3], [0, 65535], [9, 3]] as const) {
        const fast = selectPoints(sorted, visible, from, to);
        const scan = selectPoints(columns, visible, from, to);
        expect(fast.length, `window ${from}…${to}`).toBe(scan.length);
        expect(asSet(fast)).toEqual(asSet(scan));
      }
      expect(selectPoints(sorted, visible, 0, 65535).length).toBeGreaterThan(n / 2);
    }
  });
});
