/**
 * The incident density as one image placed on the map (a MapLibre image source): computed on the
 * CPU once per date window or type change — in the data worker, so binning a season of a
 * province's incidents never holds up a frame — then drawn as a single textured quad every frame. A GPU
 * heatmap re-aggregated every point on every frame — 19× an idle frame per date step on software
 * WebGL, which is what a wall PC's integrated graphics or a tablet amounts to.
 */
import type { DensityStop } from '../core/incidents/density.ts';
import { dataWorker } from '../state/worker.ts';

/** Cells across the city: ~1.6 screen px per cell with the city fitted on a 1920-px screen. */
const WIDTH = 512;
/** Blur radius in cells (three box blurs ≈ a Gaussian of σ ≈ 5.5 cells ≈ 9 px at the city view). */
const RADIUS = 5;

/**
 * Violet to white, as the heatmap was: reads over all five fills without looking like one of
 * them. Densities are absolute (smoothed incidents per cell; one isolated incident peaks near
 * 0.005, so the faintest shade needs a few close together), so the same shade means the same density on every date, like the fixed index bands.
 */
// Alphas stay low (at most ~0.5 after the layer's 0.8 opacity) so the township's own level color
// still reads through the densest spots: the five colors must stay recognisable under every layer.
const ANCHORS: readonly DensityStop[] = [
  [0.012, 120, 50, 175, 50],
  [0.024, 160, 85, 210, 80],
  [0.04, 200, 125, 240, 110],
  [0.065, 235, 180, 252, 135],
  [0.1, 255, 240, 255, 160],
];

/** Anchors interpolated into fine steps, so the stepped colorizer shows no visible bands. */
const STOPS: readonly DensityStop[] = ANCHORS.flatMap((a, i) => {
  const b = ANCHORS[i + 1];
  if (!b) return [a];
  const steps = 6;
  return Array.from({ length: steps }, (_, k) => {
    const t = k / steps;
    return a.map((v, j) => (j === 0 ? v + (b[0] - v) * t : Math.round(v + (b[j] - v) * t))) as unknown as DensityStop;
  });
});

const mercatorY = (lat: number): number => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

export type Corners = [[number, number], [number, number], [number, number], [number, number]];

/** The box the image covers: the city's bbox grown by the blur's reach, so no glow is cut at its edge. */
export function densityBox(bbox: readonly [number, number, number, number]): { bbox: [number, number, number, number]; width: number; height: number; corners: Corners } {
  const [w, s, e, n] = bbox;
  const margin = ((e - w) * 3 * RADIUS) / WIDTH;
  const box: [number, number, number, number] = [w - margin, s - margin, e + margin, n + margin];
  // Square cells on the map: rows follow Web Mercator y, as densityGrid bins them.
  const height = Math.max(1, Math.round((WIDTH * (mercatorY(box[3]) - mercatorY(box[1]))) / (((box[2] - box[0]) * Math.PI) / 180)));
  const corners: Corners = [
    [box[0], box[3]],
    [box[2], box[3]],
    [box[2], box[1]],
    [box[0], box[1]],
  ];
  return { bbox: box, width: WIDTH, height, corners };
}

/**
 * The density of `count` points (lon, lat interleaved) over the box, made in the data
 * worker. The positions are copied (the caller keeps drawing them); rejects with an AbortError when
 * `signal` aborts, e.g. because a newer window was asked for.
 */
export async function densityImage(positions: Float32Array, count: number, box: ReturnType<typeof densityBox>, signal: AbortSignal): Promise<ImageBitmap> {
  const worker = await dataWorker();
  const { pixels } = await worker.request(
    'densityImage',
    { positions: positions.slice(0, 2 * count), count, bbox: box.bbox, width: box.width, height: box.height, radius: RADIUS, stops: STOPS },
    { signal },
  );
  // A bitmap, premultiplied by the browser: handed raw pixels, MapLibre premultiplies them in a
  // JavaScript loop on the main thread (~20 ms a window on a weak PC).
  return createImageBitmap(new ImageData(pixels as Uint8ClampedArray<ArrayBuffer>, box.width, box.height), { premultiplyAlpha: 'premultiply' });
}
