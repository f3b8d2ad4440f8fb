import { INCIDENT_TYPE_COUNT } from '../../core/incidents/incident-types.ts';
import type { JoinIndex } from '../../core/pip/join-index.ts';
import { maxPlusOne, PointCounter } from '../../core/pip/join-points.ts';
import { requireBoundaries, type RequestContext } from '../context.ts';
import type { JoinCounts, Requests } from '../protocol.ts';

/** Largest countsByDay the worker will allocate (elements). */
const MAX_COUNTS_BY_DAY = 1 << 28;

/** Count points per township × type (× day) with the current boundaries. */
export function joinPoints(payload: Requests['joinPoints']['req'], ctx: RequestContext): Promise<JoinCounts> {
  return joinChunked(requireBoundaries(ctx).index, payload, ctx);
}

/**
 * The core's PointCounter a chunk of `ctx.pointsPerChunk` points at a time, with progress and a
 * chance to cancel after each: the same counts as `joinPoints(index, coords, types, typeCount,
 * days, dayCount)` in core.
 */
export async function joinChunked(index: JoinIndex, req: Requests['joinPoints']['req'], ctx: RequestContext): Promise<JoinCounts> {
  const { coords, types, days } = req;
  if (!(coords instanceof Float64Array || coords instanceof Float32Array)) throw new TypeError('joinPoints: "coords" must be a Float64Array or Float32Array');
  if ((coords.length & 1) !== 0) throw new RangeError('joinPoints: coords must hold lon, lat pairs');
  const n = coords.length >> 1;
  if (types !== undefined && !(types instanceof Uint8Array)) throw new TypeError('joinPoints: "types" must be a Uint8Array');
  if (types !== undefined && types.length < n) throw new RangeError(`joinPoints: ${types.length} types for ${n} points`);
  if (days !== undefined && !(days instanceof Uint16Array || days instanceof Int32Array)) throw new TypeError('joinPoints: "days" must be a Uint16Array or Int32Array');
  if (days !== undefined && days.length < n) throw new RangeError(`joinPoints: ${days.length} days for ${n} points`);
  const T = req.typeCount ?? (types === undefined ? 1 : INCIDENT_TYPE_COUNT);
  if (!Number.isInteger(T) || T < 1 || T > 256) throw new RangeError(`joinPoints: typeCount must be an integer 1 … 256, got ${T}`);
  const F = index.featureCount;
  let D = 0;
  if (days !== undefined) {
    D = req.dayCount ?? maxPlusOne(days);
    if (!Number.isInteger(D) || D < 0) throw new RangeError(`joinPoints: dayCount must be a non-negative integer, got ${D}`);
    if (D * F * T > MAX_COUNTS_BY_DAY) throw new RangeError(`joinPoints: ${D} days × ${F} townships × ${T} types is too many counts`);
  }
  const counter = new PointCounter(index, { coords, types, days }, { typeCount: T, dayCount: days === undefined ? undefined : D, keepTownship: req.returnTownship === true });
  for (let start = 0; start < n; start += ctx.pointsPerChunk) {
    const end = Math.min(n, start + ctx.pointsPerChunk);
    counter.count(start, end);
    ctx.progress('join', end, n);
    if (end < n) await ctx.checkpoint();
  }
  const { counts, countsByDay, township, outside } = counter.finish();
  return {
    count: n,
    outside,
    townships: F,
    typeCount: T,
    dayCount: D,
    counts,
    ...(countsByDay !== undefined ? { countsByDay } : {}),
    ...(township !== undefined ? { township } : {}),
  };
}
