/**
 * Finding a township by what a reader types: its name (or part of it), its county's name, or its
 * code (whole, or the digits it starts with). Pure, so the search box and its tests share it.
 * Best matches first: an exact code or name, then a start of code or name, then a part of the name,
 * then the county; ties keep the data's order.
 */
export interface Searchable {
  code: string;
  name: string;
  countyName: string;
}

/** Lower rank is better; null: no match. */
function rank(item: Searchable, q: string): number | null {
  const name = item.name.toLowerCase();
  if (item.code === q || name === q) return 0;
  if (item.code.startsWith(q) && /^\d+$/.test(q)) return 1;
  if (name.startsWith(q)) return 2;
  if (name.includes(q)) return 3;
  if (item.countyName.toLowerCase().includes(q)) return 4;
  return null;
}

export function searchTownships<T extends Searchable>(items: Iterable<T>, query: string, limit = 8): T[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: { item: T; rank: number; order: number }[] = [];
  let order = 0;
  for (const item of items) {
    const r = rank(item, q);
    if (r !== null) hits.push({ item, rank: r, order });
    order++;
  }
  hits.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return hits.slice(0, limit).map((h) => h.item);
}
