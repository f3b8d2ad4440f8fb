/**
 * Repairs a freshly built township topology using its shared arcs, so every repair is exact:
 *  - gaps: holes in the union of all townships (small mismatches between source county borders)
 *    are given to the township that borders them the most;
 *  - fragments: minor parts of a multi-part township are given to the neighbour they share the most
 *    arcs with (same county first), so each township becomes one polygon unless a part is an island.
 */
import { feature, mergeArcs } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';

type PolygonArcs = number[][];
type Geometry = (Polygon | MultiPolygon) & { properties?: { code: string; countyCode: string } };

/** Square degrees (~10 m²) below which a hole is a double-traced border, not a gap. */
const ZERO_AREA = 1e-9;

const arcId = (a: number): number => (a < 0 ? ~a : a);

function planarArea(topo: Topology, polygon: PolygonArcs): number {
  const f = feature(topo, { type: 'Polygon', arcs: polygon }) as unknown as { geometry: { coordinates: number[][][] } };
  const ring = f.geometry.coordinates[0];
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(a / 2);
}

function polygonsOf(g: Geometry): PolygonArcs[] {
  return g.type === 'Polygon' ? [g.arcs] : g.arcs;
}

function setPolygons(g: Geometry, polygons: PolygonArcs[]): void {
  const mutable = g as { type: string; arcs: unknown };
  if (polygons.length === 1) {
    mutable.type = 'Polygon';
    mutable.arcs = polygons[0];
  } else {
    mutable.type = 'MultiPolygon';
    mutable.arcs = polygons;
  }
}

/**
 * mergeArcs stitches rings by following arc ends, which goes wrong where the pieces touch only at
 * a vertex: it can return an unclosed or self-touching ring. Such a merge is refused.
 */
function simpleRings(topo: Topology, polygons: PolygonArcs[]): boolean {
  const f = feature(topo, { type: 'MultiPolygon', arcs: polygons }) as unknown as { geometry: { coordinates: number[][][][] } };
  for (const polygon of f.geometry.coordinates) {
    for (const ring of polygon) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4 || first[0] !== last[0] || first[1] !== last[1]) return false;
      const seen = new Set<string>();
      for (let i = 0; i < ring.length - 1; i++) {
        const key = `${ring[i][0]},${ring[i][1]}`;
        if (seen.has(key)) return false;
        seen.add(key);
      }
    }
  }
  return true;
}

/** Arc ids a polygon's rings use, with multiplicity ignored. */
function arcsOf(polygon: PolygonArcs): Set<number> {
  return new Set(polygon.flat().map(arcId));
}

/**
 * Merges `piece` into the geometry that shares the most of its arcs, preferring `county`. A piece
 * that borders nobody is 'isolated' (an island); one no neighbour can take in one piece is 'kept'.
 */
/** Which geometries use each arc; entries may go stale after merges, so users re-check. */
type ArcOwners = Map<number, Set<Geometry>>;

function indexArcs(geometries: Geometry[]): ArcOwners {
  const owners: ArcOwners = new Map();
  for (const g of geometries) for (const polygon of polygonsOf(g)) for (const a of polygon.flat()) addOwner(owners, arcId(a), g);
  return owners;
}

function addOwner(owners: ArcOwners, arc: number, g: Geometry): void {
  const set = owners.get(arc);
  if (set) set.add(g);
  else owners.set(arc, new Set([g]));
}

/**
 * Merges `piece` into the geometry that shares the most of its arcs, preferring `county`. A piece
 * that borders nobody is 'isolated' (an island); one no neighbour can take in one piece is 'kept'.
 */
function absorb(
  topo: Topology,
  owners: ArcOwners,
  piece: PolygonArcs,
  exclude: Geometry | null,
  county: string | null,
): 'merged' | 'isolated' | 'kept' {
  const pieceArcs = arcsOf(piece);
  const neighbours = new Set<Geometry>();
  for (const a of pieceArcs) for (const g of owners.get(a) ?? []) if (g !== exclude) neighbours.add(g);
  const candidates = [...neighbours]
    .map((g) => {
      let shared = 0;
      for (const polygon of polygonsOf(g)) for (const a of polygon.flat()) if (pieceArcs.has(arcId(a))) shared++;
      return { g, shared };
    })
    .filter((c) => c.shared > 0)
    .sort(
      (a, b) =>
        Number(b.g.properties!.countyCode === county) - Number(a.g.properties!.countyCode === county) ||
        b.shared - a.shared ||
        a.g.properties!.code.localeCompare(b.g.properties!.code),
    );
  for (const { g } of candidates) {
    const before = polygonsOf(g).length;
    const merged = mergeArcs(topo, [g, { type: 'Polygon', arcs: piece }] as never) as unknown as { arcs: PolygonArcs[] };
    if (merged.arcs.length <= before && simpleRings(topo, merged.arcs)) {
      setPolygons(g, merged.arcs);
      for (const a of pieceArcs) addOwner(owners, a, g);
      return 'merged';
    }
  }
  return candidates.length === 0 ? 'isolated' : 'kept';
}

export interface CleanReport {
  gapsFilled: number;
  fragmentsMoved: number;
  islandsKept: number;
  /** Isolated parts smaller than maxGapArea / 10: pockets of the source grid on the city's edge. */
  specksDropped: number;
}

export function cleanTopology(topo: Topology, objectName: string, maxGapArea: number): CleanReport {
  const collection = topo.objects[objectName] as GeometryCollection;
  const geometries = collection.geometries as Geometry[];
  const report: CleanReport = { gapsFilled: 0, fragmentsMoved: 0, islandsKept: 0, specksDropped: 0 };

  const owners = indexArcs(geometries);
  const union = mergeArcs(topo, geometries as never) as unknown as { arcs: PolygonArcs[] };
  for (const polygon of union.arcs) {
    for (const hole of polygon.slice(1)) {
      const gap: PolygonArcs = [hole.slice().reverse().map((a) => ~a)];
      const area = planarArea(topo, gap);
      // Zero-area "holes" are borders traced twice; filling them would leave spikes.
      if (area > maxGapArea || area < ZERO_AREA) continue;
      if (absorb(topo, owners, gap, null, null) === 'merged') report.gapsFilled++;
    }
  }

  for (const g of geometries) {
    if (g.type !== 'MultiPolygon') continue;
    const parts = [...g.arcs].sort((a, b) => planarArea(topo, b) - planarArea(topo, a));
    const kept: PolygonArcs[] = [parts[0]];
    for (const part of parts.slice(1)) {
      const outcome = absorb(topo, owners, part, g, g.properties!.countyCode);
      if (outcome === 'merged') report.fragmentsMoved++;
      else if (outcome === 'isolated' && planarArea(topo, part) < maxGapArea / 10) report.specksDropped++;
      else {
        kept.push(part);
        report.islandsKept++;
      }
    }
    setPolygons(g, kept);
  }
  return report;
}
