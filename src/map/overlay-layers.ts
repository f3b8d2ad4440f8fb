/**
 * The overlay layers on the MapLibre map: hazard zones (translucent, hatched where high), team
 * coverage (outline of the union, uncovered gaps shaded), hazard sites and teams as symbols. Drawn
 * between the township fills and the labels so the five colors stay readable underneath.
 */
import type { AddLayerObject, Map as MapLibreMap } from 'maplibre-gl';
import type { OverlayId, OverlayToggle } from '../state/overlay-types.ts';
import { paint, visibility } from './bind.svelte.ts';


export const ZONE_COLORS = { high: '#b5179e', medium: '#7209b7', low: '#4361ee' } as const;
export const SITE_COLOR = '#ff9e00';
export const TEAM_COLOR = '#ffffff';

/** Which map layers belong to each overlay, and which paint property carries its opacity. */
export const OVERLAY_LAYERS: Record<OverlayId, { id: string; opacity: 'fill-opacity' | 'line-opacity' | 'circle-opacity'; base: number }[]> = {
  zones: [
    { id: 'zones-fill', opacity: 'fill-opacity', base: 0.35 },
    { id: 'zones-hatch', opacity: 'fill-opacity', base: 0.9 },
  ],
  coverage: [
    { id: 'coverage-gaps', opacity: 'fill-opacity', base: 0.55 },
    { id: 'coverage-outline', opacity: 'line-opacity', base: 1 },
  ],
  sites: [{ id: 'sites', opacity: 'circle-opacity', base: 1 }],
  teams: [{ id: 'teams', opacity: 'circle-opacity', base: 1 }],
};

/** Diagonal hatch drawn once into an image, so "high" reads as a texture, not just a color. */
export function hatch(scale: number): { width: number; height: number; data: Uint8Array } {
  const size = Math.round(12 * scale);
  const data = new Uint8Array(size * size * 4);
  const width = Math.max(1.2, 1.6 * scale);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.abs(((x + y) % size) - size / 2);
      const on = d < width;
      data.set(on ? [255, 255, 255, 200] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** Overlays draw under the township labels, so names stay readable on top. */
export const OVERLAYS_BEFORE = 'township-labels';

export const HATCH_IMAGE = 'hatch-high';

export function zoneLayers(): AddLayerObject[] {
  return [
    {
      id: 'zones-fill',
      type: 'fill',
      source: 'zones',
      paint: {
        'fill-color': ['match', ['get', 'class'], 'high', ZONE_COLORS.high, 'medium', ZONE_COLORS.medium, ZONE_COLORS.low],
        'fill-opacity': 0.35,
      },
    },
    { id: 'zones-hatch', type: 'fill', source: 'zones', filter: ['==', ['get', 'class'], 'high'], paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 } },
  ];
}

export function coverageLayers(scale: number): AddLayerObject[] {
  return [
    { id: 'coverage-gaps', type: 'fill', source: 'gaps', paint: { 'fill-color': '#000000', 'fill-opacity': 0.55 } },
    {
      id: 'coverage-outline',
      type: 'line',
      source: 'coverage',
      filter: ['==', ['get', 'class'], 'covered'],
      paint: { 'line-color': '#00f5d4', 'line-width': 2 * scale, 'line-dasharray': [3, 2], 'line-opacity': 1 },
    },
  ];
}

export function siteLayer(scale: number): AddLayerObject {
  return {
    id: 'sites',
    type: 'circle',
    source: 'sites',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 7, 2 * scale, 12, 6 * scale],
      'circle-color': SITE_COLOR,
      'circle-stroke-color': '#0b1220',
      'circle-stroke-width': 1,
      'circle-opacity': 1,
    },
  };
}

export function teamLayer(scale: number): AddLayerObject {
  return {
    id: 'teams',
    type: 'circle',
    source: 'teams',
    paint: {
      'circle-radius': ['match', ['get', 'level'], 'county', 7 * scale, 4.5 * scale],
      'circle-color': TEAM_COLOR,
      'circle-stroke-color': '#00a6fb',
      'circle-stroke-width': 2.5 * scale,
      'circle-opacity': 1,
    },
  };
}

/** An overlay's layers follow its switch and opacity slider: one effect per layer and property. */
export function bindToggle(map: MapLibreMap, id: OverlayId, toggle: OverlayToggle): void {
  for (const l of OVERLAY_LAYERS[id]) {
    visibility(map, l.id, () => toggle.on);
    paint(map, l.id, l.opacity, () => l.base * toggle.opacity);
    if (l.opacity === 'circle-opacity') paint(map, l.id, 'circle-stroke-opacity', () => toggle.opacity);
  }
}
