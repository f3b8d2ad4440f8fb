/**
 * Sources and layers bound to state, one effect per imperative call. Called while a component
 * inside <MapRoot> initialises: what it adds is removed when that component goes.
 */
import type { FeatureCollection, GeoJSON } from 'geojson';
import type { AddLayerObject, GeoJSONSource, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';

type PaintProperty = Parameters<MapLibreMap['setPaintProperty']>[1];
type PaintValue = Parameters<MapLibreMap['setPaintProperty']>[2];

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * A source for as long as the calling component lives. Taken out with the layers that use it:
 * components unmount in no fixed order (a remount after a lost WebGL context takes everything
 * out at once), and MapLibre refuses to remove a source a layer still uses.
 */
export function source(map: MapLibreMap, id: string, spec: SourceSpecification): void {
  map.addSource(id, spec);
  $effect(() => () => {
    // After map.remove() there is no style left to take anything out of.
    if (!map.style || !map.getSource(id)) return;
    for (const layer of map.getStyle().layers) if ('source' in layer && layer.source === id) map.removeLayer(layer.id);
    map.removeSource(id);
  });
}

/** A GeoJSON source whose data follows `data()`; it starts empty so the data is sent only once. */
export function geoJsonSource(map: MapLibreMap, id: string, data: () => GeoJSON, promoteId?: string): void {
  source(map, id, { type: 'geojson', data: EMPTY, ...(promoteId ? { promoteId } : {}) });
  $effect(() => {
    (map.getSource(id) as GeoJSONSource).setData(data());
  });
}

/** A layer, below `before` when that layer exists (overlays go under the township labels). */
export function layer(map: MapLibreMap, spec: AddLayerObject, before?: string): void {
  map.addLayer(spec, before && map.getLayer(before) ? before : undefined);
  $effect(() => () => {
    if (map.style && map.getLayer(spec.id)) map.removeLayer(spec.id);
  });
}

/** Shows or hides a layer as `visible()` says. */
export function visibility(map: MapLibreMap, id: string, visible: () => boolean): void {
  $effect(() => {
    map.setLayoutProperty(id, 'visibility', visible() ? 'visible' : 'none');
  });
}

/** Keeps one paint property of a layer equal to `value()`. */
export function paint(map: MapLibreMap, id: string, property: PaintProperty, value: () => PaintValue): void {
  $effect(() => {
    map.setPaintProperty(id, property, value());
  });
}

/** A style image (a fill pattern), removed with the component that added it. */
export function styleImage(map: MapLibreMap, id: string, image: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }): void {
  map.addImage(id, image, { pixelRatio: 1 });
  $effect(() => () => {
    if (map.style && map.hasImage(id)) map.removeImage(id);
  });
}
