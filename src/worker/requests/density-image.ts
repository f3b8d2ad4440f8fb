import { colorizeDensity, densityGrid } from '../../core/incidents/density.ts';
import type { Requests } from '../protocol.ts';

/** The incident density of one date window as RGBA pixels, so no map frame waits for the binning and blur. */
export function densityImage(payload: Requests['densityImage']['req']): Requests['densityImage']['res'] {
  const { positions, count, bbox, width, height, radius, stops } = payload;
  if (!(positions instanceof Float32Array) || !Number.isInteger(count) || count < 0 || 2 * count > positions.length) {
    throw new Error('densityImage: "positions" must be a Float32Array of at least 2 × "count" numbers');
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) throw new Error('densityImage: "width" and "height" must be positive integers');
  return { pixels: colorizeDensity(densityGrid(positions, count, bbox, width, height, radius), stops) };
}
