/**
 * Seeded daily indicators per township (daily.json): population, rainfall, disputes and
 * production-safety hazards, plus the calendar (rainstorm spells, festivals) the incident points
 * share (incidents.ts reads this output, so rain and geological events agree).
 *
 * - **Population**: city totals from the 7th census (2020) where we have them (Zhejiang's 11 cities),
 *   spread over townships by kind — 街道 (urban) weigh 3.2, 镇 1.3, 乡 0.45, others (开发区, 农场…) 1 —
 *   times a seeded lognormal factor; elsewhere 12,000 residents per unit of weight.
 * - **Rainfall** (mm/day, 0.1 mm): the storm spells of {@link rainstormDays} (the same days as the
 *   incidents' geological events) bring a Gaussian rain field (peak ≈ 30–150 mm, σ 0.9°, typhoons in
 *   Aug–Sep wider and stronger) centred on a township of the region and drifting; other days follow a
 *   wet/dry Markov chain with showers. Both are modulated by a value-noise field on a 0.5° lattice
 *   anchored at whole degrees (spatially correlated, and the same weather over a township whatever
 *   region it is built in) and a static terrain factor (乡 wetter than 街道).
 * - **Disputes**: new ≈ 0.25 per 10,000 residents a day × a township temperament, fewer at weekends
 *   and on holidays, with seeded flare-ups (a land or labour dispute: ×4–10 for 3–8 days); each open
 *   dispute is resolved with probability 0.3 a day (0.12 at weekends, 0.15 during a flare-up).
 *   `disputes_open` is the backlog at the end of the day (day 0 starts from the steady state).
 * - **Hazards**: inspections find ≈ 0.12 hazards per 10,000 residents a weekday (×industry factor:
 *   开发区/园区 2, 镇 1.3, 街道 1, 乡 0.6, × lognormal), 8% of them major; general hazards are
 *   rectified with probability 0.3 a day, major ones 0.05 (≈ 20 days). `major_hazards_open` is the
 *   backlog of unrectified major hazards.
 * - **Festivals**: Mid-Autumn 2026-09-25…27 and National Day 10-01…07 (every year), Labour Day
 *   05-01…05; incidents.ts raises public-security, road and fire incidents on them.
 *
 * Everything is seeded per township and day from string keys (no Math.random, no clock).
 */
import { createRandom, normal } from '../../src/core/random.ts';
import type { DailyFileJson, Festival } from '../../src/core/daily-file.ts';
import { addDays, festivalsBetween, isWeekend, rainstormDays } from './calendar.ts';
import { townshipKind, type TownshipKind } from './township-kind.ts';

export interface DailyTownship {
  code: string;
  name: string;
  seat: [number, number];
}

export interface GeneratedDaily {
  startDay: string;
  dayCount: number;
  codes: string[];
  population: Float64Array;
  /** Latent geological susceptibility per township (not written; drives geological events). */
  susceptibility: Float64Array;
  /** Latent industry factor per township (hazards, production accidents). */
  industry: Float64Array;
  /** 1 on the days of a storm spell. */
  rainstorm: Uint8Array;
  /** Festival index + 1 per day (0 = none). */
  festivalOf: Uint8Array;
  festivals: Festival[];
  /** `[d · T + t]` */
  rainfall: Float64Array;
  disputesNew: Float64Array;
  disputesResolved: Float64Array;
  disputesOpen: Float64Array;
  hazardsFound: Float64Array;
  hazardsRectified: Float64Array;
  majorHazardsOpen: Float64Array;
}

/** 7th national census (2020), residents per city (Zhejiang). */
const CITY_POPULATION: Readonly<Record<string, number>> = {
  '3301': 11_936_010, // 杭州市
  '3302': 9_404_283, // 宁波市
  '3303': 9_572_903, // 温州市
  '3304': 5_400_868, // 嘉兴市
  '3305': 3_367_579, // 湖州市
  '3306': 5_270_977, // 绍兴市
  '3307': 7_050_683, // 金华市
  '3308': 2_276_184, // 衢州市
  '3309': 1_157_817, // 舟山市
  '3310': 6_622_888, // 台州市
  '3311': 2_507_396, // 丽水市
};
const RESIDENTS_PER_WEIGHT = 12_000;

