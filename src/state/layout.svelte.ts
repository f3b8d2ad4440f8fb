/**
 * What part of the map the current layout's panels cover, in CSS pixels from each edge. Layouts
 * write the sizes of their own regions here; the map pads itself from `padding`.
 */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The map keeps at least this share of each axis for itself, however wide the panels. */
const MIN_MAP_SHARE = 0.3;

export class MapInsets {
  top = $state(0);
  right = $state(0);
  bottom = $state(0);
  left = $state(0);
  /** The size of the screen the layout covers (0 before the first measure). */
  width = $state(0);
  height = $state(0);

  padding: Padding = $derived.by(() => {
    const [left, right] = fit(this.left, this.right, this.width);
    const [top, bottom] = fit(this.top, this.bottom, this.height);
    return { top, right, bottom, left };
  });
}

/** Shrinks two opposite insets alike when together they would leave the map too little room. */
function fit(a: number, b: number, size: number): [number, number] {
  const room = size * (1 - MIN_MAP_SHARE);
  if (size <= 0 || a + b <= room) return [Math.round(a), Math.round(b)];
  const k = room / (a + b);
  return [Math.round(a * k), Math.round(b * k)];
}
