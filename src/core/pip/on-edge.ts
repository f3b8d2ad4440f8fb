/**
 * Is a point exactly on a township edge? The audit lists such incidents with the township the
 * border rule (data/JOIN.md) placed them in: on a north–south or slanted edge, the township just
 * east of the point; on an east–west edge, the one just north. A uniform grid of edge boxes, and the
 * exact orientation predicate, so "exactly on" means exactly, not "within a tolerance".
 */
import type { FlatPolygons } from './flatten-polygons.ts';
import { orientSign } from './predicates.ts';

export interface EdgeGrid {
  readonly vertices: Float64Array;
  /** First vertex of each edge (the edge runs to the next vertex of its ring). */
  readonly edges: Uint32Array;
  readonly cellStart: Uint32Array;
  readonly cellEdges: Uint32Array;
  readonly x0: number;
  readonly y0: number;
  readonly cw: number;
  readonly ch: number;
  readonly nx: number;
  readonly ny: number;
}

export function buildEdgeGrid(flat: FlatPolygons): EdgeGrid {
  const { vertices, ringStart } = flat;
  const list: number[] = [];
  for (let r = 0; r + 1 < ringStart.length; r++) for (let v = ringStart[r]!; v + 1 < ringStart[r + 1]!; v++) list.push(v);
  const edges = Uint32Array.from(list);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < vertices.length; i += 2) {
    x0 = Math.min(x0, vertices[i]!);
    x1 = Math.max(x1, vertices[i]!);
    y0 = Math.min(y0, vertices[i + 1]!);
    y1 = Math.max(y1, vertices[i + 1]!);
  }
  // About four edges per cell, at most 2048 cells a side.
  const side = Math.max(1, Math.min(2048, Math.ceil(Math.sqrt(edges.length / 4))));
  const cw = (x1 - x0) / side || 1;
  const ch = (y1 - y0) / side || 1;
  const grid = { vertices, edges, x0, y0, cw, ch, nx: side, ny: side };
  const counts = new Uint32Array(side * side + 1);
  const visit = (e: number, f: (cell: number) => void): void => {
    const v = edges[e]! * 2;
    const [i0, i1] = span(grid, Math.min(vertices[v]!, vertices[v + 2]!), Math.max(vertices[v]!, vertices[v + 2]!), 'x');
    const [j0, j1] = span(grid, Math.min(vertices[v + 1]!, vertices[v + 3]!), Math.max(vertices[v + 1]!, vertices[v + 3]!), 'y');
    for (let j = j0; j <= j1; j++) for (let i = i0; i <= i1; i++) f(j * side + i);
  };
  for (let e = 0; e < edges.length; e++) visit(e, (c) => counts[c + 1]!++);
  for (let c = 0; c < side * side; c++) counts[c + 1]! += counts[c]!;
  const cellEdges = new Uint32Array(counts[side * side]!);
  const fill = counts.slice(0, side * side);
  for (let e = 0; e < edges.length; e++) visit(e, (c) => (cellEdges[fill[c]!++] = e));
  return { ...grid, cellStart: counts, cellEdges };
}

function cellOf(g: Pick<EdgeGrid, 'x0' | 'y0' | 'cw' | 'ch' | 'nx' | 'ny'>, value: number, axis: 'x' | 'y'): number {
  const n = axis === 'x' ? g.nx : g.ny;
  const c = Math.floor((value - (axis === 'x' ? g.x0 : g.y0)) / (axis === 'x' ? g.cw : g.ch));
  return Math.min(n - 1, Math.max(0, c));
}

function span(g: Pick<EdgeGrid, 'x0' | 'y0' | 'cw' | 'ch' | 'nx' | 'ny'>, lo: number, hi: number, axis: 'x' | 'y'): [number, number] {
  return [cellOf(g, lo, axis), cellOf(g, hi, axis)];
}

/** 'north' on an east–west edge, 'east' on any other, null when the point is on no edge. */
export function edgeRuleAt(g: EdgeGrid, x: number, y: number): 'east' | 'north' | null {
  if (x < g.x0 || y < g.y0 || x > g.x0 + g.cw * g.nx || y > g.y0 + g.ch * g.ny) return null;
  const c = cellOf(g, y, 'y') * g.nx + cellOf(g, x, 'x');
  const V = g.vertices;
  let rule: 'east' | 'north' | null = null;
  for (let k = g.cellStart[c]!; k < g.cellStart[c + 1]!; k++) {
    const v = g.edges[g.cellEdges[k]!]! * 2;
    const ax = V[v]!;
    const ay = V[v + 1]!;
    const bx = V[v + 2]!;
    const by = V[v + 3]!;
    if (x < Math.min(ax, bx) || x > Math.max(ax, bx) || y < Math.min(ay, by) || y > Math.max(ay, by)) continue;
    if (orientSign(ax, ay, bx, by, x, y) !== 0) continue;
    // At a vertex where a slanted and an east–west edge meet, the east rule decides first (JOIN.md).
    if (ay !== by) return 'east';
    rule = 'north';
  }
  return rule;
}