const POPULATION_WEIGHT: Record<TownshipKind, number> = { street: 3.2, town: 1.3, township: 0.45, other: 1 };
const SUSCEPTIBILITY: Record<TownshipKind, number> = { street: 0.25, town: 0.7, township: 1, other: 0.5 };
const INDUSTRY: Record<TownshipKind, number> = { street: 1, town: 1.3, township: 0.6, other: 2 };
const TERRAIN_RAIN: Record<TownshipKind, number> = { street: 0.9, town: 1, township: 1.1, other: 1 };

/**
 * Latent geological susceptibility of a township (0.1 … 1.6; 乡 in the hills high, urban 街道 low):
 * what drives its geological events here, and what a generated hazard-zone layer should follow.
 */
export function townshipSusceptibility(code: string, name: string, seed: string): number {
  const random = createRandom(`${seed}:susceptibility:${code}`);
  return Math.min(1.6, Math.max(0.1, SUSCEPTIBILITY[townshipKind(name)] * Math.exp(0.4 * normal(random))));
}

function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(random)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

function binomial(n: number, p: number, random: () => number): number {
  if (n > 60) return Math.min(n, Math.max(0, Math.round(n * p + Math.sqrt(n * p * (1 - p)) * normal(random))));
  let k = 0;
  for (let i = 0; i < n; i++) if (random() < p) k++;
  return k;
}

