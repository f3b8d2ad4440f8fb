/**
 * A layer validated once and turned into edges indexed by latitude, so that measuring a township
 * (done per township, so a worker can chunk the work and stay cancellable) only visits the layer
 * edges beside it instead of the whole layer.
 */
import { bilingual, DataError } from '../data-error.ts';
import { checkPolygonal, classOf, featureLabel, type AreaFeature } from './features.ts';
import { polygonsOf, pushEdges } from './polygon-edges.ts';

/** A validated layer as edges, indexed by latitude so a township only visits the edges beside it. */
export interface PreparedAreaLayer {
  readonly file: string;
  readonly classes: string[];
  /** Non-horizontal edges of every layer polygon, x0, y0, x1, y1 each, y0 < y1. */
  readonly edges: Float64Array;
  /** Per edge, its polygon (an index into `polygonClass`). */
  readonly edgePolygon: Int32Array;
  /** Per polygon (each part of a MultiPolygon is one), its class index. */
  readonly polygonClass: Int32Array;
  /** Latitude rows of equal height from `rowY0`: row r lists edges rowEdges[rowStart[r] … rowStart[r + 1]). */
  readonly rowY0: number;
  readonly rowHeight: number;
  readonly rowStart: Int32Array;
  readonly rowEdges: Int32Array;
  /** Scratch: per edge, the last visit that took it (an edge spanning several rows is listed in each). */
  readonly visited: Uint32Array;
}

interface LayerEdges {
  readonly edges: number[];
  readonly edgePolygon: number[];
  readonly polygonClass: number[];
}

interface RowIndex {
  readonly rowY0: number;
  readonly rowHeight: number;
  readonly rowStart: Int32Array;
  readonly rowEdges: Int32Array;
}

/** Validate a layer and index its edges (throws a DataError naming the file and feature). */
export function prepareAreaLayer(layer: readonly unknown[], classes: readonly string[], file = 'layer'): PreparedAreaLayer {
  if (!Array.isArray(layer)) {
    throw new DataError(file, bilingual('has no list of features — the app sent the layer without its features (an error in the app, not in the file); report it', '没有要素列表：应用传入的图层缺少要素（应用程序错误，并非文件问题），请报告此问题'));
  }
  const position = classPositions(classes, file);
  const { edges, edgePolygon, polygonClass } = collectLayerEdges(layer, classes, position, file);
  return {
    file,
    classes: [...classes],
    edges: Float64Array.from(edges),
    edgePolygon: Int32Array.from(edgePolygon),
    polygonClass: Int32Array.from(polygonClass),
    ...indexEdgesByRow(edges, edgePolygon.length),
    visited: new Uint32Array(edgePolygon.length),
  };
}

/** Class → its rank; a class listed twice would make "first listed wins" ambiguous, so it throws. */
function classPositions(classes: readonly string[], file: string): Map<string, number> {
  const position = new Map<string, number>();
  classes.forEach((c, i) => {
    if (position.has(c)) throw new DataError(file, bilingual(`class "${c}" is listed twice — list each class once`, `类别“${c}”列出了两次，每个类别只能列一次`));
    position.set(c, i);
  });
  return position;
}

function collectLayerEdges(layer: readonly unknown[], classes: readonly string[], position: Map<string, number>, file: string): LayerEdges {
  const edges: number[] = [];
  const edgePolygon: number[] = [];
  const polygonClass: number[] = [];
  layer.forEach((f, i) => {
    const c = classOf(f, i, file);
    const k = position.get(c);
    if (k === undefined) {
      const list = classes.map((x) => `"${x}"`).join(', ');
      throw new DataError(file, bilingual(`feature #${i} has class "${c}", expected one of ${list}`, `要素 #${i} 的类别“${c}”无效，应为 ${list} 之一`));
    }
    const feature = f as AreaFeature;
    checkPolygonal(feature, featureLabel(i), file);
    for (const poly of polygonsOf(feature.geometry)) {
      pushEdges(poly, polygonClass.length, edges, edgePolygon);
      polygonClass.push(k);
    }
  });
  return { edges, edgePolygon, polygonClass };
}

/** Buckets the E edges into latitude rows (an edge is listed in every row it spans). */
function indexEdgesByRow(edges: readonly number[], E: number): RowIndex {
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let e = 0; e < E; e++) {
    yMin = Math.min(yMin, edges[4 * e + 1]!);
    yMax = Math.max(yMax, edges[4 * e + 3]!);
  }
  // ~16 edges a row: a township then visits little more than the edges in its own latitudes.
  const rows = E === 0 ? 1 : Math.max(1, Math.min(4096, Math.ceil(E / 16)));
  const rowY0 = E === 0 ? 0 : yMin;
  const rowHeight = E === 0 || !(yMax > yMin) ? 1 : (yMax - yMin) / rows;
  const rowOf = (y: number): number => Math.min(rows - 1, Math.max(0, Math.floor((y - rowY0) / rowHeight)));
  const rowStart = new Int32Array(rows + 1);
  for (let e = 0; e < E; e++) for (let r = rowOf(edges[4 * e + 1]!), r1 = rowOf(edges[4 * e + 3]!); r <= r1; r++) rowStart[r + 1]!++;
  for (let r = 0; r < rows; r++) rowStart[r + 1]! += rowStart[r]!;
  const fill = rowStart.slice(0, rows);
  const rowEdges = new Int32Array(rowStart[rows]!);
  for (let e = 0; e < E; e++) for (let r = rowOf(edges[4 * e + 1]!), r1 = rowOf(edges[4 * e + 3]!); r <= r1; r++) rowEdges[fill[r]!++] = e;
  return { rowY0, rowHeight, rowStart, rowEdges };
}
