/**
 * Seeded incident points for the built-in history, driven by the daily data (daily.ts): rates per
 * 10,000 residents, hot spots around township seats (busier in urban 街道), a weekly rhythm, festival
 * days (public security, road, fire up), geological events from each township's own rainfall (today
 * and the two days before) × its susceptibility, and dispute points for half of each day's new
 * disputes. Each point may be fatal (not stored in incidents.bin: the pipeline counts fatal points per
 * joined township into daily.json's `fatal_incidents`). Types follow src/core/incidents/incident-types.ts;
 * the output is columns, encoded by src/core/incidents/incidents-bin.ts.
 */
import { INCIDENT_TYPES } from '../../src/core/incidents/incident-types.ts';
import { createRandom, normal } from '../../src/core/random.ts';
import { addDays, isWeekend } from './calendar.ts';
import type { GeneratedDaily } from './daily.ts';
import { townshipKind, type TownshipKind } from './township-kind.ts';

export interface TownshipSeat {
  code: string;
  name: string;
  seat: [number, number];
  /** Approximate radius of the township in degrees (sqrt of its area). */
  radius: number;
}

export interface IncidentColumns {
  coords: Float64Array;
  types: Uint8Array;
  days: Uint16Array;
  startDay: string;
  dayCount: number;
}

export interface GeneratedIncidents extends IncidentColumns {
  /** 1 where the incident killed someone (same order as `types`). */
  fatal: Uint8Array;
}

/** Expected incidents per 10,000 residents per day, by type, on a weekday (geological events: see below, disputes: daily.ts). */
const RATE_PER_10K = {
  public_security: 0.3,
  criminal_case: 0.07,
  production_accident: 0.012,
  fire: 0.03,
  road_accident: 0.16,
} as const;

/** Probability that an incident of a type is fatal. */
const FATAL: Record<(typeof INCIDENT_TYPES)[number], number> = {
  public_security: 0,
  criminal_case: 0.002,
  production_accident: 0.03,
  fire: 0.004,
  road_accident: 0.008,
  geological_event: 0.02,
  dispute: 0,
};

/** Festival multipliers (crowds and travel). */
const FESTIVAL: Partial<Record<(typeof INCIDENT_TYPES)[number], number>> = { public_security: 1.5, road_accident: 1.7, fire: 1.2 };
const URBAN: Record<TownshipKind, number> = { street: 1.4, town: 1, township: 0.8, other: 1 };

/** Expected geological events in a day for effective rainfall r (mm) and susceptibility 1. */
export function geologicalRate(r: number): number {
  return 0.001 + 0.35 * Math.max(0, (r - 50) / 100) ** 1.5;
}

function poisson(lambda: number, random: () => number): number {
  // Knuth's method is fine: rates here are small.
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export function generateIncidents(townships: readonly TownshipSeat[], daily: GeneratedDaily, seed: string): GeneratedIncidents {
  const { startDay, dayCount } = daily;
  const T = townships.length;
  if (daily.codes.length !== T || daily.codes.some((c, i) => c !== townships[i]!.code)) throw new Error('generateIncidents: townships and daily data differ');
  const lon: number[] = [];
  const lat: number[] = [];
  const types: number[] = [];
  const days: number[] = [];
  const fatal: number[] = [];
  const weekendDay = Array.from({ length: dayCount }, (_, d) => isWeekend(addDays(startDay, d)));
  townships.forEach((t, i) => {
    const random = createRandom(`${seed}:incidents:${t.code}`);
    const kind = townshipKind(t.name);
    const urban = URBAN[kind];
    // Each township has its own temperament, so some are persistently busier than others.
    const temperament = Math.exp(0.45 * normal(random));
    const people = daily.population[i]! / 10_000;
    const kx = Math.cos((t.seat[1] * Math.PI) / 180);
    for (let d = 0; d < dayCount; d++) {
      const weekend = weekendDay[d]!;
      const festive = daily.festivalOf[d]! > 0;
      const rain = (k: number): number => (d - k >= 0 ? daily.rainfall[(d - k) * T + i]! : 0);
      INCIDENT_TYPES.forEach((type, k) => {
        let n: number;
        if (type === 'geological_event') n = poisson(daily.susceptibility[i]! * geologicalRate(rain(0) + 0.6 * rain(1) + 0.3 * rain(2)), random);
        else if (type === 'dispute') {
          const fresh = daily.disputesNew[d * T + i]!;
          n = 0;
          for (let j = 0; j < fresh; j++) if (random() < 0.5) n++;
        } else {
          let rate = RATE_PER_10K[type] * people * temperament;
          if (type === 'public_security' || type === 'road_accident') rate *= urban * (weekend ? 1.25 : 1);
          if (type === 'production_accident') rate *= daily.industry[i]! * (weekend ? 0.5 : 1);
          if (festive) rate *= FESTIVAL[type] ?? 1;
          n = poisson(rate, random);
        }
        for (let j = 0; j < n; j++) {
          // Most incidents cluster near the seat; geological events spread over the hills.
          const spread = type === 'geological_event' ? 0.6 : 0.3;
          lon.push(t.seat[0] + (normal(random) * spread * t.radius) / kx);
          lat.push(t.seat[1] + normal(random) * spread * t.radius);
          types.push(k);
          days.push(d);
          fatal.push(random() < FATAL[type] ? 1 : 0);
        }
      });
    }
  });
  const coords = new Float64Array(lon.length * 2);
  for (let i = 0; i < lon.length; i++) {
    coords[2 * i] = Math.round(lon[i]! * 1e5) / 1e5;
    coords[2 * i + 1] = Math.round(lat[i]! * 1e5) / 1e5;
  }
  return { coords, types: Uint8Array.from(types), days: Uint16Array.from(days), startDay, dayCount, fatal: Uint8Array.from(fatal) };
}
