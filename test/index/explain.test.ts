import { describe, expect, it } from 'vitest';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import { domainChanges, townshipDay } from '../../src/core/safety-index/explain.ts';
import { fixtureConfig, fixtureInputs, readJson, type Fixture } from './fixtures.ts';

const overrides = readJson<Fixture>('overrides.json');
const result = computeIndex(fixtureConfig(overrides.configPatch), fixtureInputs(overrides.inputs));

describe('domainChanges: what moved a township since the previous day', () => {
  it('is null on the first day of the history', () => {
    expect(domainChanges(result, 'F', '2026-07-01')).toBeNull();
  });

  it('reports the level, index and override before and after (an override ending moves no domain)', () => {
    expect(domainChanges(result, 'F', '2026-07-04')).toEqual({
      code: 'F',
      date: '2026-07-04',
      previousDate: '2026-07-03',
      indexBefore: 69.9,
      indexAfter: 99,
      levelBefore: 2,
      levelAfter: 5,
      overrideBefore: 'fatal_incident',
      overrideAfter: null,
      domains: [],
    });
  });

  it('lists the domains that changed, the largest move of the index first', () => {
    // R on day 1: every incident and backlog gone: social 100 → 0 (20 points), the others 10 each;
    // its raw index is back to 100 but day 0's fatal incident still caps it at orange.
    const change = domainChanges(result, 'R', 1)!;
    expect(change.indexBefore).toBe(50);
    expect(change.indexAfter).toBe(69.9);
    expect([change.levelBefore, change.levelAfter, change.overrideBefore, change.overrideAfter]).toEqual([1, 2, null, 'fatal_incident']);
    expect(change.domains).toEqual([
      { id: 'social_security', riskBefore: 100, riskAfter: 0, indexDelta: 20 },
      { id: 'production_safety', riskBefore: 100, riskAfter: 0, indexDelta: 10 },
      { id: 'fire_traffic', riskBefore: 100, riskAfter: 0, indexDelta: 10 },
      { id: 'disputes', riskBefore: 100, riskAfter: 0, indexDelta: 10 },
    ]);
    expect(domainChanges(result, 'R', 1, 2)!.domains.map((d) => d.id)).toEqual(['social_security', 'production_safety']);
    // S: the storm passes (geology 26 → 0, +10.4 points) and the red cap goes with it.
    const s = domainChanges(result, 'S', '2026-07-02')!;
    expect(s.domains).toEqual([{ id: 'geological', riskBefore: 26, riskAfter: 0, indexDelta: 10.4 }]);
    expect([s.levelBefore, s.levelAfter, s.overrideBefore, s.overrideAfter]).toEqual([1, 5, 'geological_events_in_rainstorm', null]);
  });

  it('rejects unknown townships and days outside the history', () => {
    expect(() => domainChanges(result, 'nope', 1)).toThrow(/unknown township nope/);
    expect(() => domainChanges(result, 'F', '2026-08-01')).toThrow(/outside the history/);
    expect(() => townshipDay(result, 99, 0)).toThrow(/unknown township 99/);
  });
});

describe('townshipDay: one township on one day, explained', () => {
  it('gives every domain with its weight, sub-score, contribution and inputs', () => {
    const w = townshipDay(result, 'W', '2026-07-01');
    expect(w.domains.map((d) => d.id)).toEqual(['social_security', 'production_safety', 'fire_traffic', 'geological', 'disputes', 'resilience']);
    const geo = w.domains.find((d) => d.id === 'geological')!;
    expect(geo).toMatchObject({ weight: 0.4, risk: 14.4, load: 1.44, contribution: 5.76 });
    expect(geo.terms).toEqual([
      { id: 'rainfall', today: 120, value: 72, reference: 50, load: 1.44, per10k: false, window: 'decayed', missing: false },
      { id: 'geological_event', today: 0, value: 0, reference: 1, load: 0, per10k: false, window: 'decayed', missing: false },
    ]);
    expect(w.override).toEqual({ id: 'red_geological_warning', label: 'red_geological_warning', maxLevel: 2 });
  });
});
