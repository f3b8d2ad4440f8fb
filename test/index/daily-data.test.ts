/**
 * The seeded daily data and the index over the 90 default days (Lishui): determinism, the spread of
 * levels, rainstorms raising geological risk, and levels.json being exactly the engine's output on
 * the committed daily.json + incidents.bin + index-config.json, joined as the app joins them.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDailyData, type DailyBuild } from '../../data/pipeline/daily-inputs.ts';
import { townshipKind } from '../../data/pipeline/township-kind.ts';
import { rainstormDays } from '../../data/pipeline/calendar.ts';
import { DATA_DATE, DATA_SEED } from '../../data/pipeline/common.ts';
import { HISTORY_DAYS } from '../../data/pipeline/build-region.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { compareWithLevels } from '../../src/core/safety-index/compare-levels.ts';
import { computeIndex } from '../../src/core/safety-index/compute-index.ts';
import type { IndexResult } from '../../src/core/safety-index/index-result.ts';
import { DOMAINS } from '../../src/core/safety-index/domains.ts';
import { parseIndexConfig } from '../../src/core/safety-index/config.ts';
import { toLevelsFile } from '../../src/core/safety-index/to-levels-file.ts';
import { townshipDay } from '../../src/core/safety-index/explain.ts';
import { INCIDENT_TYPES } from '../../src/core/incidents/incident-types.ts';
import { parseLevelsFile } from '../../src/core/levels-file.ts';
import { recomputeIndex } from '../support/recompute-index.ts';

const topoText = readFileSync('public/data/townships.topo.json', 'utf8');
const config = parseIndexConfig(readFileSync('public/data/index-config.json', 'utf8'), 'index-config.json');
const GEO = DOMAINS.indexOf('geological');

let built: DailyBuild;
let result: IndexResult;

beforeAll(() => {
  built = buildDailyData(topoText, DATA_DATE, HISTORY_DAYS, DATA_SEED);
  result = computeIndex(config, built.inputs);
}, 60_000);

describe('the seeded daily generator', () => {
  it('is deterministic: the same bytes twice, equal to the committed daily.json and incidents.bin', () => {
    const again = buildDailyData(topoText, DATA_DATE, HISTORY_DAYS, DATA_SEED);
    expect(again.dailyText).toBe(built.dailyText);
    expect(Buffer.from(again.incidentsBin).equals(Buffer.from(built.incidentsBin))).toBe(true);
    expect(built.dailyText).toBe(readFileSync('public/data/daily.json', 'utf8'));
    expect(Buffer.from(built.incidentsBin).equals(readFileSync('public/data/incidents.bin'))).toBe(true);
  });

  it('depends on the seed', () => {
    const other = buildDailyData(topoText, DATA_DATE, HISTORY_DAYS, 'another-seed');
    expect(other.dailyText).not.toBe(built.dailyText);
  });

  it('covers 90 days ending on DATA_DATE for every township of the boundaries', () => {
    const daily = built.dailyData;
    expect(daily.dayCount).toBe(90);
    expect(daily.startDay).toBe('2026-08-27');
    expect(daily.codes).toEqual(parseBoundaries(topoText, 'townships.topo.json').townships.features.map((f) => f.properties.code));
    expect(Object.keys(daily.series)).toEqual(['rainfall', 'disputes_new', 'disputes_resolved', 'disputes_open', 'hazards_found', 'hazards_rectified', 'major_hazards_open', 'fatal_incidents']);
    expect(daily.festivals.map((f) => f.name)).toEqual(['中秋节', '国庆节']);
  });

  it('gives Lishui about 2.5 million residents, urban 街道 larger than 镇, 镇 larger than 乡', () => {
    const { population, codes } = built.dailyData;
    const total = population.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - 2_507_396) / 2_507_396).toBeLessThan(0.001);
    const names = new Map(parseBoundaries(topoText, 'x').townships.features.map((f) => [f.properties.code, f.properties.name]));
    const mean = (kind: string): number => {
      const xs = codes.flatMap((c, t) => (townshipKind(names.get(c)!) === kind ? [population[t]!] : []));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(mean('street')).toBeGreaterThan(1.5 * mean('town'));
    expect(mean('town')).toBeGreaterThan(1.5 * mean('township'));
    expect(Math.min(...population)).toBeGreaterThan(1000);
  });

  it('rains hard on the rainstorm days of rainstormDays(), and geological events follow the rain', () => {
    const T = built.codes.length;
    const storms = rainstormDays(90, DATA_SEED);
    const rain = built.dailyData.series.rainfall!;
    let stormRain = 0, calmRain = 0, stormDays = 0;
    const geoByDay = new Array<number>(90).fill(0);
    for (let p = 0; p < built.incidents.types.length; p++) if (built.incidents.types[p] === INCIDENT_TYPES.indexOf('geological_event')) geoByDay[built.incidents.days[p]!]!++;
    let stormGeo = 0, calmGeo = 0;
    for (let d = 0; d < 90; d++) {
      let sum = 0;
      for (let t = 0; t < T; t++) sum += rain[d * T + t]!;
      const storm = storms.has(d) || storms.has(d - 1); // events lag the rain by up to a day
      if (storms.has(d)) {
        stormRain += sum / T;
        stormDays++;
      } else calmRain += sum / T;
      if (storm) stormGeo += geoByDay[d]!;
      else calmGeo += geoByDay[d]!;
    }
    expect(stormRain / stormDays).toBeGreaterThan(30); // mm, city mean on a rainstorm day
    expect(calmRain / (90 - stormDays)).toBeLessThan(5);
    expect(stormGeo).toBeGreaterThan(10 * Math.max(1, calmGeo));
  });

  it('keeps the dispute backlog consistent: open = yesterday\'s open + new − resolved', () => {
    const T = built.codes.length;
    const { disputes_new: fresh, disputes_resolved: resolved, disputes_open: open } = built.dailyData.series;
    for (let d = 1; d < 90; d++) for (let t = 0; t < T; t++) expect(open![d * T + t]).toBe(open![(d - 1) * T + t]! + fresh![d * T + t]! - resolved![d * T + t]!);
  });

  it('raises public-security and road incidents over National Day (10-01…10-07)', () => {
    const perDay = (type: string, from: number, to: number): number => {
      const k = INCIDENT_TYPES.indexOf(type as (typeof INCIDENT_TYPES)[number]);
      let n = 0;
      for (let p = 0; p < built.incidents.types.length; p++) if (built.incidents.types[p] === k && built.incidents.days[p]! >= from && built.incidents.days[p]! < to) n++;
      return n / (to - from);
    };
    const nationalDay = 35; // 2026-10-01 is day 35 of a history starting 2026-08-27
    for (const type of ['public_security', 'road_accident']) {
      const festival = perDay(type, nationalDay, nationalDay + 7);
      const after = perDay(type, nationalDay + 14, 90);
      expect(festival, type).toBeGreaterThan(1.3 * after);
    }
  });

  it('counts fatal incidents per township as the join places them', () => {
    const fatal = built.dailyData.series.fatal_incidents!;
    const total = fatal.reduce((a, b) => a + b, 0);
    const points = built.incidents.fatal.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(points);
    expect(total).toBeGreaterThan(0.95 * points); // only points scattered outside the city are lost
  });
});

describe('the index over the 90 default days', () => {
  it('is exactly the committed levels.json, recomputed from the committed files as the app would', () => {
    const { result: recomputed, codes } = recomputeIndex('public/data');
    const levels = toLevelsFile(recomputed);
    const committed = parseLevelsFile(readFileSync('public/data/levels.json', 'utf8'), 'levels.json', new Set(codes));
    expect(levels).toEqual(committed);
    expect(committed.dates).toHaveLength(90);
    expect(committed.dates[89]).toBe(DATA_DATE);

    // What the app checks once its engine has run: nothing to report for the committed files …
    expect(compareWithLevels(recomputed, committed)).toEqual({ compared: 90 * 173, differing: 0, first: null });
    // … and a levels.json published before a config edit is caught, naming the first township-day.
    const stale = structuredClone(committed);
    const [d, t] = [40, 17];
    stale.index[d]![t] = stale.index[d]![t]! + 0.5;
    stale.index[d + 1]![t + 1] = null;
    expect(compareWithLevels(recomputed, stale)).toEqual({
      compared: 90 * 173,
      differing: 2,
      first: { date: committed.dates[d], code: committed.codes[t], published: committed.index[d]![t]! + 0.5, engine: committed.index[d]![t] },
    });
  }, 180_000); // area shares of the overlays take a while on one core

  it('has a plausible spread: mostly green and blue, some yellow, few orange, rare red', () => {
    const n = [0, 0, 0, 0, 0, 0];
    for (const l of result.level) n[l]!++;
    const share = n.map((x) => x / result.level.length);
    const [none, red, orange, yellow, blue, green] = share as [number, number, number, number, number, number];
    expect(none).toBe(0);
    expect(red).toBeGreaterThan(0);
    expect(red).toBeLessThan(0.05);
    expect(green + blue).toBeGreaterThan(0.6);
    expect(green).toBeGreaterThan(blue);
    expect(blue).toBeGreaterThan(yellow);
    expect(yellow).toBeGreaterThan(orange);
    expect(orange).toBeGreaterThan(red);
    expect(yellow).toBeGreaterThan(0.03);
    expect(orange).toBeLessThan(0.1);
  });

  it('lets a rainstorm day visibly raise geological risk in exposed townships', () => {
    const T = result.townships;
    const rain = built.dailyData.series.rainfall!;
    // The wettest day of a storm spell that follows a dry week, compared with the day before the spell.
    const storms = rainstormDays(90, DATA_SEED);
    const cityRain = (d: number): number => {
      let s = 0;
      for (let t = 0; t < T; t++) s += rain[d * T + t]!;
      return s / T;
    };
    let wettest = -1;
    let before = -1;
    for (let first = 7; first < 90; first++) {
      if (!storms.has(first) || [1, 2, 3, 4, 5, 6, 7].some((k) => storms.has(first - k))) continue;
      for (let d = first; storms.has(d) && d < 90; d++) {
        if (wettest < 0 || cityRain(d) > cityRain(wettest)) [wettest, before] = [d, first - 1];
      }
    }
    expect(cityRain(wettest)).toBeGreaterThan(50);
    expect(cityRain(before)).toBeLessThan(5);
    const geo = (d: number, t: number): number => result.risk[(d * T + t) * DOMAINS.length + GEO]!;
    let raised = 0;
    let wet = 0;
    let rise = 0;
    for (let t = 0; t < T; t++) {
      if (rain[wettest * T + t]! < 50 || result.exposure[t]! < 0.5) continue;
      wet++;
      rise += geo(wettest, t) - geo(before, t);
      if (geo(wettest, t) > geo(before, t) + 15) raised++;
    }
    expect(wet).toBeGreaterThan(T / 4);
    expect(raised).toBe(wet);
    expect(rise / wet).toBeGreaterThan(30);
    // and it shows on the map: those townships lose index points and many turn yellow or worse.
    let drop = 0;
    let worse = 0;
    let worseBefore = 0;
    for (let t = 0; t < T; t++) {
      if (rain[wettest * T + t]! < 50 || result.exposure[t]! < 0.5) continue;
      drop += result.index[before * T + t]! - result.index[wettest * T + t]!;
      if (result.level[wettest * T + t]! <= 3) worse++;
      if (result.level[before * T + t]! <= 3) worseBefore++;
    }
    expect(drop / wet).toBeGreaterThan(8);
    expect(worse).toBeGreaterThan(wet / 4);
    expect(worseBefore).toBeLessThan(wet / 10);
  });

  it('explains every township-day: 100 − Σ weight · risk is the index before overrides', () => {
    const T = result.townships;
    for (let d = 0; d < 90; d += 7) {
      for (let t = 0; t < T; t++) {
        const e = townshipDay(result, t, d);
        const total = e.domains.reduce((s, x) => s + x.contribution, 0);
        expect(Math.abs(100 - total - e.rawIndex!)).toBeLessThanOrEqual(0.05 + 1e-9);
        if (e.override === null) expect(e.index).toBe(e.rawIndex);
        else expect(e.index!).toBeLessThan(e.rawIndex!);
      }
    }
  });
});
