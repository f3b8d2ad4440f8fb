/**
 * The incident points on the off-screen export map when it is zoomed in far enough to draw them
 * one by one (zoomed out, the density image travels with the style): the same deck.gl layers the
 * live map shows, at the export's pixel ratio (so a 4× image has sharp points, not a stretched
 * screen copy). deck.gl keeps its drawing buffer (its default), so its canvas can be composed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { POINTS_FROM_ZOOM, type IncidentPoints } from './incident-points.ts';

export async function addIncidentLayers(map: MapLibreMap, points: IncidentPoints, scale: number, pixelRatio: number): Promise<() => void> {
  if (map.getZoom() < POINTS_FROM_ZOOM) return () => {};
  const [{ MapboxOverlay }, { incidentLayers }] = await Promise.all([import('@deck.gl/mapbox'), import('./deck-layers.ts')]);
  const overlay = new MapboxOverlay({ interleaved: false, useDevicePixels: pixelRatio, layers: incidentLayers(points, scale) });
  map.addControl(overlay);
  return () => {
    if (map.style) map.removeControl(overlay);
  };
}
