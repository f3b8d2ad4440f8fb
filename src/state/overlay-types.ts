/** The overlay groups and their data, shared by the state that loads them and the map layers that draw them. */
import type { FeatureCollection } from 'geojson';

export type OverlayId = 'zones' | 'coverage' | 'sites' | 'teams';

export interface OverlayToggle {
  on: boolean;
  opacity: number;
}

export interface OverlayData {
  zones: FeatureCollection;
  coverage: FeatureCollection;
  gaps: FeatureCollection;
  sites: FeatureCollection;
  teams: FeatureCollection;
}
