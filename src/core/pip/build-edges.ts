import type { FlatPolygons } from './flatten-polygons.ts';

/** Build phase 1: the polygons' extent and their edges, each with the part it bounds. */
export interface Edges {
  /** The feature each part belongs to. */
  readonly partFeature: Int32Array;
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Edge e runs from vertex edgeStart[e] to the next one of its (closed) ring. */
  readonly edgeStart: Uint32Array;
  readonly edgePart: Int32Array;
  readonly edgeCount: number;
}

/** Zero-length edges are dropped: they never cross anything. */
export function collectEdges(flat: FlatPolygons): Edges {
  const { vertices: vx, ringStart, partRingStart, featurePartStart } = flat;
  const featureCount = featurePartStart.length - 1;
  const partCount = partRingStart.length - 1;
  const partFeature = new Int32Array(partCount);
  for (let f = 0; f < featureCount; f++) {
    for (let p = featurePartStart[f]!; p < featurePartStart[f + 1]!; p++) partFeature[p] = f;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const vertexCount = vx.length >> 1;
  for (let v = 0; v < vertexCount; v++) {
    const x = vx[2 * v]!;
    const y = vx[2 * v + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const edgeStart = new Uint32Array(vertexCount);
  const edgePart = new Int32Array(edgeStart.length);
  let edgeCount = 0;
  for (let p = 0; p < partCount; p++) {
    for (let r = partRingStart[p]!; r < partRingStart[p + 1]!; r++) {
      const s = ringStart[r]!;
      const e = ringStart[r + 1]!;
      if (e > s && (vx[2 * s] !== vx[2 * e - 2] || vx[2 * s + 1] !== vx[2 * e - 1])) {
        throw new Error(`buildJoinIndex: ring ${r} is not closed (FlatPolygons rings repeat their first vertex)`);
      }
      for (let v = s; v + 1 < e; v++) {
        if (vx[2 * v] === vx[2 * v + 2] && vx[2 * v + 1] === vx[2 * v + 3]) continue;
        edgeStart[edgeCount] = v;
        edgePart[edgeCount++] = p;
      }
    }
  }
  return { partFeature, minX, minY, maxX, maxY, edgeStart, edgePart, edgeCount };
}
