/**
 * The address of a print view (daily bulletin, period report) from the current one: the same page
 * and data parameters (`?data=`, `?incidents=`), the view's own rows replaced.
 */
export function printUrl(current: string, rows: { mode: 'bulletin' | 'report'; date?: string | null; from?: string | null; to?: string | null; lang: string }): string {
  const url = new URL(current);
  for (const name of ['mode', 'date', 'from', 'to', 'lang']) url.searchParams.delete(name);
  url.searchParams.set('mode', rows.mode);
  for (const name of ['date', 'from', 'to'] as const) {
    const value = rows[name];
    if (value) url.searchParams.set(name, value);
  }
  url.searchParams.set('lang', rows.lang);
  return url.href;
}
