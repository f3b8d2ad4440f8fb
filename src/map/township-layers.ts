/**
 * The township map's layers: fills colored by `feature-state` (so a recolor never re-sends the
 * GeoJSON), borders, the hover/selection outline and the labels, sized by the UI scale.
 */
import type { AddLayerObject, ExpressionSpecification } from 'maplibre-gl';
import { LEVELS, type Level } from '../core/levels.ts';
import { LABEL_FONT, levelColor } from './style.ts';

export const TOWNSHIPS = 'townships';
export const FILL = 'township-fill';

export function townshipLayers(s: number): AddLayerObject[] {
  return [
    {
      id: FILL,
      type: 'fill',
      source: TOWNSHIPS,
      paint: {
        'fill-color': levelColor,
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0.86],
      },
    },
    {
      id: 'township-borders',
      type: 'line',
      source: 'township-borders',
      paint: { 'line-color': '#0b1220', 'line-opacity': 0.75, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 0.5 * s, 11, 1.5 * s] },
    },
    {
      id: 'county-borders',
      type: 'line',
      source: 'county-borders',
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#e8eefc', 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.5 * s, 11, 3.5 * s] },
    },
    {
      id: 'township-hover',
      type: 'line',
      source: TOWNSHIPS,
      paint: {
        'line-color': '#ffffff',
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4 * s, 2 * s],
        'line-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 1, ['boolean', ['feature-state', 'hover'], false], 0.8, 0],
      },
    },
    {
      id: 'township-labels',
      type: 'symbol',
      source: 'township-labels',
      // Township names appear once there is room for them; scaled-up wall labels need a little more zoom.
      minzoom: 8.3 + 0.5 * Math.log2(s),
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10 * s, 10, 13 * s, 12, 16 * s],
        'text-padding': 3 * s,
      },
      // Light text on a dark halo reads on all five fills, red included.
      paint: { 'text-color': '#f5f7ff', 'text-halo-color': 'rgba(11,18,32,0.85)', 'text-halo-width': 1.3 * s },
    },
    {
      id: 'county-labels',
      type: 'symbol',
      source: 'county-labels',
      maxzoom: 11,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 13 * s, 10, 22 * s],
        'text-allow-overlap': false,
        'symbol-sort-key': 0,
      },
      paint: { 'text-color': '#ffffff', 'text-halo-color': '#0b1220', 'text-halo-width': 2.2 * s },
    },
  ];
}

/**
 * Readable without color: a per-level hatch over the fills and each township's level number at its
 * seat, shown by the app's `pattern` option. Neither `fill-pattern` nor `text-field` can read
 * feature-state, but opacity can: one layer per level, each opaque only where the township's
 * feature-state level is its own, so a date step stays feature-state writes, never a setData.
 */
export const SEATS = 'township-seats';
export const hatchLayerId = (level: Level): string => `township-hatch-${level}`;
export const numberLayerId = (level: Level): string => `township-number-${level}`;
export const hatchImageId = (level: Level): string => `level-hatch-${level}`;

const isLevel = (level: Level): ExpressionSpecification => ['==', ['coalesce', ['feature-state', 'level'], 0], level];

/** Hatch layers: put them right above the fills (under the borders). */
export function hatchLayers(): AddLayerObject[] {
  return LEVELS.filter((l) => l.level !== 5).map(({ level }) => ({
    id: hatchLayerId(level),
    type: 'fill',
    source: TOWNSHIPS,
    layout: { visibility: 'none' },
    paint: { 'fill-pattern': hatchImageId(level), 'fill-opacity': ['case', isLevel(level), 1, 0] },
  }));
}

/** Number layers, on top of everything: dark digits on a light halo read on all five fills and in print. */
export function numberLayers(s: number): AddLayerObject[] {
  return LEVELS.map(({ level }) => ({
    id: numberLayerId(level),
    type: 'symbol',
    source: SEATS,
    layout: {
      visibility: 'none',
      'text-field': String(level),
      'text-font': LABEL_FONT,
      'text-size': ['interpolate', ['linear'], ['zoom'], 7, 13 * s, 10, 18 * s, 12, 22 * s],
      // Above the township's name (drawn at the same seat), and never hidden by a collision.
      'text-offset': [0, -1.05],
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: {
      'text-color': '#0b1220',
      'text-halo-color': '#ffffff',
      'text-halo-width': 2 * s,
      'text-opacity': ['case', isLevel(level), 1, 0],
    },
  }));
}
