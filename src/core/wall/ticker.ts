/**
 * A list that scrolls by itself for days without creating nodes: a fixed pool of rows, each showing
 * one item at an offset, moved with transforms. Given how far the list has scrolled (in rows), say
 * which item each pool row shows and where. Wraps around: after the last item comes the first again.
 */
export interface TickerRow {
  /** Index of the item this row shows. */
  readonly item: number;
  /** Vertical position in row heights from the top of the viewport (may be negative while leaving). */
  readonly offset: number;
}

/**
 * `pool` rows for `count` items scrolled `position` rows. When everything fits (`count ≤ visible`)
 * the list stands still: rows 0…count−1 at offsets 0…count−1.
 */
export function tickerRows(count: number, visible: number, pool: number, position: number): TickerRow[] {
  if (count <= 0) return [];
  if (count <= visible) return Array.from({ length: Math.min(count, pool) }, (_, i) => ({ item: i, offset: i }));
  const wrapped = ((position % count) + count) % count;
  const first = Math.floor(wrapped);
  const frac = wrapped - first;
  return Array.from({ length: pool }, (_, j) => ({ item: (first + j) % count, offset: j - frac }));
}
