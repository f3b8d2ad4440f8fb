/**
 * # Building the point-in-polygon join index
 *
 * ## Border rule (fixed; the same in every code path)
 *
 * A point (x, y) belongs to the polygon that contains the point (x + ε, y + ε²) for an
 * infinitesimally small ε > 0 — "the township immediately to its east; on an east–west edge, the
 * one immediately to its north". Equivalently, it is the classic half-open crossing-number test
 * with a ray cast due east: an edge counts when exactly one endpoint is strictly north of the point
 * (`(y1 > y) !== (y2 > y)`) and it crosses the ray strictly east of the point, all decided with
 * exact arithmetic (predicates.ts). Consequences:
 * - A point strictly inside a polygon, or strictly outside all, gets the same answer as Turf's
 *   `booleanPointInPolygon` (even–odd rule, holes honoured).
 * - A point on an edge shared by two townships (or on a vertex shared by several) lands in exactly
 *   one of them: the one east of it (north of it for an east–west edge; for a vertex, the one
 *   containing the directions just north of due east). Turf says "inside" for all of them.
 * - Points on the city's outer boundary: they belong to the city exactly when the city lies
 *   immediately to their east (north for an east–west edge), so points on the west and south
 *   sides of the boundary are in, points on the east and north sides are out (−1). The same rule
 *   applies at the edge of a hole. Points with x ≥ maxX or y ≥ maxY of all vertices, NaN or ±∞
 *   are outside.
 * - Polygons should not overlap (township partitions do not). If they do, a point covered by
 *   several features is given the lowest feature index (like turf.tag's first match); parts of one
 *   MultiPolygon are tested separately, so overlapping parts do not cancel out.
 *
 * ## Index layout (join-index.ts has the field-by-field description)
 *
 * A uniform grid of nx × ny cells over the extent, about `cellsPerEdge` cells per edge. Each cell
 * is either *pure* — no edge comes near it, so it lies wholly inside one feature or wholly
 * outside — and its word is the answer, or it is *mixed*. Words are stored as 16-bit cell codes
 * (`cellCode`): the word itself for pure cells, an index into the row's `rowWord` entries for
 * mixed cells (and for features past 65,535 − nx). A mixed cell with few edges
 * is a *leaf*: the list of every edge that touches the cell (closed rectangle, widened by a hair),
 * as references into the shared ring vertices, with the part each edge belongs to, and the set of
 * parts containing the cell's south-east corner R = (xr, yb) under the same ε-perturbation. A mixed
 * cell with many edges becomes a *block*: a finer s × s grid over the cell whose sub-cells are
 * pure, leaves or blocks again. For a point P in a leaf, the path P → Q = (xr, py) → R runs inside
 * the cell; the parts containing P are the parts containing R toggled by every edge crossing that
 * path (crossings decided exactly, with the same tie rules), so no edge outside the cell is needed.
 * Top-level corner sets are computed by sweeping each grid row line from the west and toggling at
 * every edge crossing (bucketed by corner); block corners from the parent leaf's data. No
 * per-corner point-in-polygon test is ever run.
 */
import type { Feature, Geometry } from 'geojson';
import { collectEdges } from './build-edges.ts';
import { planGrid } from './build-grid.ts';
import { bucketCrossingsByRow, bucketEdgesByRow } from './build-rows.ts';
import { sweepRows } from './build-sweep.ts';
import { flattenPolygons, type FlatPolygons } from './flatten-polygons.ts';
import type { JoinIndex } from './join-index.ts';

export interface BuildJoinIndexOptions {
  /**
   * Target top-level grid cells per polygon edge (default 16 up to 250,000 edges, tapering to 2 for
   * millions). More cells: faster joins, more memory, slower builds.
   */
  readonly cellsPerEdge?: number;
  /** Upper bound on the number of top-level grid cells (default 2^23). */
  readonly maxCells?: number;
  /** Mixed cells with more edges than this are split into a finer child grid (default 12). */
  readonly leafMaxEntries?: number;
  /** Maximum nesting of child grids (default 3). */
  readonly maxDepth?: number;
  /** Feature identifiers to store in the index (default: the codes of the input). */
  readonly codes?: readonly string[];
}

const DEFAULT_LEAF_MAX_ENTRIES = 12;
const DEFAULT_MAX_DEPTH = 3;

/**
 * Build the join index from GeoJSON Polygon/MultiPolygon features (the result's feature indices
 * are positions in `polygons`) or from {@link FlatPolygons}. The phases, one file each: edges and
 * extent (build-edges.ts), the grid (build-grid.ts), edges and row-line crossings bucketed by row
 * (build-rows.ts), the west → east sweep that writes cells, leaves and blocks (build-sweep.ts,
 * node-writer.ts).
 */
export function buildJoinIndex(
  polygons: readonly Feature<Geometry | null>[] | FlatPolygons,
  options: BuildJoinIndexOptions = {},
): JoinIndex {
  const flat: FlatPolygons = isFlat(polygons) ? polygons : flattenPolygons(polygons);
  const vx = flat.vertices;
  const featureCount = flat.featurePartStart.length - 1;
  const partCount = flat.partRingStart.length - 1;
  const codes = options.codes ?? flat.codes ?? null;
  const edges = collectEdges(flat);
  const plan = planGrid(edges, options);
  const pairs = bucketEdgesByRow(vx, edges, plan);
  const crossings = bucketCrossingsByRow(vx, edges, plan);
  const cells = sweepRows(vx, edges, plan, pairs, crossings, featureCount, {
    leafMaxEntries: options.leafMaxEntries ?? DEFAULT_LEAF_MAX_ENTRIES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    absMargin: plan.absMargin,
  });
  if (codes !== null && codes.length !== featureCount) {
    throw new Error(`buildJoinIndex: ${codes.length} codes given for ${featureCount} features`);
  }
  const out = cells.nodes;
  return {
    featureCount,
    partCount,
    minX: edges.minX,
    minY: edges.minY,
    maxX: edges.maxX,
    maxY: edges.maxY,
    nx: plan.nx,
    ny: plan.ny,
    cellW: plan.cellW,
    cellH: plan.cellH,
    invW: plan.invW,
    invH: plan.invH,
    cellCode: cells.cellCode,
    directCodes: cells.directCodes,
    rowWordStart: cells.rowWordStart,
    rowWord: cells.rowWord,
    nodes: out.nodes.done(),
    vertices: vx,
    partFeature: edges.partFeature,
    setStart: out.setStart.done(),
    setParts: out.setParts.done(),
    maxRecordEntries: out.maxRecordEntries,
    maxSetSize: out.maxSetSize,
    leafCount: out.leafCount,
    blockCount: out.blockCount,
    entryCount: out.entryCount,
    codes: codes === null ? null : [...codes],
  };
}

function isFlat(x: readonly Feature<Geometry | null>[] | FlatPolygons): x is FlatPolygons {
  return !Array.isArray(x);
}
