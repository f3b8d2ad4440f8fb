/**
 * The incidents on the off-screen export map: the same deck.gl layers the live map shows, for the
 * same points, at the export's zoom and pixel ratio (so a 4× image has sharp points, not a stretched
 * screen copy). deck.gl keeps its drawing buffer (its default), so its canvas can be composed.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { IncidentPoints } from './deck-layers.ts';

export async function addIncidentLayers(map: MapLibreMap, points: IncidentPoints, scale: number, pixelRatio: number): Promise<() => void> {
  const [{ MapboxOverlay }, { incidentLayers }] = await Promise.all([import('@deck.gl/mapbox'), import('./deck-layers.ts')]);
  const overlay = new MapboxOverlay({ interleaved: false, useDevicePixels: pixelRatio, layers: incidentLayers(points, map.getZoom(), scale) });
  map.addControl(overlay);
  return () => {
    if (map.style) map.removeControl(overlay);
  };
}
