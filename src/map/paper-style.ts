/**
 * The map for paper: a white ground, dark county lines and labels with white halos, white township
 * borders between the colored fills. The fills themselves keep the five colors.
 */
import type { StyleSpecification } from 'maplibre-gl';

export const PAPER_INK = '#1f2937';

export function paperStyle(style: StyleSpecification): StyleSpecification {
  const out = structuredClone(style);
  for (const layer of out.layers) {
    if (layer.type === 'background') layer.paint = { ...layer.paint, 'background-color': '#ffffff' };
    else if (layer.id === 'township-borders' && layer.type === 'line') layer.paint = { ...layer.paint, 'line-color': '#ffffff', 'line-opacity': 0.9 };
    else if (layer.id === 'county-borders' && layer.type === 'line') layer.paint = { ...layer.paint, 'line-color': PAPER_INK };
    else if (layer.type === 'symbol') layer.paint = { ...layer.paint, 'text-color': PAPER_INK, 'text-halo-color': 'rgba(255,255,255,0.9)' };
  }
  return out;
}
