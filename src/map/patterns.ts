/**
 * Fill patterns drawn once into images. Overlays use sparse, thin ink so the township's own color
 * fills most of every tile and stays recognisable underneath; the per-level hatch (readable without
 * color) uses the core's tiles, upscaled for a wall's larger UI scale.
 */
import { HATCH_SIZE, hatchTile } from '../core/colors/hatch.ts';
import type { Level } from '../core/levels.ts';

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

type Rgba = readonly [number, number, number, number];

/**
 * Lines every `spacing` px, `width` px wide: diagonal (↘ lines rising to the right, "/" ) or
 * horizontal. At spacing 12 and width 1.2 about a tenth of the tile is inked.
 */
export function linePattern(spacing: number, width: number, ink: Rgba, direction: 'diagonal' | 'horizontal'): PatternImage {
  const size = Math.max(4, Math.round(spacing));
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const along = direction === 'diagonal' ? (x + y) % size : y;
      // Distance to the line through 0 (wrapping), so tiles join seamlessly.
      const d = Math.min(along, size - along) / (direction === 'diagonal' ? Math.SQRT2 : 1);
      if (d < width / 2) data.set(ink, (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** Round dots of `radius` px on a `spacing` px grid. */
export function dotPattern(spacing: number, radius: number, ink: Rgba): PatternImage {
  const size = Math.max(4, Math.round(spacing));
  const data = new Uint8ClampedArray(size * size * 4);
  const c = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (Math.hypot(x - c, y - c) <= radius) data.set(ink, (y * size + x) * 4);
  }
  return { width: size, height: size, data };
}

/** A level's hatch tile (core/colors/hatch.ts), each pixel repeated `k`×`k` for a wall's scale. */
export function levelHatch(level: Level, scale: number): PatternImage {
  const k = Math.max(1, Math.round(scale));
  const tile = hatchTile(level);
  const size = HATCH_SIZE * k;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (Math.floor(y / k) * HATCH_SIZE + Math.floor(x / k)) * 4;
      data.set(tile.subarray(from, from + 4), (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

const hatchCss = new Map<Level, string>();

/** The same tile as a CSS background (the legend's swatches), drawn through a canvas once per level. */
export function levelHatchCss(level: Level): string {
  const made = hatchCss.get(level);
  if (made) return made;
  const { width, height, data } = levelHatch(level, 1);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.putImageData(new ImageData(data as Uint8ClampedArray<ArrayBuffer>, width, height), 0, 0);
  const css = `url(${canvas.toDataURL()})`;
  hatchCss.set(level, css);
  return css;
}
