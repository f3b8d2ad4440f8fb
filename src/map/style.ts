import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { LEVELS, NO_DATA_COLOR } from '../core/levels.ts';

export const BACKGROUND = '#0b1220';

/** Local fonts only: with no "glyphs" URL MapLibre draws every label with the device's fonts. */
export const LABEL_FONT = ['Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', 'sans-serif'];
export const IDEOGRAPH_FONT_FAMILY = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

/** No sources and no glyph server: the map makes no request beyond the app's own data. */
export function emptyStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND } }],
  };
}

export const levelColor: ExpressionSpecification = [
  'match',
  ['coalesce', ['feature-state', 'level'], 0],
  ...LEVELS.flatMap((l) => [l.level, l.color]),
  NO_DATA_COLOR,
] as unknown as ExpressionSpecification;
