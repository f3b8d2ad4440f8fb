/**
 * How far apart colors look, for everyone: CIE Lab distances (ΔE76) under simulated color-vision
 * deficiencies. The five level colors must stay distinguishable for color-blind viewers on the wall
 * and on paper, so their lightness is tuned against these numbers (test/core/color-vision.test.ts).
 *
 * Simulation: Machado, Oliveira & Fernandes (2009), severity 1.0 (dichromacy), applied to linear
 * sRGB; out-of-gamut results are clipped before converting to Lab (D65 white).
 */

export type Vision = 'normal' | 'protan' | 'deutan' | 'tritan';

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

const MACHADO: Record<Exclude<Vision, 'normal'>, Matrix> = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritan: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export type Rgb = readonly [number, number, number];
export type Lab = readonly [number, number, number];

/** `#rgb` or `#rrggbb` → sRGB components in 0…1. */
export function parseHexColor(hex: string): Rgb {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rgb or #rrggbb color: ${hex}`);
  const digits = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16) / 255) as unknown as Rgb;
}

function toLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function linearToLab([r, g, b]: Rgb): Lab {
  const x = 0.4124 * r + 0.3576 * g + 0.1805 * b;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = 0.0193 * r + 0.1192 * g + 0.9505 * b;
  const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const fx = f(x / 0.95047);
  const fy = f(y);
  const fz = f(z / 1.08883);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** The Lab color a viewer with `vision` perceives for an sRGB hex color. */
export function perceivedLab(hex: string, vision: Vision = 'normal'): Lab {
  const linear = parseHexColor(hex).map(toLinear) as unknown as Rgb;
  if (vision === 'normal') return linearToLab(linear);
  const m = MACHADO[vision];
  const clip = (v: number): number => Math.min(1, Math.max(0, v));
  return linearToLab(m.map((row) => clip(row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2])) as unknown as Rgb);
}

export function deltaE76(a: Lab, b: Lab): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export interface ClosestPair {
  /** Indexes into the colors given. */
  readonly a: number;
  readonly b: number;
  readonly deltaE: number;
}

/** The two colors that look most alike to a viewer with `vision`. */
export function closestPair(colors: readonly string[], vision: Vision): ClosestPair {
  const labs = colors.map((c) => perceivedLab(c, vision));
  let best: ClosestPair = { a: -1, b: -1, deltaE: Infinity };
  for (let i = 0; i < labs.length; i++) {
    for (let j = i + 1; j < labs.length; j++) {
      const d = deltaE76(labs[i], labs[j]);
      if (d < best.deltaE) best = { a: i, b: j, deltaE: d };
    }
  }
  return best;
}

/** sRGB hex → hue in degrees (HSL), for checking a tuned color kept its official hue. */
export function hueOf(hex: string): number {
  const [r, g, b] = parseHexColor(hex);
  const max = Math.max(r, g, b);
  const d = max - Math.min(r, g, b);
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}
