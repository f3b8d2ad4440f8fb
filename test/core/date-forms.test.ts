import { describe, expect, it } from 'vitest';
import { readDay } from '../../src/core/date-forms.ts';
import { parseTime } from '../../src/core/incidents/parse-time.ts';
import { polygonProblem } from '../../src/core/boundaries/check-rings.ts';

describe('spreadsheet date forms', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['2026/11/20', '2026-11-20'],
    ['2026.11.20', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['20261120', '2026-11-20'],
    ['20/11/2026', '2026-11-20'],
    ['05/11/2026', '2026-11-05'], // day first, always
    ['20-Nov-2026', '2026-11-20'],
    ['2026-11-20 00:00:00', '2026-11-20'],
    ['20/13/2026', null],
    ['2026年2月30日', null],
    ['yesterday', null],
  ])('readDay(%s) = %s', (text, day) => expect(readDay(text)).toBe(day));

  it('reads incident times in the Chinese and day-first forms as Beijing time', () => {
    const t = Date.parse('2026-11-20T08:30:00+08:00');
    expect(parseTime('2026年11月20日 08:30')).toBe(t);
    expect(parseTime('20/11/2026 08:30')).toBe(t);
    expect(parseTime('20-Nov-2026 08:30')).toBe(t);
    expect(parseTime('2026/11/20 08:30')).toBe(t);
    expect(parseTime('20/13/2026')).toBeNaN();
  });
});

describe('ring rules', () => {
  const shell = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
  it('accepts a hole inside, and a hole touching the shell at a vertex', () => {
    expect(polygonProblem([shell, [[1, 1], [1, 2], [2, 2], [1, 1]]], 't')).toBeNull();
    expect(polygonProblem([shell, [[0, 0], [1, 2], [2, 1], [0, 0]]], 't')).toBeNull();
  });
  it('finds a hole crossing its shell', () => {
    expect(polygonProblem([shell, [[3, 1], [5, 1], [5, 2], [3, 1]]], 't')).toMatch(/^t: hole #1 crosses the outer ring/);
  });
});
