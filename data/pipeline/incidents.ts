/**
 * Seeded incident points for the built-in history: hot spots around township seats (denser and
 * busier in urban 街道), a weekly rhythm, and rainstorm days that bring geological events. Types
 * follow src/core/join/incident-types.ts; the output is columns, encoded by src/core/incidents-bin.ts.
 */
import { INCIDENT_TYPES } from '../../src/core/join/incident-types.ts';
import { createRandom, normal } from '../../src/core/random.ts';

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

/** Expected incidents per township per day, by type, for a rural township on a weekday. */
const BASE_RATE: Record<(typeof INCIDENT_TYPES)[number], number> = {
  public_security: 0.45,
  criminal_case: 0.08,
  production_accident: 0.03,
  fire: 0.025,
  road_accident: 0.2,
  geological_event: 0.004,
  dispute: 0.3,
};

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

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days (offsets) of the rainstorms in the history; the same for a region and seed. */
export function rainstormDays(dayCount: number, seed: string): Set<number> {
  const random = createRandom(`${seed}:rainstorms`);
  const days = new Set<number>();
  for (let d = 0; d < dayCount; d++) if (random() < 0.06) for (let k = 0; k < 2 + Math.floor(random() * 2); k++) days.add(d + k);
  return days;
}

export function generateIncidents(townships: TownshipSeat[], endDay: string, dayCount: number, seed: string): IncidentColumns {
  const startDay = addDays(endDay, -(dayCount - 1));
  const storms = rainstormDays(dayCount, seed);
  const lon: number[] = [];
  const lat: number[] = [];
  const types: number[] = [];
  const days: number[] = [];
  for (const t of townships) {
    const random = createRandom(`${seed}:incidents:${t.code}`);
    const urban = t.name.endsWith('街道') ? 3 : t.name.endsWith('镇') ? 1.4 : 1;
    // Each township has its own temperament, so some are persistently busier than others.
    const temperament = Math.exp(0.45 * normal(random));
    const kx = Math.cos((t.seat[1] * Math.PI) / 180);
    for (let d = 0; d < dayCount; d++) {
      const weekday = new Date(`${addDays(startDay, d)}T00:00:00Z`).getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? 1.25 : 1;
      INCIDENT_TYPES.forEach((type, k) => {
        let rate = BASE_RATE[type] * temperament;
        if (type === 'geological_event') rate *= storms.has(d) ? 25 / urban : 1;
        else if (type === 'public_security' || type === 'road_accident') rate *= urban * weekend;
        else rate *= Math.sqrt(urban);
        const n = poisson(rate, random);
        for (let i = 0; i < n; i++) {
          // Most incidents cluster near the seat; geological events spread over the hills.
          const spread = type === 'geological_event' ? 0.6 : 0.3;
          lon.push(t.seat[0] + (normal(random) * spread * t.radius) / kx);
          lat.push(t.seat[1] + normal(random) * spread * t.radius);
          types.push(k);
          days.push(d);
        }
      });
    }
  }
  const coords = new Float64Array(lon.length * 2);
  for (let i = 0; i < lon.length; i++) {
    coords[2 * i] = Math.round(lon[i] * 1e5) / 1e5;
    coords[2 * i + 1] = Math.round(lat[i] * 1e5) / 1e5;
  }
  return { coords, types: Uint8Array.from(types), days: Uint16Array.from(days), startDay, dayCount };
}
