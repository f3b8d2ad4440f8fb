/**
 * Areas on the sphere of polygons whose edges are straight in lon/lat. The sweep needs an area that
 * is additive under cutting edges at new vertices; Turf's `area` is not (splitting townships at a
 * meridian moved their area by up to 2·10⁻⁵, enough to make shares sum to 1.00002).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Mean Earth radius in metres (as Turf, so areas stay comparable with the Turf reference). */
export const EARTH_RADIUS = 6371008.8;
export const RAD = Math.PI / 180;

/**
 * Area in m² on a sphere of a Polygon/MultiPolygon whose edges are straight lines in lon/lat
 * (plate carrée) — the shape a planar clipper works with. By Green's theorem the area is
 * R² |∮ sin φ dλ|; along a straight edge φ is linear in λ, so each edge contributes
 * (λ₂ − λ₁) · sin φ̄ · sinc(Δφ / 2) exactly (φ̄ the mean latitude, Δφ = φ₂ − φ₁). The area is
 * therefore additive: a polygon cut in two along any line has exactly the area of its halves.
 * Holes are subtracted (ring orientation does not matter).
 */
export function lonLatArea(f: Feature<Polygon | MultiPolygon, unknown> | Polygon | MultiPolygon): number {
  const g = f.type === 'Feature' ? f.geometry : f;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let total = 0;
  for (const poly of polys) {
    poly.forEach((ring, r) => {
      const a = Math.abs(ringIntegral(ring));
      total += r === 0 ? a : -a;
    });
  }
  return Math.max(0, total) * EARTH_RADIUS * EARTH_RADIUS;
}

function ringIntegral(ring: Position[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[i + 1 < n ? i + 1 : 0]!;
    const dl = (b[0]! - a[0]!) * RAD;
    if (dl === 0) continue;
    const half = ((b[1]! - a[1]!) * RAD) / 2;
    const sinc = half === 0 ? 1 : Math.sin(half) / half;
    sum += dl * Math.sin(((a[1]! + b[1]!) * RAD) / 2) * sinc;
  }
  return sum;
}