/** Smooth value noise on a lattice anchored at whole degrees (cell `step`°), one field per key. */
function valueNoise(key: string, step: number): (lon: number, lat: number) => number {
  const cache = new Map<string, number>();
  const node = (i: number, j: number): number => {
    const k = `${i},${j}`;
    let v = cache.get(k);
    if (v === undefined) {
      v = normal(createRandom(`${key}:${i}:${j}`));
      cache.set(k, v);
    }
    return v;
  };
  return (lon, lat) => {
    const x = lon / step;
    const y = lat / step;
    const i = Math.floor(x);
    const j = Math.floor(y);
    const fx = x - i;
    const fy = y - j;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const a = node(i, j) + (node(i + 1, j) - node(i, j)) * sx;
    const b = node(i, j + 1) + (node(i + 1, j + 1) - node(i, j + 1)) * sx;
    // Smoothstep interpolation shrinks the variance (to ≈ 0.55 in a cell's middle); rescale.
    return (a + (b - a) * sy) * 1.35;
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function generateDaily(townships: readonly DailyTownship[], endDay: string, dayCount: number, seed: string): GeneratedDaily {
  const T = townships.length;
  const D = dayCount;
  const startDay = addDays(endDay, -(D - 1));
  const dates = Array.from({ length: D }, (_, d) => addDays(startDay, d));
  const kinds = townships.map((t) => townshipKind(t.name));

  // --- calendar ---
  const festivals = festivalsBetween(startDay, endDay);
  const festivalOf = new Uint8Array(D);
  dates.forEach((date, d) => {
    const f = festivals.findIndex((x) => x.first <= date && date <= x.last);
    festivalOf[d] = f + 1;
  });
  const weekend = Uint8Array.from(dates, (date) => (isWeekend(date) ? 1 : 0));
  const rainstorm = new Uint8Array(D);
  for (const d of rainstormDays(D, seed)) if (d < D) rainstorm[d] = 1;

  // --- population ---
  const population = new Float64Array(T);
  const weights = townships.map((t, i) => POPULATION_WEIGHT[kinds[i]!] * Math.exp(0.35 * normal(createRandom(`${seed}:population:${t.code}`))));
  const byCity = new Map<string, number[]>();
  townships.forEach((t, i) => {
    const city = t.code.slice(0, 4);
    if (!byCity.has(city)) byCity.set(city, []);
    byCity.get(city)!.push(i);
  });
  for (const [city, members] of byCity) {
    const sum = members.reduce((a, i) => a + weights[i]!, 0);
    const perWeight = CITY_POPULATION[city] !== undefined ? CITY_POPULATION[city] / sum : RESIDENTS_PER_WEIGHT;
    for (const i of members) population[i] = Math.max(500, Math.round((weights[i]! * perWeight) / 10) * 10);
  }

  const susceptibility = Float64Array.from(townships, (t) => townshipSusceptibility(t.code, t.name, seed));
  const industry = Float64Array.from(townships, (t, i) => INDUSTRY[kinds[i]!] * Math.exp(0.6 * normal(createRandom(`${seed}:industry:${t.code}`))));

  // --- rainfall ---
  const rainfall = new Float64Array(D * T);
  const kx = townships.map((t) => Math.cos((t.seat[1] * Math.PI) / 180));
  const terrain = townships.map((t, i) => TERRAIN_RAIN[kinds[i]!] * Math.exp(0.15 * normal(createRandom(`${seed}:terrain:${t.code}`))));
  // Storm spells: runs of consecutive rainstorm days.
  const spellOf = new Int16Array(D).fill(-1);
  const spells: { first: number; length: number }[] = [];
  for (let d = 0; d < D; d++) {
    if (!rainstorm[d]) continue;
    if (d > 0 && rainstorm[d - 1]) spells[spells.length - 1]!.length++;
    else spells.push({ first: d, length: 1 });
    spellOf[d] = spells.length - 1;
  }
  const spellParams = spells.map((s) => {
    const random = createRandom(`${seed}:storm:${dates[s.first]}`);
    const month = Number(dates[s.first]!.slice(5, 7));
    const season = month >= 6 && month <= 9 ? 1.15 : month === 10 ? 1 : 0.75;
    const typhoon = month >= 7 && month <= 9 && random() < 0.4;
    const peak = 55 * season * Math.exp(0.35 * normal(random)) * (typhoon ? 1.35 : 1);
    const sigma = typhoon ? 1.6 : 0.9;
    const centre = townships.length > 0 ? townships[Math.floor(random() * T)]!.seat : ([0, 0] as [number, number]);
    return { peak, sigma, typhoon, centre: [centre[0], centre[1]] as [number, number], random };
  });
  const weather = createRandom(`${seed}:weather`);
  let wet = false;
  for (let d = 0; d < D; d++) {
    const month = Number(dates[d]!.slice(5, 7));
    const dryness = month === 11 || month === 12 ? 0.75 : 1;
    wet = weather() < (wet ? 0.5 : 0.28) * dryness;
    const showers = wet ? 5 * Math.exp(0.8 * normal(weather)) : 0;
    const field = valueNoise(`${seed}:rain:${dates[d]}`, 0.5);
    const s = spellOf[d]! >= 0 ? spellParams[spellOf[d]!]! : null;
    let stormPeak = 0;
    if (s !== null) {
      const spell = spells[spellOf[d]!]!;
      const i = d - spell.first;
      stormPeak = s.peak * (0.55 + 0.45 * Math.sin((Math.PI * (i + 0.5)) / spell.length)) * Math.exp(0.2 * normal(s.random));
      // The storm drifts a little from day to day (typhoons move north-west).
      s.centre[0] += 0.25 * normal(s.random) - (s.typhoon ? 0.3 : 0);
      s.centre[1] += 0.25 * normal(s.random) + (s.typhoon ? 0.2 : 0);
    }
    for (let t = 0; t < T; t++) {
      const [lon, lat] = townships[t]!.seat;
      const noise = field(lon, lat);
      let rain = 0;
      if (showers > 0 && noise > -0.7) rain += showers * Math.exp(0.7 * noise - 0.25);
      if (s !== null) {
        const dx = (lon - s.centre[0]) * kx[t]!;
        const dy = lat - s.centre[1];
        rain += stormPeak * Math.exp(-(dx * dx + dy * dy) / (2 * s.sigma * s.sigma)) * Math.exp(0.25 * noise);
      }
      rainfall[d * T + t] = round1(rain * terrain[t]!);
    }
  }

  // --- disputes ---
  const disputesNew = new Float64Array(D * T);
  const disputesResolved = new Float64Array(D * T);
  const disputesOpen = new Float64Array(D * T);
  townships.forEach((t, i) => {
    const random = createRandom(`${seed}:disputes:${t.code}`);
    const base = (0.25 * population[i]! * Math.exp(0.5 * normal(random))) / 10_000;
    let open = poisson(base / 0.25, random);
    let flare = 0;
    let flareFactor = 1;
    for (let d = 0; d < D; d++) {
      if (flare === 0 && random() < 0.0025) {
        flare = 3 + Math.floor(random() * 6);
        flareFactor = 4 + random() * 6;
      }
      const rate = base * (weekend[d] ? 0.6 : 1) * (festivalOf[d] ? 0.7 : 1) * (flare > 0 ? flareFactor : 1);
      const fresh = poisson(rate, random);
      const p = flare > 0 ? 0.15 : weekend[d] ? 0.12 : 0.3;
      const resolved = binomial(open, p, random);
      open += fresh - resolved;
      if (flare > 0) flare--;
      disputesNew[d * T + i] = fresh;
      disputesResolved[d * T + i] = resolved;
      disputesOpen[d * T + i] = open;
    }
  });

  // --- production-safety hazards ---
  const hazardsFound = new Float64Array(D * T);
  const hazardsRectified = new Float64Array(D * T);
  const majorHazardsOpen = new Float64Array(D * T);
  townships.forEach((t, i) => {
    const random = createRandom(`${seed}:hazards:${t.code}`);
    const base = (0.12 * population[i]! * industry[i]!) / 10_000;
    let general = poisson((base * 0.92) / 0.3, random);
    let major = poisson((base * 0.08) / 0.05, random);
    for (let d = 0; d < D; d++) {
      const rate = base * (festivalOf[d] ? 0.1 : weekend[d] ? 0.25 : 1.3);
      const found = poisson(rate, random);
      const foundMajor = binomial(found, 0.08, random);
      const fixedGeneral = binomial(general, weekend[d] ? 0.15 : 0.3, random);
      const fixedMajor = binomial(major, weekend[d] ? 0.025 : 0.05, random);
      general += found - foundMajor - fixedGeneral;
      major += foundMajor - fixedMajor;
      hazardsFound[d * T + i] = found;
      hazardsRectified[d * T + i] = fixedGeneral + fixedMajor;
      majorHazardsOpen[d * T + i] = major;
    }
  });

  return {
    startDay,
    dayCount: D,
    codes: townships.map((t) => t.code),
    population,
    susceptibility,
    industry,
    rainstorm,
    festivalOf,
    festivals,
    rainfall,
    disputesNew,
    disputesResolved,
    disputesOpen,
    hazardsFound,
    hazardsRectified,
    majorHazardsOpen,
  };
}

/** daily.json (see src/core/daily-file.ts) from the generated columns and the joined fatal incidents. */
export function dailyFileJson(daily: GeneratedDaily, fatalIncidents: Float64Array): DailyFileJson {
  const T = daily.codes.length;
  const rows = (values: Float64Array): number[][] => Array.from({ length: daily.dayCount }, (_, d) => Array.from(values.subarray(d * T, (d + 1) * T)));
  return {
    version: 1,
    startDay: daily.startDay,
    dayCount: daily.dayCount,
    codes: daily.codes,
    population: Array.from(daily.population),
    rainstormDays: [...daily.rainstorm].flatMap((r, d) => (r ? [addDays(daily.startDay, d)] : [])),
    festivals: daily.festivals,
    series: {
      rainfall: rows(daily.rainfall),
      disputes_new: rows(daily.disputesNew),
      disputes_resolved: rows(daily.disputesResolved),
      disputes_open: rows(daily.disputesOpen),
      hazards_found: rows(daily.hazardsFound),
      hazards_rectified: rows(daily.hazardsRectified),
      major_hazards_open: rows(daily.majorHazardsOpen),
      fatal_incidents: rows(fatalIncidents),
    },
  };
}
