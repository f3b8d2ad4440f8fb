/**
 * The township map's layers: fills colored by `feature-state` (so a recolor never re-sends the
 * GeoJSON), borders, the hover/selection outline and the labels, sized by the UI scale.
 */
import type { AddLayerObject, ExpressionSpecification, FilterSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import { LEVELS, type Level } from '../core/levels.ts';
import { LABEL_FONT, levelColor } from './style.ts';

export const TOWNSHIPS = 'townships';
export const FILL = 'township-fill';
export const LABELS = 'township-labels';
/** The wall's labels of red and orange townships, placed first and never hidden by a collision. */
export const PRIORITY_LABELS = 'township-labels-priority';

/** The wall's label options: one size for every name, read from across the room. */
export interface WallLabels {
  /** Text size in CSS pixels. */
  readonly size: number;
}

/** Wall labels scale with the screen's height: 1/60 of it, the floor for text on the wall, so most names fit. */
export function wallLabels(screenHeight: number): WallLabels {
  return { size: Math.ceil(screenHeight / 60) };
}

/**
 * Labels for `codes` only, or for every township but them. Layout properties and filters cannot
 * read feature-state, so the red/orange set is a filter on the code, set again when levels change.
 */
export function labelFilter(codes: readonly string[], keep: boolean): FilterSpecification {
  const within: FilterSpecification = ['in', ['get', 'code'], ['literal', [...codes]]];
  return keep ? within : ['!', within];
}

const LABEL_PAINT: SymbolLayerSpecification['paint'] = { 'text-color': '#f5f7ff', 'text-halo-color': 'rgba(11,18,32,0.85)' };

/**
 * On the wall every name is drawn where it fits at any zoom, and red and orange townships always
 * are: their layer goes above the rest (MapLibre places the top layer's symbols first) and may
 * overlap, so the others give way to them, never the reverse.
 */
function wallLabelLayers(s: number, wall: WallLabels): { labels: AddLayerObject[]; priority: AddLayerObject } {
  const layout = (size: number): SymbolLayerSpecification['layout'] => ({
    'text-field': ['get', 'name'],
    'text-font': LABEL_FONT,
    'text-size': size,
    'text-padding': Math.round(size * 0.1),
    // One line per name: broken into two, "胡源/乡" reads worse and barely more names fit.
    'text-max-width': 20,
  });
  return {
    labels: [
      {
        id: LABELS,
        type: 'symbol',
        source: LABELS,
        filter: labelFilter([], false),
        layout: layout(wall.size),
        paint: { ...LABEL_PAINT, 'text-halo-width': 0.08 * wall.size },
      },
    ],
    priority: {
      id: PRIORITY_LABELS,
      type: 'symbol',
      source: LABELS,
      filter: labelFilter([], true),
      layout: { ...layout(Math.round(wall.size * 1.1)), 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(11,18,32,0.95)', 'text-halo-width': 0.12 * wall.size + s },
    },
  };
}

export function townshipLayers(s: number, wall: WallLabels | null = null): AddLayerObject[] {
  const wallLabels = wall ? wallLabelLayers(s, wall) : null;
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
    ...(wallLabels?.labels ?? [
      {
        id: LABELS,
        type: 'symbol',
        source: LABELS,
        // Township names appear once there is room for them; scaled-up labels need a little more zoom.
        minzoom: 8.3 + 0.5 * Math.log2(s),
        layout: {
          'text-field': ['get', 'name'],
          'text-font': LABEL_FONT,
          'text-size': ['interpolate', ['linear'], ['zoom'], 8, 10 * s, 10, 13 * s, 12, 16 * s],
          'text-padding': 3 * s,
        },
        // Light text on a dark halo reads on all five fills, red included.
        paint: { ...LABEL_PAINT, 'text-halo-width': 1.3 * s },
      } satisfies AddLayerObject,
    ]),
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
    ...(wallLabels ? [wallLabels.priority] : []),
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
