/**
 * Golden fixtures: hand-made inputs with expected outputs worked out by hand (each file's
 * "description" says how), run through computeIndex and read back with townshipDay.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import { townshipDay } from '../../src/core/safety-index/explain.ts';
import { FIXTURES, fixtureConfig, fixtureInputs, readJson, type Fixture } from './fixtures.ts';

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json') && f !== 'config.json').sort();

describe('golden fixtures', () => {
  it('has the fixtures for band edges, every override rule and missing inputs', () => {
    expect(files).toEqual(expect.arrayContaining(['band-edges.json', 'overrides.json', 'missing.json']));
  });

  for (const file of files) {
    const fixture = readJson<Fixture>(file);
    describe(file, () => {
      const result = computeIndex(fixtureConfig(fixture.configPatch), fixtureInputs(fixture.inputs));
      for (const e of fixture.expected) {
        it(`${e.code} on ${e.date}`, () => {
          const got = townshipDay(result, e.code, e.date);
          const where = `${file}: ${e.code} ${e.date}`;
          if ('index' in e) expect(got.index, `${where} index`).toBe(e.index);
          if ('rawIndex' in e) expect(got.rawIndex, `${where} rawIndex`).toBe(e.rawIndex);
          if ('level' in e) expect(got.level, `${where} level`).toBe(e.level);
          if ('override' in e) expect(got.override?.id ?? null, `${where} override`).toBe(e.override);
          if (e.matched) expect(got.matched, `${where} matched`).toEqual(e.matched);
          if (e.notes) expect(got.notes, `${where} notes`).toEqual(e.notes);
          if (e.exposure !== undefined) expect(got.exposure, `${where} exposure`).toBeCloseTo(e.exposure, 6);
          if (e.coverage !== undefined) expect(got.coverage, `${where} coverage`).toBeCloseTo(e.coverage, 6);
          for (const [domain, risk] of Object.entries(e.risk ?? {})) {
            const d = got.domains.find((x) => x.id === domain);
            expect(d, `${where}: domain ${domain}`).toBeDefined();
            expect(d!.risk, `${where} risk of ${domain}`).toBeCloseTo(risk, 3);
          }
          for (const [term, want] of Object.entries(e.terms ?? {})) {
            const t = got.domains.flatMap((d) => d.terms).find((x) => x.id === term);
            expect(t, `${where}: term ${term}`).toBeDefined();
            if ('today' in want) expect(t!.today, `${where} ${term}.today`).toBe(want.today);
            if (want.value !== undefined) expect(t!.value, `${where} ${term}.value`).toBeCloseTo(want.value, 3);
            if (want.missing !== undefined) expect(t!.missing, `${where} ${term}.missing`).toBe(want.missing);
          }
          // The published index and level always agree with the bands.
          if (got.index !== null) {
            const [b0, b1, b2, b3] = result.config.bands;
            const banded = got.index >= b3 ? 5 : got.index >= b2 ? 4 : got.index >= b1 ? 3 : got.index >= b0 ? 2 : 1;
            expect(got.level, `${where}: level of index ${got.index}`).toBe(banded);
          }
        });
      }
    });
  }
});
