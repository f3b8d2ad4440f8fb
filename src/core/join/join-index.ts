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
   * Cell words: the nx·ny top-level cells row-major (`j·nx + i`), followed by the words of the
   * child blocks. A word ≥ 0: the cell lies wholly inside that feature; −1: wholly outside every
   * polygon; ≤ −2: with v = −2 − word, an even v is the leaf record v/2 (edges to test), an odd v
   * the child block (v−1)/2 (a finer grid over the cell).
   */
  readonly cellWord: Int32Array;
  /** Child block b: its s×s words start at `blockWordStart[b]` in cellWord, s = `blockDim[b]`. */
  readonly blockWordStart: Uint32Array;
  readonly blockDim: Uint32Array;
  /** Child block b geometry, 6 doubles: x0, y0, sub-cell width, height, s/width, s/height. */
  readonly blockGeom: Float64Array;
  /** Record r owns the entries `recStart[r] .. recStart[r+1]` (length recordCount + 1). */
  readonly recStart: Uint32Array;
  /**
   * Parts containing the reference corner of record r's cell (its south-east corner, perturbed by
   * (+ε, +ε²)): ≥ 0 exactly that part, −1 none, ≤ −2 the set `−2 − value` in setStart/setParts
   * (only when polygons overlap).
   */
  readonly recCorner: Int32Array;
  /** Edge copies of each record, 4 doubles each: x1, y1, x2, y2. */
  readonly entryCoords: Float64Array;
  /** The part each entry belongs to. */
  readonly entryPart: Int32Array;
  /** The feature each part belongs to. */
  readonly partFeature: Int32Array;
  /** Multi-part corner sets (overlapping polygons only), CSR. */
  readonly setStart: Uint32Array;
  readonly setParts: Int32Array;
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
  readonly records: number;
  readonly entries: number;
  readonly overlapSets: number;
  readonly bytes: number;
}

/** Size and shape of an index. */
export function describeJoinIndex(index: JoinIndex): JoinIndexStats {
  const bytes =
    index.cellWord.byteLength +
    index.blockWordStart.byteLength +
    index.blockDim.byteLength +
    index.blockGeom.byteLength +
    index.recStart.byteLength +
    index.recCorner.byteLength +
    index.entryCoords.byteLength +
    index.entryPart.byteLength +
    index.partFeature.byteLength +
    index.setStart.byteLength +
    index.setParts.byteLength;
  return {
    features: index.featureCount,
    parts: index.partCount,
    cells: index.nx * index.ny,
    blocks: index.blockDim.length,
    records: index.recCorner.length,
    entries: index.entryPart.length,
    overlapSets: index.setStart.length - 1,
    bytes,
  };
}
