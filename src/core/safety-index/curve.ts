import type { Curve } from './config.ts';

/**
 * Piecewise-linear interpolation through `[load, risk]` points (load increasing); flat beyond the
 * first and last points. NaN in, NaN out.
 */
export function evaluateCurve(curve: Curve, x: number): number {
  const n = curve.length;
  if (!(x > curve[0]![0])) return Number.isNaN(x) ? x : curve[0]![1];
  for (let i = 1; i < n; i++) {
    const [x1, y1] = curve[i]!;
    if (x <= x1) {
      const [x0, y0] = curve[i - 1]!;
      return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
    }
  }
  return curve[n - 1]![1];
}

/** A curve as flat arrays for the engine's inner loop (domain-risk.ts evaluates it inline). */
export interface FlatCurve {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export function flattenCurve(curve: Curve): FlatCurve {
  return { x: Float64Array.from(curve, (p) => p[0]), y: Float64Array.from(curve, (p) => p[1]) };
}
