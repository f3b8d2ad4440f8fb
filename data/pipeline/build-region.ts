/**
 * One region from sources to the files the app reads: townships.topo.json, levels.json and
 * manifest.json, as strings, so the CLI writes them and tests compare them with the committed ones.
 */
import type { Topology } from 'topojson-specification';
import { DATA_DATE, DATA_SEED, regionName, stableJson } from './common.ts';
import { generateLevels } from './levels.ts';
import { generateIncidents, type TownshipSeat } from './incidents.ts';
import { encodeIncidents } from '../../src/core/incidents-bin.ts';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { partitionUnit } from './partition.ts';
import { loadUnits, SourceDataError } from './sources.ts';
import { insertTJunctions, removeSpikes } from './t-junctions.ts';
import { buildTopology } from './topology.ts';

/** Days of built-in history, ending on DATA_DATE. */
export const HISTORY_DAYS = 90;

/** Area in square degrees (planar), enough to size a township for scattering points. */
function planarArea(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, r) => {
      let a = 0;
      for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      total += (r === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return total;
}

export interface BuildOptions {
  region: string;
  seed?: string;
  lenient?: boolean;
  log?: (message: string) => void;
}

export interface BuiltRegion {
  topology: Topology;
  files: Record<'townships.topo.json' | 'levels.json' | 'manifest.json', string> & { 'incidents.bin': Uint8Array };
}

export function buildRegion(options: BuildOptions): BuiltRegion {
  const { region, seed = DATA_SEED, lenient = false, log = () => {} } = options;
  const units = loadUnits({ region, lenient, warn: log });
  const expected = units.reduce((n, u) => n + u.counties.reduce((m, c) => m + c.townships.length, 0), 0);
  log(`${region}: ${units.length} units, ${expected} townships`);

  const cells = units.flatMap((unit, i) => {
    if (units.length > 20 && i % 20 === 0) log(`  partitioning ${i}/${units.length}`);
    return partitionUnit(unit, seed);
  });
  if (cells.length !== expected) throw new SourceDataError(`partition produced ${cells.length} townships, expected ${expected}`);

  const shapes = cells.map((c) => c.coords);
  const junctions = insertTJunctions(shapes);
  const spikes = removeSpikes(shapes);
  log(`  rings: ${junctions} T-junction vertices inserted, ${spikes} spike vertices removed`);

  const approximateCounties = new Set(units.filter((u) => u.approximate).flatMap((u) => u.counties.map((c) => c.code)));
  const topology = buildTopology(cells, {
    quantization: 1e5,
    maxGapArea: 1e-4,
    approximateCounties,
    onClean: (r) =>
      log(`  topology: ${r.gapsFilled} gaps filled, ${r.fragmentsMoved} fragments moved, ${r.islandsKept} islands kept, ${r.specksDropped} specks dropped`),
  });
  const codes = (topology.objects.townships as { geometries: { properties?: { code: string } }[] }).geometries.map((g) => g.properties!.code);
  if (codes.length !== expected) throw new SourceDataError(`topology has ${codes.length} townships, expected ${expected}`);

  const decoded = feature(topology, topology.objects.townships) as unknown as {
    features: Feature<Polygon | MultiPolygon, { code: string; name: string; seat: [number, number] }>[];
  };
  const seats: TownshipSeat[] = decoded.features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    seat: f.properties.seat,
    radius: Math.sqrt(planarArea(f.geometry)),
  }));
  const incidents = generateIncidents(seats, DATA_DATE, HISTORY_DAYS, seed);
  log(`  incidents: ${incidents.types.length} over ${HISTORY_DAYS} days`);

  return {
    topology,
    files: {
      'incidents.bin': new Uint8Array(encodeIncidents(incidents)),
      'townships.topo.json': stableJson(topology),
      'levels.json': stableJson(generateLevels(codes, [DATA_DATE], seed)),
      'manifest.json': stableJson({
        version: 1,
        region: { code: region, name: regionName(region) },
        boundaries: 'townships.topo.json',
        levels: 'levels.json',
        incidents: 'incidents.bin',
        refreshSeconds: 300,
        seed,
        approximateCounties: [...approximateCounties].sort(),
      }),
    },
  };
}
