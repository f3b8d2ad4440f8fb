/**
 * Which township a click or a tap means. A finger covers several pixels, so a tap looks at a box of
 * ±`tolerance` px around the point: a hazard site or a team drawn within reach selects its
 * township (a marker is a few pixels wide); otherwise the township under the point; otherwise,
 * just outside the city's edge, the nearest township in the box (by its seat).
 */
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { FILL } from './township-layers.ts';

/** Pixels around a finger's tap; a mouse gets a little, for hairline slivers. */
export const TOUCH_TOLERANCE = 12;
export const MOUSE_TOLERANCE = 3;
const MARKER_LAYERS = ['sites', 'teams'];

type Pt = { x: number; y: number };

function box(p: Pt, r: number): [PointLike, PointLike] {
  return [
    [p.x - r, p.y - r],
    [p.x + r, p.y + r],
  ];
}

const dist2 = (a: Pt, b: Pt): number => (a.x - b.x) ** 2 + (a.y - b.y) ** 2;

export function pickTownship(map: MapLibreMap, p: Pt, tolerance: number, seatOf: (code: string) => [number, number] | undefined): string | null {
  const markers = MARKER_LAYERS.filter((id) => map.getLayer(id));
  if (markers.length > 0) {
    let best: { code: string; d: number } | null = null;
    for (const f of map.queryRenderedFeatures(box(p, tolerance), { layers: markers })) {
      const code = f.properties?.township as string | undefined;
      if (!code || f.geometry.type !== 'Point') continue;
      const d = dist2(map.project(f.geometry.coordinates as [number, number]), p);
      if (!best || d < best.d) best = { code, d };
    }
    if (best) return best.code;
  }
  const under = map.queryRenderedFeatures([p.x, p.y], { layers: [FILL] })[0];
  if (under) return (under.properties.code as string | undefined) ?? null;
  let best: { code: string; d: number } | null = null;
  for (const f of map.queryRenderedFeatures(box(p, tolerance), { layers: [FILL] })) {
    const code = f.properties.code as string | undefined;
    const seat = code ? seatOf(code) : undefined;
    if (!code || !seat) continue;
    const d = dist2(map.project(seat), p);
    if (!best || d < best.d) best = { code, d };
  }
  return best?.code ?? null;
}
