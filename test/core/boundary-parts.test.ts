import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundariesPart, joinBoundaries, partCount } from '../../src/core/boundaries/boundary-parts.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';

const lishui = parseBoundaries(readFileSync('public/data/townships.topo.json', 'utf8'), 'townships.topo.json');

describe('boundaries in parts', () => {
  it('put back together equal the whole, whatever the part size', () => {
    for (const size of [1, 7, 50, 10_000]) {
      const n = partCount(lishui, size);
      const parts = Array.from({ length: n }, (_, k) => structuredClone(boundariesPart(lishui, k, size)));
      expect(parts.every((p) => p.townships.length <= size && p.townshipBorderLines.length <= size)).toBe(true);
      const joined = joinBoundaries(parts);
      expect(joined).toEqual(lishui);
      // The code index points at the features' own properties, not at copies.
      const first = joined.townships.features[0]!;
      expect(joined.byCode.get(first.properties.code)).toBe(first.properties);
    }
  });

  it('needs one part when every list fits, and refuses parts without the first', () => {
    expect(partCount(lishui, 1_000_000)).toBe(1);
    expect(partCount(lishui, 1)).toBeGreaterThanOrEqual(lishui.townships.features.length);
    expect(() => joinBoundaries([boundariesPart(lishui, 1, 50)])).toThrow(/first part/);
  });
});
