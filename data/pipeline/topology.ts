/**
 * Township cells → one TopoJSON topology with shared arcs: `townships` (one geometry per township)
 * and `counties` (merged from the townships' own arcs, so county and township borders coincide).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import polylabel from 'polylabel';
import { feature, mergeArcs } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { TownshipCell } from './partition.ts';
import { cleanTopology, type CleanReport } from './clean-topology.ts';
import { repairCrossings, type CrossingRepair } from './repair-crossings.ts';

// The properties the app reads (seat: the pole of inaccessibility, rounded to 1e-5; approximateCounty:
// the county border itself is invented, see data/county-fixes.json).
import type { TownshipProperties } from '../../src/core/boundaries/boundaries.ts';
export type { TownshipProperties };

export interface CountyProperties {
  code: string;
  name: string;
  townships: number;
  seat: [number, number];
}

export interface BuildTopologyOptions {
  /** Grid the coordinates snap to before arcs are shared (larger = finer). */
  quantization: number;
  approximateCounties: Set<string>;
  /** Holes in the city smaller than this (square degrees) are source mismatches, filled in. */
  maxGapArea: number;
  onClean?: (report: CleanReport) => void;
  onCrossings?: (repair: CrossingRepair) => void;
}

const round5 = (v: number): number => Math.round(v * 1e5) / 1e5;

function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polygons[0];
  let bestArea = -1;
  for (const p of polygons) {
    const ring = p[0];
    let a = 0;
    for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    if (Math.abs(a) > bestArea) {
      bestArea = Math.abs(a);
      best = p;
    }
  }
  const p = polylabel(best as [number, number][][], 1e-4);
  return [round5(p[0]), round5(p[1])];
}

export function buildTopology(cells: TownshipCell[], options: BuildTopologyOptions): Topology {
  const features: Feature<Polygon | MultiPolygon, Omit<TownshipProperties, 'seat'>>[] = cells.map((cell) => ({
    type: 'Feature',
    properties: {
      code: cell.township.code,
      name: cell.township.name,
      countyCode: cell.county.code,
      countyName: cell.county.name,
      ...(options.approximateCounties.has(cell.county.code) ? { approximateCounty: true as const } : {}),
    },
    geometry:
      cell.coords.length === 1
        ? { type: 'Polygon', coordinates: cell.coords[0] }
        : { type: 'MultiPolygon', coordinates: cell.coords },
  }));
  features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
  const collection: FeatureCollection = { type: 'FeatureCollection', features };

  // No simplification: the source is already on a 1/1024° grid and the file is small enough.
  const topo = topology({ townships: collection }, options.quantization) as Topology;
  const report = cleanTopology(topo, 'townships', options.maxGapArea);
  options.onClean?.(report);
  // Snapping to the grid can make an outline cross itself by a fraction of a step (Zhejiang has one).
  const crossings = repairCrossings(topo, 'townships');
  options.onCrossings?.(crossings);
  if (crossings.unrepaired.length > 0) throw new Error(`townships whose outline still crosses itself after repair: ${crossings.unrepaired.join(', ')}`);
  const townships = topo.objects.townships as GeometryCollection<TownshipProperties>;

  const byCounty = new Map<string, typeof townships.geometries>();
  for (const geometry of townships.geometries) {
    const f = feature(topo, geometry) as Feature<Polygon | MultiPolygon>;
    const properties = geometry.properties as TownshipProperties;
    properties.seat = labelPoint(f.geometry);
    const key = properties.countyCode;
    byCounty.set(key, [...(byCounty.get(key) ?? []), geometry]);
  }

  const counties: GeometryCollection<CountyProperties> = {
    type: 'GeometryCollection',
    geometries: [...byCounty.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, members]) => {
        const merged = mergeArcs(topo, members as never);
        const f = feature(topo, merged) as Feature<Polygon | MultiPolygon>;
        return {
          ...merged,
          properties: {
            code,
            name: (members[0].properties as TownshipProperties).countyName,
            townships: members.length,
            seat: labelPoint(f.geometry),
          },
        };
      }),
  };
  topo.objects.counties = counties;
  return topo;
}
