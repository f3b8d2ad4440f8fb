/**
 * From a region's townships.topo.json text to everything daily: the seeded daily indicators, the
 * incident points (incidents.bin), the join of those points to townships (the same code the app's
 * worker runs, on the same decoded coordinates), the fatal incidents per joined township, and the
 * daily.json text — then parsed back exactly as the app parses it, ready for the index engine.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { parseDailyFile, type DailyData } from '../../src/core/daily-file.ts';
import { decodeIncidents, encodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { assembleIndexInputs } from '../../src/core/safety-index/inputs.ts';
import type { IndexInputs } from '../../src/core/safety-index/index-inputs.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import { stableJson } from './common.ts';
import { dailyFileJson, generateDaily, type GeneratedDaily } from './daily.ts';
import { generateIncidents, type GeneratedIncidents, type TownshipSeat } from './incidents.ts';

/** Area in square degrees (planar), enough to size a township for scattering points. */
function planarArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      let a = 0;
      for (let i = 0; i < ring.length - 1; i++) a += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      total += (r === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return total;
}

export interface DailyBuild {
  codes: string[];
  daily: GeneratedDaily;
  incidents: GeneratedIncidents;
  /** incidents.bin bytes. */
  incidentsBin: Uint8Array;
  /** daily.json text. */
  dailyText: string;
  /** daily.json as the app reads it. */
  dailyData: DailyData;
  /** The join's counts per day × township × type (boundary order). */
  countsByDay: Uint32Array;
  /** Engine inputs: daily.json + joined incidents, in boundary order. */
  inputs: IndexInputs;
}

export function buildDailyData(topologyText: string, endDay: string, dayCount: number, seed: string): DailyBuild {
  const boundaries = parseBoundaries(topologyText, 'townships.topo.json');
  const features = boundaries.townships.features;
  const codes = features.map((f) => f.properties.code);
  const seats: TownshipSeat[] = features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    seat: f.properties.seat,
    radius: Math.sqrt(planarArea(f.geometry)),
  }));
  const daily = generateDaily(seats, endDay, dayCount, seed);
  const incidents = generateIncidents(seats, daily, seed);
  const incidentsBin = new Uint8Array(encodeIncidents(incidents));

  // Join the points as the app does: decoded (quantized) coordinates, the same index code.
  const decoded = decodeIncidents(incidentsBin, 'incidents.bin');
  const join = joinPoints(buildJoinIndex(features), decoded.coords, decoded.types, INCIDENT_TYPE_COUNT, decoded.days, decoded.dayCount);
  const T = codes.length;
  const fatal = new Float64Array(dayCount * T);
  for (let p = 0; p < decoded.count; p++) {
    const t = join.township[p]!;
    if (incidents.fatal[p] && t >= 0) fatal[decoded.days[p]! * T + t]!++;
  }
  const dailyText = stableJson(dailyFileJson(daily, fatal));
  const dailyData = parseDailyFile(dailyText, 'daily.json');
  const countsByDay = join.countsByDay!;
  const inputs = assembleIndexInputs(dailyData, {
    codes,
    incidents: { countsByDay, codes, startDay: decoded.startDay, dayCount: decoded.dayCount, typeCount: INCIDENT_TYPE_COUNT },
  });
  return { codes, daily, incidents, incidentsBin, dailyText, dailyData, countsByDay, inputs };
}
