import { describe, expect, it } from 'vitest';
import { bandLabel, classifyIndex, countLevels, DEFAULT_BANDS } from '../../src/core/levels.ts';

describe('classifyIndex', () => {
  it.each([
    [0, 1],
    [59.9, 1],
    [60, 2],
    [69.99, 2],
    [70, 3],
    [80, 4],
    [89.9, 4],
    [90, 5],
    [100, 5],
  ])('index %d → level %d (a value on a band edge takes the safer level)', (index, level) => {
    expect(classifyIndex(index)).toBe(level);
  });

  it('has no level without a value', () => {
    expect(classifyIndex(null)).toBeNull();
    expect(classifyIndex(undefined)).toBeNull();
    expect(classifyIndex(Number.NaN)).toBeNull();
  });

  it('follows configured bands instead of the defaults', () => {
    expect(classifyIndex(65, [50, 65, 75, 85])).toBe(3);
    expect(classifyIndex(65, DEFAULT_BANDS)).toBe(2);
  });
});

describe('bandLabel and countLevels', () => {
  it('labels the five bands', () => {
    expect([1, 2, 3, 4, 5].map((l) => bandLabel(l as 1))).toEqual(['< 60', '60 – <70', '70 – <80', '80 – <90', '≥ 90']);
  });

  it('counts townships per level and those without data', () => {
    expect(countLevels([5, 5, 4, 1, null, 3])).toEqual({ byLevel: [1, 0, 1, 1, 2], noData: 1 });
  });
});
