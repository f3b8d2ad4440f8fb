/**
 * The point-in-polygon join index: a uniform grid over the polygons' extent, all in flat typed
 * arrays so it can be built in a worker, serialized into one ArrayBuffer (see serialize-index.ts),
 * transferred and cached. See build-index.ts for the layout and the border rule.
 */
export interface JoinIndex {
  /** Number of input features (townships); the join returns indices 0 .. featureCount−1. */
  readonly featureCount: number;
  /** Number of polygon parts (a MultiPolygon contributes one per polygon). */
  readonly partCount: number;
  /** Bounding box of all vertices; the grid covers [minX, maxX) × [minY, maxY). */
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** Grid columns and rows. */
  readonly nx: number;
  readonly ny: number;
  /** Cell size; column i spans [minX + i·cellW, minX + (i+1)·cellW), row j likewise with cellH. */
  readonly cellW: number;
  readonly cellH: number;
  /** nx / (maxX − minX) and ny / (maxY − minY): the cell of a point is floor((x − minX)·invW). */
  readonly invW: number;
  readonly invH: number;
  /**
   * The word of each top-level cell (below), stored as a 16-bit code per cell, row-major
   * (`j·nx + i`): a code c ≤ `directCodes` is the word c − 1 itself (−1 outside, else a feature
   * below `directCodes`); a larger code stands for `rowWord[rowWordStart[j] + c − directCodes − 1]`.
   * Words: ≥ 0 the cell lies wholly inside that feature; −1 wholly outside every polygon; ≤ −2
   * the cell is mixed: with v = −2 − word and o = v >> 1 (an offset into `nodes`), an even v is a
   * leaf, an odd v a child block. Words inside blocks use the same encoding. (Two bytes a cell
   * instead of four: a uniformly random point's first access is a cache miss on large grids, and
   * halving the grid keeps far more of it in cache; only mixed cells pay a second, small lookup.)
   */
  readonly cellCode: Uint16Array;
  /** min(featureCount, 65535 − nx): the codes 0 .. directCodes are words themselves. */
  readonly directCodes: number;
  /** Per row (ny + 1 entries), where its indirect words start in `rowWord`. */
  readonly rowWordStart: Uint32Array;
  /** The words of mixed cells (and of pure cells of features ≥ directCodes), row by row, west to east. */
  readonly rowWord: Int32Array;
  /**
   * Leaves and child blocks, int32, each contiguous (one cache miss, then sequential reads):
   * - block at o: s, then the s·s words of its sub-cells, row-major. Its geometry is not stored:
   *   for a cell [x0, x0 + w) × [y0, y0 + h) the sub-cell (si, sj) is
   *   [x0 + si·(w/s), x0 + (si+1)·(w/s)) × [y0 + sj·(h/s), …), found as floor((x − x0)·(s/w)); the
   *   query recomputes these with exactly the build's expressions, so both agree to the bit.
   * - leaf at o: corner, n, then the n edges (the index v of the edge's first vertex in `vertices`:
   *   the edge runs from vertex v to v + 1), then the n parts of those edges. `corner` is the set
   *   of parts containing the cell's south-east corner (perturbed by (+ε, +ε²)): ≥ 0 that part,
   *   −1 none, ≤ −2 the set −2 − corner in setStart/setParts (only when polygons overlap).
   */
  readonly nodes: Int32Array;
  /**
   * All ring vertices, interleaved lon, lat, every ring closed (its first vertex repeated): the
   * `vertices` of the FlatPolygons the index was built from (shared, not copied).
   */
  readonly vertices: Float64Array;
  /** The feature each part belongs to. */
  readonly partFeature: Int32Array;
  /** Multi-part corner sets (overlapping polygons only), CSR. */
  readonly setStart: Uint32Array;
  readonly setParts: Int32Array;
  /** Number of leaves, blocks and leaf edges (statistics). */
  readonly leafCount: number;
  readonly blockCount: number;
  readonly entryCount: number;
  /** Largest number of entries in one record and largest corner set: sizes the per-call scratch. */
  readonly maxRecordEntries: number;
  readonly maxSetSize: number;
  /** Feature identifiers (e.g. township codes), or null when not given. */
  readonly codes: readonly string[] | null;
}

/** Summary numbers about an index, for logs and benchmarks. */
export interface JoinIndexStats {
  readonly features: number;
  readonly parts: number;
  readonly cells: number;
  readonly blocks: number;
  readonly leaves: number;
  readonly entries: number;
  readonly overlapSets: number;
  readonly bytes: number;
}

/** Size and shape of an index. */
export function describeJoinIndex(index: JoinIndex): JoinIndexStats {
  const bytes =
    index.cellCode.byteLength +
    index.rowWordStart.byteLength +
    index.rowWord.byteLength +
    index.nodes.byteLength +
    index.vertices.byteLength +
    index.partFeature.byteLength +
    index.setStart.byteLength +
    index.setParts.byteLength;
  return {
    features: index.featureCount,
    parts: index.partCount,
    cells: index.nx * index.ny,
    blocks: index.blockCount,
    leaves: index.leafCount,
    entries: index.entryCount,
    overlapSets: index.setStart.length - 1,
    bytes,
  };
}
