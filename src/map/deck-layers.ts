/**
 * deck.gl, loaded only when incident points are shown (dynamic import), so it is not in the
 * first-paint bundle and not loaded at all while the city view shows the density image instead.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TYPE_COLORS } from './incident-colors.ts';
import type { IncidentPoints } from './incident-points.ts';

export function attachOverlay(map: MapLibreMap): MapboxOverlay {
  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);
  return overlay;
}

/** One dot per incident, colored by type. */
export function incidentLayers(points: IncidentPoints, scale: number): Layer[] {
  if (points.length === 0) return [];
  const colors = new Uint8Array(points.length * 4);
  for (let i = 0; i < points.length; i++) {
    const c = TYPE_COLORS[points.types[i]] ?? TYPE_COLORS[0];
    colors.set([c[0], c[1], c[2], 235], i * 4);
  }
  return [
    new ScatterplotLayer({
      id: 'incident-points',
      data: {
        length: points.length,
        attributes: {
          getPosition: { value: points.positions, size: 2 },
          getFillColor: { value: colors, size: 4, normalized: true },
        },
      },
      radiusUnits: 'pixels',
      getRadius: 3.5 * scale,
      stroked: true,
      getLineColor: [11, 18, 32, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 1,
    }) as unknown as Layer,
  ];
}
