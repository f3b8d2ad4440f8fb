/**
 * deck.gl, loaded only when incidents are shown (dynamic import), so it is not in the first-paint
 * bundle. Points when zoomed in, a heatmap when zoomed out.
 */
import { MapboxOverlay } from '@deck.gl/mapbox';
import { ScatterplotLayer } from '@deck.gl/layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import type { Layer } from '@deck.gl/core';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { TYPE_COLORS } from './incident-colors.ts';

export const POINTS_FROM_ZOOM = 10.5;

export interface IncidentPoints {
  positions: Float32Array;
  types: Uint8Array;
  length: number;
}

export function attachOverlay(map: MapLibreMap): MapboxOverlay {
  const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
  map.addControl(overlay);
  return overlay;
}

export function incidentLayers(points: IncidentPoints, zoom: number, scale: number): Layer[] {
  if (points.length === 0) return [];
  if (zoom < POINTS_FROM_ZOOM) {
    return [
      new HeatmapLayer({
        id: 'incident-heatmap',
        data: { length: points.length, attributes: { getPosition: { value: points.positions, size: 2 } } },
        getWeight: 1,
        radiusPixels: 22 * scale,
        intensity: 0.8,
        threshold: 0.08,
        opacity: 0.8,
        // Violet to white: reads over all five fills without looking like one of them.
        colorRange: [
          [90, 30, 140, 0],
          [120, 50, 175, 110],
          [160, 85, 210, 160],
          [200, 125, 240, 195],
          [235, 180, 252, 220],
          [255, 240, 255, 240],
        ],
      }) as unknown as Layer,
    ];
  }
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
