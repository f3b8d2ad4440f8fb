/**
 * The incidents part of the audit, computed where the points already are: which fell outside every
 * township, which lie exactly on a border (and by which rule they were placed), and which repeat an
 * earlier incident's place, type and day. Lists are samples (the first LISTED of each); counts are
 * complete. Chunked so a cancel can arrive.
 */
import { buildEdgeGrid, edgeRuleAt, type EdgeGrid } from '../../core/pip/on-edge.ts';
import { flattenPolygons } from '../../core/pip/flatten-polygons.ts';
import type { CurrentBoundaries, RequestContext } from '../context.ts';
import type { PointAudit } from '../protocol.ts';

const LISTED = 100;
const CHUNK = 65_536;
const grids = new WeakMap<CurrentBoundaries, EdgeGrid | null>();

function gridOf(b: CurrentBoundaries): EdgeGrid | null {
  if (!grids.has(b)) grids.set(b, b.features ? buildEdgeGrid(flattenPolygons(b.features)) : null);
  return grids.get(b)!;
}

export async function auditPoints(
  points: { coords: Float64Array; types: Uint8Array; days?: Uint16Array },
  township: Int32Array,
  boundaries: CurrentBoundaries,
  ctx: RequestContext,
): Promise<PointAudit> {
  const { coords, types, days } = points;
  const n = types.length;
  const grid = gridOf(boundaries);
  const out: PointAudit = { outside: [], outsideCount: 0, onBorder: [], onBorderCount: 0, duplicates: [], duplicateCount: 0 };
  const seen = new Map<string, number>();
  const dupAt = new Map<string, number>();
  const mutable = out as { -readonly [K in keyof PointAudit]: PointAudit[K] };
  for (let start = 0; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    for (let i = start; i < end; i++) {
      const lon = coords[2 * i]!;
      const lat = coords[2 * i + 1]!;
      if (township[i]! < 0) {
        if (mutable.outsideCount++ < LISTED) out.outside.push({ lon, lat });
      }
      const rule = grid ? edgeRuleAt(grid, lon, lat) : null;
      if (rule !== null && mutable.onBorderCount++ < LISTED) out.onBorder.push({ lon, lat, township: township[i]!, rule });
      const key = `${lon},${lat},${types[i]},${days ? days[i] : 0}`;
      const copies = seen.get(key);
      if (copies === undefined) seen.set(key, 1);
      else {
        seen.set(key, copies + 1);
        mutable.duplicateCount++;
        const listed = dupAt.get(key);
        if (listed !== undefined) (out.duplicates[listed] as { copies: number }).copies = copies + 1;
        else if (out.duplicates.length < LISTED) {
          dupAt.set(key, out.duplicates.length);
          out.duplicates.push({ lon, lat, copies: copies + 1 });
        }
      }
    }
    ctx.progress('audit', end, n);
    await ctx.checkpoint();
  }
  return out;
}
