/**
 * Per-level hatch patterns, for readers who cannot tell the five colors apart and for black-and-white
 * print: the pattern alone says the level. Denser means more dangerous — red cross-hatched, orange
 * dense diagonals, yellow sparse diagonals, blue dots, green plain.
 */
import type { Level } from '../levels.ts';

export const HATCH_SIZE = 16;

/** Whether pixel (x, y) of a HATCH_SIZE tile is inked for a level. */
function inked(level: Level, x: number, y: number): boolean {
  const diagonal = (x + y) % 8;
  const anti = (x - y + 64) % 8;
  switch (level) {
    case 1:
      return diagonal < 2 || anti < 2;
    case 2:
      return diagonal < 2 || (x + y + 4) % 8 < 1;
    case 3:
      return (x + y) % 16 < 2;
    case 4:
      return x % 8 >= 3 && x % 8 <= 4 && y % 8 >= 3 && y % 8 <= 4;
    case 5:
      return false;
  }
}

/** RGBA pixels of one tile: `ink` where the pattern is, transparent elsewhere (so the fill color shows). */
export function hatchTile(level: Level, ink: readonly [number, number, number, number] = [11, 18, 32, 200]): Uint8ClampedArray {
  const out = new Uint8ClampedArray(HATCH_SIZE * HATCH_SIZE * 4);
  for (let y = 0; y < HATCH_SIZE; y++) {
    for (let x = 0; x < HATCH_SIZE; x++) if (inked(level, x, y)) out.set(ink, (y * HATCH_SIZE + x) * 4);
  }
  return out;
}

/** Share of a tile that is inked: strictly decreasing from red to green, so density reads as danger. */
export function hatchCoverage(level: Level): number {
  const tile = hatchTile(level);
  let n = 0;
  for (let i = 3; i < tile.length; i += 4) if (tile[i] > 0) n++;
  return n / (HATCH_SIZE * HATCH_SIZE);
}
