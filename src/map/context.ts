/**
 * The map context, in the manner of svelte-maplibre: MapRoot creates the map and renders its
 * children only once the style has loaded, so every source or layer component can use the map at
 * once, without waiting or guarding.
 */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface MapContext {
  readonly map: MapLibreMap;
  /** 1 on a tablet, up to 3 on a wall: lines, labels and symbols grow with the root font size. */
  readonly scale: number;
}

const KEY = Symbol('five-color-map');

export function provideMap(context: MapContext): void {
  setContext(KEY, context);
}

export function useMap(): MapContext {
  const context = getContext<MapContext | undefined>(KEY);
  if (!context) throw new Error('useMap() outside <MapRoot>');
  return context;
}
