import type { Edges } from './build-edges.ts';
import type { GridPlan } from './build-grid.ts';
import type { RowCrossings, RowPairs } from './build-rows.ts';
import { growI32, GrowI32 } from './grow.ts';
import { NodeWriter, type NodeOptions } from './node-writer.ts';

/** Build phase 5: the top-level cells' words, and the leaves and blocks of the mixed cells. */
export interface SweptCells {
  readonly cellCode: Uint16Array;
  readonly directCodes: number;
  readonly rowWordStart: Uint32Array;
  readonly rowWord: Int32Array;
  readonly nodes: NodeWriter;
}

/**
 * Sweep each row west → east: corner sets; pure cells get their feature, mixed cells a node.
 * Words are stored as 16-bit cell codes (join-index.ts): half the bytes of int32 words, which is
 * what keeps the national grid's random lookups mostly in the last-level cache.
 */
export function sweepRows(
  vx: Float64Array,
  edges: Edges,
  plan: GridPlan,
  pairs: RowPairs,
  crossings: RowCrossings,
  featureCount: number,
  nodeOptions: NodeOptions,
): SweptCells {
  const { edgeStart, edgePart, partFeature, minX, minY } = edges;
  const { nx, ny, cellW, cellH } = plan;
  const { rowPairStart, pairCol, pairEdge } = pairs;
  const { rowCrossStart, crossCol, crossPart } = crossings;
  const cellCount = nx * ny;
  const cellCode = new Uint16Array(cellCount);
  const directCodes = Math.min(featureCount, 0xffff - nx);
  const mixedCells = countMixedCells(pairs, nx, ny);
  // (about 3.5 words per pair on the national set once blocks are counted: sized so that the
  // buffer rarely grows, since every large allocation brings the next full GC closer)
  const out = new NodeWriter(vx, edgeStart, edgePart, partFeature, 2 * mixedCells + Math.ceil(3.6 * pairCol.length) + 1024, nodeOptions);
  let maxRowPairs = 0;
  let maxRowCross = 0;
  for (let j = 0; j < ny; j++) {
    maxRowPairs = Math.max(maxRowPairs, rowPairStart[j + 1]! - rowPairStart[j]!);
    maxRowCross = Math.max(maxRowCross, rowCrossStart[j + 1]! - rowCrossStart[j]!);
  }
  const colStart = new Uint32Array(nx + 2);
  const cornerStart = new Uint32Array(nx + 2);
  const rowEdges = new Uint32Array(maxRowPairs);
  const rowParts = new Int32Array(maxRowCross);
  const geom = new Float64Array(5);
  let cur: Int32Array = new Int32Array(16);
  const rowWordStart = new Uint32Array(ny + 1);
  const rowWord = new GrowI32(mixedCells + 16);
  for (let j = 0; j < ny; j++) {
    rowWordStart[j] = rowWord.n;
    // counting sorts of the row's pairs by column and crossings by corner (offsets shifted by one:
    // after the fill, colStart[i + 1] is where column i starts)
    colStart.fill(0);
    const p0 = rowPairStart[j]!;
    const p1 = rowPairStart[j + 1]!;
    for (let k = p0; k < p1; k++) colStart[pairCol[k]! + 2]!++;
    for (let i = 0; i < nx; i++) colStart[i + 2]! += colStart[i + 1]!;
    for (let k = p0; k < p1; k++) rowEdges[colStart[pairCol[k]! + 1]!++] = pairEdge[k]!;
    cornerStart.fill(0);
    const c0 = rowCrossStart[j]!;
    const c1 = rowCrossStart[j + 1]!;
    for (let k = c0; k < c1; k++) cornerStart[crossCol[k]! + 2]!++;
    for (let i = 0; i < nx; i++) cornerStart[i + 2]! += cornerStart[i + 1]!;
    for (let k = c0; k < c1; k++) rowParts[cornerStart[crossCol[k]! + 1]!++] = crossPart[k]!;
    let n = 0;
    const yb = minY + j * cellH;
    for (let i = 0; i < nx; i++) {
      for (let k = cornerStart[i]!; k < cornerStart[i + 1]!; k++) {
        const part = rowParts[k]!;
        let t = 0;
        while (t < n && cur[t] !== part) t++;
        if (t < n) cur[t] = cur[--n]!;
        else {
          if (n === cur.length) cur = growI32(cur);
          cur[n++] = part;
        }
      }
      const es = colStart[i]!;
      const ee = colStart[i + 1]!;
      let word: number;
      if (es === ee) word = n === 0 ? -1 : n === 1 ? partFeature[cur[0]!]! : out.pureWord(cur, n);
      else {
        geom[0] = minX + i * cellW;
        geom[1] = yb;
        geom[2] = cellW;
        geom[3] = cellH;
        geom[4] = minX + (i + 1) * cellW;
        word = out.node(cur, n, rowEdges, es, ee, geom, 0);
      }
      if (word >= -1 && word < directCodes) cellCode[j * nx + i] = word + 1;
      else {
        cellCode[j * nx + i] = directCodes + 1 + rowWord.n - rowWordStart[j]!;
        rowWord.push(word);
      }
    }
  }
  rowWordStart[ny] = rowWord.n;

  return { cellCode, directCodes, rowWordStart, rowWord: rowWord.done(), nodes: out };
}

/** Mixed top-level cells (distinct row/column pairs), to size the leaf buffer once. */
function countMixedCells(pairs: RowPairs, nx: number, ny: number): number {
  const { rowPairStart, pairCol } = pairs;
  let mixedCells = 0;
  const stamp = new Int32Array(nx).fill(-1);
  for (let j = 0; j < ny; j++) {
    for (let k = rowPairStart[j]!; k < rowPairStart[j + 1]!; k++) {
      const i = pairCol[k]!;
      if (stamp[i] !== j) {
        stamp[i] = j;
        mixedCells++;
      }
    }
  }
  return mixedCells;
}
