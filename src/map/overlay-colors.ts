/** The overlays' colors, which the layer panel's keys show too (without loading the layers' code). */
export const ZONE_COLORS = { high: '#b5179e', medium: '#7209b7', low: '#4361ee' } as const;
export const COVERAGE_COLOR = '#00f5d4';
export const SITE_COLOR = '#ff9e00';
export const TEAM_COLOR = '#ffffff';
