/**
 * Removes the self-crossings quantization leaves in a township topology. Snapping to the grid moves
 * each vertex by up to half a grid step (~2.5 m for Zhejiang at 1e5), which can put a vertex beside a
 * long straight border on its far side: a sliver where the outline crosses itself, which the app's
 * boundary rules (src/core/boundaries/check-rings.ts) rightly refuse. The repair drops one vertex of
 * a crossing edge that lies inside an arc (never an arc end, so every township sharing the arc moves
 * with it and no gap opens), keeping a drop only if every township using the arc is then clean.
 * The check is the app's own polygonProblem on the decoded coordinates, so what passes here passes
 * `parseBoundaries`.
 */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { polygonProblem } from '../../src/core/boundaries/check-rings.ts';
import { orientSign } from '../../src/core/pip/predicates.ts';

type PolygonArcs = number[][];
type Geometry = { type: string; arcs: unknown; properties?: { code?: string } };
type Arc = number[][];

const arcId = (a: number): number => (a < 0 ? ~a : a);
const polygonsOf = (g: Geometry): PolygonArcs[] => (g.type === 'Polygon' ? [g.arcs as PolygonArcs] : g.type === 'MultiPolygon' ? (g.arcs as PolygonArcs[]) : []);

/** Arc in absolute (quantized) coordinates and back, for delta-encoded topologies. */
function absolute(topo: Topology, arc: Arc): Arc {
  if (!topo.transform) return arc.map((p) => [...p]);
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => [(x += dx!), (y += dy!)]);
}
function encode(topo: Topology, arc: Arc): Arc {
  if (!topo.transform) return arc;
  let x = 0;
  let y = 0;
  return arc.map(([ax, ay]) => {
    const d = [ax! - x, ay! - y];
    x = ax!;
    y = ay!;
    return d;
  });
}

function polygonCoords(topo: Topology, polygon: PolygonArcs): number[][][] {
  return (feature(topo, { type: 'Polygon', arcs: polygon } as never) as unknown as { geometry: { coordinates: number[][][] } }).geometry.coordinates;
}

function clean(topo: Topology, g: Geometry): boolean {
  return polygonsOf(g).every((p) => polygonProblem(polygonCoords(topo, p), 'township') === null);
}

/** Ring vertex k → the arc it comes from and its index there (as the ring is stitched: each later arc drops its first point). */
function ringVertices(topo: Topology, ring: number[]): { arc: number; index: number; interior: boolean }[] {
  const out: { arc: number; index: number; interior: boolean }[] = [];
  ring.forEach((a, r) => {
    const id = arcId(a);
    const n = topo.arcs[id]!.length;
    for (let i = r === 0 ? 0 : 1; i < n; i++) {
      const index = a < 0 ? n - 1 - i : i;
      out.push({ arc: id, index, interior: index > 0 && index < n - 1 });
    }
  });
  return out;
}

/** Vertex pairs (ring, k) of the edges that cross properly, at most a few, for the first crossing polygon. */
function crossingVertices(coords: number[][][]): [number, number][] {
  const edges: { r: number; k: number }[] = [];
  coords.forEach((ring, r) => {
    for (let k = 0; k + 1 < ring.length; k++) edges.push({ r, k });
  });
  const at = (e: { r: number; k: number }, d: number): number[] => coords[e.r]![e.k + d]!;
  const out: [number, number][] = [];
  for (let i = 0; i < edges.length && out.length < 8; i++) {
    const [ax, ay] = at(edges[i]!, 0) as [number, number];
    const [bx, by] = at(edges[i]!, 1) as [number, number];
    for (let j = i + 1; j < edges.length; j++) {
      const [cx, cy] = at(edges[j]!, 0) as [number, number];
      const [dx, dy] = at(edges[j]!, 1) as [number, number];
      if (Math.max(cx, dx) < Math.min(ax, bx) || Math.min(cx, dx) > Math.max(ax, bx) || Math.max(cy, dy) < Math.min(ay, by) || Math.min(cy, dy) > Math.max(ay, by)) continue;
      if (orientSign(ax, ay, bx, by, cx, cy) * orientSign(ax, ay, bx, by, dx, dy) >= 0) continue;
      if (orientSign(cx, cy, dx, dy, ax, ay) * orientSign(cx, cy, dx, dy, bx, by) >= 0) continue;
      for (const e of [edges[i]!, edges[j]!]) out.push([e.r, e.k], [e.r, e.k + 1]);
    }
  }
  return out;
}

export interface CrossingRepair {
  /** Vertices dropped. */
  readonly removed: number;
  /** Codes of townships still crossing (none after a successful repair). */
  readonly unrepaired: string[];
}

export function repairCrossings(topo: Topology, objectName: string): CrossingRepair {
  const geometries = (topo.objects[objectName] as GeometryCollection).geometries as unknown as Geometry[];
  const users = new Map<number, Geometry[]>();
  for (const g of geometries) for (const p of polygonsOf(g)) for (const a of new Set(p.flat().map(arcId))) users.set(a, [...(users.get(a) ?? []), g]);

  let removed = 0;
  const unrepaired: string[] = [];
  for (const g of geometries) {
    for (let guard = 0; guard < 50 && !clean(topo, g); guard++) {
      let fixed = false;
      for (const polygon of polygonsOf(g)) {
        const coords = polygonCoords(topo, polygon);
        if (polygonProblem(coords, 'township') === null) continue;
        const vertices = polygon.map((ring) => ringVertices(topo, ring));
        for (const [r, k] of crossingVertices(coords)) {
          const v = vertices[r]![k]!;
          if (!v.interior) continue;
          const before = topo.arcs[v.arc]!;
          const abs = absolute(topo, before);
          abs.splice(v.index, 1);
          topo.arcs[v.arc] = encode(topo, abs);
          if ((users.get(v.arc) ?? []).every((u) => u === g || clean(topo, u)) && crossingVertices(polygonCoords(topo, polygon)).length < crossingVertices(coords).length) {
            removed++;
            fixed = true;
            break;
          }
          topo.arcs[v.arc] = before;
        }
        if (fixed) break;
      }
      if (!fixed) break;
    }
    if (!clean(topo, g)) unrepaired.push(g.properties?.code ?? '?');
  }
  return { removed, unrepaired };
}
