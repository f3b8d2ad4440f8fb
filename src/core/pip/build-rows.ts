import type { Edges } from './build-edges.ts';
import type { GridPlan } from './build-grid.ts';
import { crossedRows, edgeSpan, firstCorner } from './grid-geometry.ts';

/** Build phase 3: every (column, edge) pair of an edge and a cell it touches, grouped by row. */
export interface RowPairs {
  /** Row j's pairs are rowPairStart[j] … rowPairStart[j + 1] − 1. */
  readonly rowPairStart: Uint32Array;
  readonly pairCol: Uint16Array | Uint32Array;
  readonly pairEdge: Uint32Array;
}

/** Each edge goes into every cell its segment touches (cells widened by MARGIN): count per row, then fill in row order. */
export function bucketEdgesByRow(vx: Float64Array, edges: Edges, plan: GridPlan): RowPairs {
  const { edgeStart, edgeCount } = edges;
  const { nx, ny, grid } = plan;
  const span = new Int32Array(3 * ny + 3);
  const rowPairStart = new Uint32Array(ny + 1);
  for (let e = 0; e < edgeCount; e++) {
    const rows = edgeSpan(vx, 2 * edgeStart[e]!, grid, nx, ny, span);
    for (let t = 0; t < rows; t++) rowPairStart[span[3 * t]! + 1]! += span[3 * t + 2]! - span[3 * t + 1]! + 1;
  }
  for (let j = 0; j < ny; j++) rowPairStart[j + 1]! += rowPairStart[j]!;
  const pairCount = rowPairStart[ny]!;
  // columns fit in 16 bits for any grid up to 65,535 columns (a saving of 2 bytes per pair)
  const pairCol = nx <= 0xffff ? new Uint16Array(pairCount) : new Uint32Array(pairCount);
  const pairEdge = new Uint32Array(pairCount);
  const fill = rowPairStart.slice(0, ny);
  for (let e = 0; e < edgeCount; e++) {
    const rows = edgeSpan(vx, 2 * edgeStart[e]!, grid, nx, ny, span);
    for (let t = 0; t < rows; t++) {
      const j = span[3 * t]!;
      let k = fill[j]!;
      for (let i = span[3 * t + 1]!; i <= span[3 * t + 2]!; i++) {
        pairCol[k] = i;
        pairEdge[k++] = e;
      }
      fill[j] = k;
    }
  }
  return { rowPairStart, pairCol, pairEdge };
}

/**
 * Build phase 4: the crossings of every grid row line y = minY + j·cellH, each with the first
 * corner (xr_i = minX + (i+1)·cellW, yb_j) it counts for (a crossing counts for corner i when it
 * is not strictly east of xr_i) and the part of its edge; grouped by row.
 */
export interface RowCrossings {
  readonly rowCrossStart: Uint32Array;
  readonly crossCol: Uint16Array | Uint32Array;
  readonly crossPart: Int32Array;
}

export function bucketCrossingsByRow(vx: Float64Array, edges: Edges, plan: GridPlan): RowCrossings {
  const { edgeStart, edgePart, edgeCount } = edges;
  const { nx, ny, grid } = plan;
  const span = new Int32Array(3 * ny + 3);
  const q2 = new Float64Array(2);
  const rowCrossStart = new Uint32Array(ny + 1);
  for (let e = 0; e < edgeCount; e++) {
    const rows = crossedRows(vx, 2 * edgeStart[e]!, grid, ny, span);
    for (let t = 0; t < rows; t++) rowCrossStart[span[t]! + 1]!++;
  }
  for (let j = 0; j < ny; j++) rowCrossStart[j + 1]! += rowCrossStart[j]!;
  const crossCol = nx < 0xffff ? new Uint16Array(rowCrossStart[ny]!) : new Uint32Array(rowCrossStart[ny]!);
  const crossPart = new Int32Array(crossCol.length);
  const fill = rowCrossStart.slice(0, ny);
  for (let e = 0; e < edgeCount; e++) {
    const v = 2 * edgeStart[e]!;
    const rows = crossedRows(vx, v, grid, ny, span);
    for (let t = 0; t < rows; t++) {
      const j = span[t]!;
      const k = fill[j]!++;
      crossCol[k] = firstCorner(vx, v, grid, nx, j, q2);
      crossPart[k] = edgePart[e]!;
    }
  }
  return { rowCrossStart, crossCol, crossPart };
}
