/**
 * Ring rules for township polygons, beyond "numbers in lon/lat": every ring closed and at least 4
 * positions, no edge crossing another edge of the same polygon (a bow-tie township has no
 * well-defined inside — the join and the area shares would disagree with the map), and every hole
 * inside its outer ring. Crossings are decided with the join's exact orientation predicate, and only
 * proper crossings count: rings that touch at a vertex or share a collinear stretch are allowed, as
 * real GIS exports have them.
 */
import { bilingual } from '../data-error.ts';
import { orientSign } from '../pip/predicates.ts';

type Ring = readonly (readonly number[])[];

const REDRAW_EN = 'fix it in the GIS tool (e.g. QGIS "Fix geometries", mapshaper -clean) and export again';
const REDRAW_ZH = '请在 GIS 工具中修复（如 QGIS“修复几何”、mapshaper -clean）后重新导出';

/** The first problem of one polygon (outer ring, then holes) as a bilingual message, else null. */
export function polygonProblem(polygon: readonly Ring[], what: string): string | null {
  for (let r = 0; r < polygon.length; r++) {
    const ring = polygon[r]!;
    const name = r === 0 ? 'its outer ring' : `hole #${r}`;
    const nameZh = r === 0 ? '外环' : `第 ${r} 个内环（洞）`;
    if (ring.length < 4) {
      return bilingual(
        `${what}: ${name} has ${ring.length} positions; a ring needs at least 4 (three corners and the first repeated last) — ${REDRAW_EN}`,
        `${what}：${nameZh}只有 ${ring.length} 个点，一个环至少需要 4 个点（三个角点，首点在末尾重复）；${REDRAW_ZH}`,
      );
    }
    const a = ring[0]!;
    const z = ring[ring.length - 1]!;
    if (a[0] !== z[0] || a[1] !== z[1]) {
      return bilingual(
        `${what}: ${name} is not closed (it starts at [${a[0]}, ${a[1]}] but ends at [${z[0]}, ${z[1]}]) — repeat the first position at the end`,
        `${what}：${nameZh}没有闭合（起点 [${a[0]}, ${a[1]}]，终点 [${z[0]}, ${z[1]}]），请在末尾重复起点`,
      );
    }
  }
  const crossing = firstCrossing(polygon);
  if (crossing !== null) {
    const [x, y] = crossing.at;
    const rings = crossing.rings[0] === crossing.rings[1] ? (crossing.rings[0] === 0 ? 'its outline crosses itself' : `hole #${crossing.rings[0]} crosses itself`) : crossing.rings[0] === 0 ? `hole #${crossing.rings[1]} crosses the outer ring` : `holes #${crossing.rings[0]} and #${crossing.rings[1]} cross`;
    return bilingual(
      `${what}: ${rings} near [${x.toFixed(5)}, ${y.toFixed(5)}] (a self-intersection, e.g. a bow-tie) — ${REDRAW_EN}`,
      `${what}：边界在 [${x.toFixed(5)}, ${y.toFixed(5)}] 附近自相交（如“8”字形），${REDRAW_ZH}`,
    );
  }
  for (let r = 1; r < polygon.length; r++) {
    if (!holeInside(polygon[r]!, polygon[0]!)) {
      const p = polygon[r]![0]!;
      return bilingual(
        `${what}: hole #${r} (at [${p[0]}, ${p[1]}]) lies outside the outer ring — a hole must be inside its township; make it a separate polygon or remove it`,
        `${what}：第 ${r} 个内环（洞，位于 [${p[0]}, ${p[1]}]）在外环之外；洞必须位于乡镇内部，请改为单独的多边形或删除`,
      );
    }
  }
  return null;
}

interface Crossing {
  rings: [number, number];
  at: [number, number];
}

/** A proper crossing between two edges of the polygon's rings: a sweep over edges sorted by west end. */
function firstCrossing(polygon: readonly Ring[]): Crossing | null {
  let n = 0;
  for (const ring of polygon) n += ring.length - 1;
  const ax = new Float64Array(n);
  const ay = new Float64Array(n);
  const bx = new Float64Array(n);
  const by = new Float64Array(n);
  const ringOf = new Int32Array(n);
  let k = 0;
  polygon.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++, k++) {
      ax[k] = ring[i]![0]!;
      ay[k] = ring[i]![1]!;
      bx[k] = ring[i + 1]![0]!;
      by[k] = ring[i + 1]![1]!;
      ringOf[k] = r;
    }
  });
  // Each edge's box once, in typed arrays: every township of the built-in data passes through here
  // on every load, so the sweep must not allocate or recompute per pair.
  const lo = new Float64Array(n);
  const hi = new Float64Array(n);
  const ylo = new Float64Array(n);
  const yhi = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    lo[e] = Math.min(ax[e]!, bx[e]!);
    hi[e] = Math.max(ax[e]!, bx[e]!);
    ylo[e] = Math.min(ay[e]!, by[e]!);
    yhi[e] = Math.max(ay[e]!, by[e]!);
  }
  const order = new Uint32Array(n);
  for (let e = 0; e < n; e++) order[e] = e;
  order.sort((p, q) => lo[p]! - lo[q]!);
  for (let s = 0; s < n; s++) {
    const e = order[s]!;
    const maxX = hi[e]!;
    const eMinY = ylo[e]!;
    const eMaxY = yhi[e]!;
    for (let u = s + 1; u < n; u++) {
      const f = order[u]!;
      if (lo[f]! > maxX) break;
      if (yhi[f]! < eMinY || ylo[f]! > eMaxY) continue;
      const o1 = orientSign(ax[e]!, ay[e]!, bx[e]!, by[e]!, ax[f]!, ay[f]!);
      const o2 = orientSign(ax[e]!, ay[e]!, bx[e]!, by[e]!, bx[f]!, by[f]!);
      if (o1 * o2 >= 0) continue;
      const o3 = orientSign(ax[f]!, ay[f]!, bx[f]!, by[f]!, ax[e]!, ay[e]!);
      const o4 = orientSign(ax[f]!, ay[f]!, bx[f]!, by[f]!, bx[e]!, by[e]!);
      if (o3 * o4 >= 0) continue;
      const a = Math.min(ringOf[e]!, ringOf[f]!);
      const b = Math.max(ringOf[e]!, ringOf[f]!);
      return { rings: [a, b], at: [(ax[e]! + bx[e]!) / 2, (ay[e]! + by[e]!) / 2] };
    }
  }
  return null;
}

/** Even–odd test of the hole's first vertex that is not on the shell (crossings are ruled out already). */
function holeInside(hole: Ring, shell: Ring): boolean {
  for (const p of hole) {
    const x = p[0]!;
    const y = p[1]!;
    let inside = false;
    let onEdge = false;
    for (let i = 0; i + 1 < shell.length; i++) {
      const x1 = shell[i]![0]!;
      const y1 = shell[i]![1]!;
      const x2 = shell[i + 1]![0]!;
      const y2 = shell[i + 1]![1]!;
      const o = orientSign(x1, y1, x2, y2, x, y);
      if (o === 0 && Math.min(x1, x2) <= x && x <= Math.max(x1, x2) && Math.min(y1, y2) <= y && y <= Math.max(y1, y2)) {
        onEdge = true;
        break;
      }
      if (y1 > y !== y2 > y && (y2 > y1 ? o > 0 : o < 0)) inside = !inside;
    }
    if (!onEdge) return inside;
  }
  return true; // every vertex on the shell: a degenerate hole the crossing test has let through
}
