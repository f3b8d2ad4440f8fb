import type { Edges } from './build-edges.ts';
import { absoluteMargin, MARGIN } from './grid-geometry.ts';

const DEFAULT_MAX_CELLS = 1 << 23;
/** Keeps a row's indirect cell codes (at most one per column) within 16 bits beside the direct ones. */
const MAX_COLUMNS = 1 << 15;

/** Build phase 2: the top-level grid over the extent. */
export interface GridPlan {
  readonly nx: number;
  readonly ny: number;
  readonly cellW: number;
  readonly cellH: number;
  readonly invW: number;
  readonly invH: number;
  /** Margin below which coordinate rounding could move a point across a cell border. */
  readonly absMargin: number;
  /** The grid as grid-geometry.ts wants it: [minX, minY, cellW, cellH, invW, invH, margin x, margin y]. */
  readonly grid: Float64Array;
}

/**
 * 16 cells per edge for small sets (a finer grid puts fewer random points in mixed cells, and with
 * 2-byte cells Zhejiang's grid still stays within a few MB); the cell budget grows more slowly
 * past 250,000 edges, where build time and memory start to matter more.
 */
function defaultCells(edges: number): number {
  return edges <= 250_000 ? 16 * edges : 4_000_000 + 2 * (edges - 250_000);
}

export function planGrid(edges: Edges, options: { readonly cellsPerEdge?: number; readonly maxCells?: number }): GridPlan {
  const { minX, minY, maxX, maxY, edgeCount } = edges;
  const width = maxX - minX;
  const height = maxY - minY;
  let nx = 1;
  let ny = 1;
  if (edgeCount > 0 && width > 0 && height > 0) {
    const maxCells = Math.max(1, Math.floor(options.maxCells ?? DEFAULT_MAX_CELLS));
    const wanted = options.cellsPerEdge === undefined ? defaultCells(edgeCount) : edgeCount * options.cellsPerEdge;
    const target = Math.max(1, Math.min(maxCells, Math.round(wanted)));
    nx = Math.max(1, Math.min(MAX_COLUMNS, Math.round(Math.sqrt((target * width) / height))));
    ny = Math.max(1, Math.floor(target / nx));
    if (nx * ny > maxCells) nx = Math.max(1, Math.floor(maxCells / ny));
  }
  const cellW = width > 0 ? width / nx : 1;
  const cellH = height > 0 ? height / ny : 1;
  const invW = width > 0 ? nx / width : 0;
  const invH = height > 0 ? ny / height : 0;
  const absMargin = absoluteMargin(minX, minY, maxX, maxY);
  const grid = Float64Array.of(minX, minY, cellW, cellH, invW, invH, Math.max(cellW * MARGIN, absMargin), Math.max(cellH * MARGIN, absMargin));
  return { nx, ny, cellW, cellH, invW, invH, absMargin, grid };
}
