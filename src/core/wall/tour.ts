/**
 * The wall's unattended tour: the whole city, each layer over it, each county, then the day's worst
 * townships — one cycle, planned afresh each time round so it follows the latest day's ranking.
 */
import type { TourConfig } from '../deployment-config.ts';

export type TourStep =
  | { readonly kind: 'city' }
  | { readonly kind: 'layer'; readonly layer: string }
  | { readonly kind: 'county'; readonly code: string }
  | { readonly kind: 'township'; readonly code: string };

/**
 * One cycle of the tour. `counties` in display order; `worst` the day's township codes, worst first;
 * `layers` the overlay layers this data set has (configured layers it lacks are left out).
 */
export function planTour(tour: TourConfig, counties: readonly string[], worst: readonly string[], layers: readonly string[]): TourStep[] {
  const steps: TourStep[] = [{ kind: 'city' }];
  const available = new Set(layers);
  for (const layer of tour.layers) if (available.has(layer)) steps.push({ kind: 'layer', layer });
  if (tour.counties) for (const code of counties) steps.push({ kind: 'county', code });
  for (const code of worst.slice(0, tour.worstTownships)) steps.push({ kind: 'township', code });
  return steps;
}
