/** Point colors per incident type (order of INCIDENT_TYPES), chosen to stand apart from the five fills. */
export const TYPE_COLORS: readonly [number, number, number][] = [
  [255, 255, 255],
  [199, 125, 255],
  [0, 213, 255],
  [255, 112, 166],
  [160, 174, 192],
  [164, 113, 72],
  [255, 214, 255],
];

export const TYPE_COLOR_CSS = TYPE_COLORS.map(([r, g, b]) => `rgb(${r}, ${g}, ${b})`);
