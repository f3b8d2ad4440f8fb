/**
 * The overlay layers on the MapLibre map: hazard zones (outlines in their class color, sparse hatch
 * where high or medium), team coverage (dashed outline of the union, a sparse hatch over the
 * uncovered gaps), hazard sites and teams as symbols. Drawn between the township fills and the
 * labels. No overlay tints a fill: thin lines and dots leave most of each township its own color,
 * so its level stays recognisable under every overlay (a translucent tint turned green townships
 * grey and blue ones purple).
 */
import type { AddLayerObject, Map as MapLibreMap } from 'maplibre-gl';
import type { OverlayId, OverlayToggle } from '../state/overlay-types.ts';
import { paint, styleImage, visibility } from './bind.svelte.ts';
import { dotPattern, linePattern } from './patterns.ts';

import { COVERAGE_COLOR, SITE_COLOR, TEAM_COLOR, ZONE_COLORS } from './overlay-colors.ts';

/** Which map layers belong to each overlay, and which paint property carries its opacity. */
export const OVERLAY_LAYERS: Record<OverlayId, { id: string; opacity: 'fill-opacity' | 'line-opacity' | 'circle-opacity'; base: number }[]> = {
  zones: [
    { id: 'zones-hatch', opacity: 'fill-opacity', base: 1 },
    { id: 'zones-casing', opacity: 'line-opacity', base: 0.7 },
    { id: 'zones-outline', opacity: 'line-opacity', base: 1 },
  ],
  coverage: [
    { id: 'coverage-gaps', opacity: 'fill-opacity', base: 1 },
    { id: 'coverage-outline', opacity: 'line-opacity', base: 1 },
  ],
  sites: [{ id: 'sites', opacity: 'circle-opacity', base: 1 }],
  teams: [{ id: 'teams', opacity: 'circle-opacity', base: 1 }],
};

/** Overlays draw under the township labels, so names stay readable on top. */
export const OVERLAYS_BEFORE = 'township-labels';

const ZONE_HATCH = { high: 'zone-hatch-high', medium: 'zone-hatch-medium' } as const;
const GAP_HATCH = 'coverage-gap-hatch';

/**
 * Zone patterns, light ink (white reads on all five fills but yellow and green, where the class
 * outline carries the zone): high as diagonal lines (~12% of the area), medium as dots (~4%).
 */
export function zoneImages(map: MapLibreMap, scale: number): void {
  styleImage(map, ZONE_HATCH.high, linePattern(12 * scale, 1.4 * scale, [255, 255, 255, 220], 'diagonal'));
  styleImage(map, ZONE_HATCH.medium, dotPattern(10 * scale, 1.1 * scale, [255, 255, 255, 220]));
}

/** Gaps in dark horizontal lines: unlike any level hatch (diagonals, dots) and unlike the zones. */
export function coverageImages(map: MapLibreMap, scale: number): void {
  styleImage(map, GAP_HATCH, linePattern(9 * scale, 1.3 * scale, [11, 18, 32, 210], 'horizontal'));
}

export function zoneLayers(scale: number): AddLayerObject[] {
  const width = ['match', ['get', 'class'], 'high', 2.4 * scale, 'medium', 1.8 * scale, 1.3 * scale];
  return [
    {
      id: 'zones-hatch',
      type: 'fill',
      source: 'zones',
      filter: ['in', ['get', 'class'], ['literal', ['high', 'medium']]],
      paint: { 'fill-pattern': ['match', ['get', 'class'], 'high', ZONE_HATCH.high, ZONE_HATCH.medium], 'fill-opacity': 1 },
    },
    // A dark casing under the colored line keeps it visible on blue and red fills alike.
    {
      id: 'zones-casing',
      type: 'line',
      source: 'zones',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#0b1220', 'line-width': ['+', width, 1.6 * scale] as never, 'line-opacity': 0.7 },
    },
    {
      id: 'zones-outline',
      type: 'line',
      source: 'zones',
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'class'], 'high', ZONE_COLORS.high, 'medium', ZONE_COLORS.medium, ZONE_COLORS.low],
        'line-width': width as never,
        'line-opacity': 1,
      },
    },
  ];
}

export function coverageLayers(scale: number): AddLayerObject[] {
  return [
    { id: 'coverage-gaps', type: 'fill', source: 'gaps', paint: { 'fill-pattern': GAP_HATCH, 'fill-opacity': 1 } },
    {
      id: 'coverage-outline',
      type: 'line',
      source: 'coverage',
      filter: ['==', ['get', 'class'], 'covered'],
      paint: { 'line-color': COVERAGE_COLOR, 'line-width': 2 * scale, 'line-dasharray': [3, 2], 'line-opacity': 1 },
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
