/**
 * The live map, for what runs outside <MapRoot> and needs it once, on a click: the export menu and
 * the bulletin read its style and view to render an image off screen. Null while no map is shown.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

let current: MapLibreMap | null = null;

export function setLiveMap(map: MapLibreMap | null): void {
  current = map;
}

export function liveMap(): MapLibreMap | null {
  return current;
}
