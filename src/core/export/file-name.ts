/**
 * Names of exported files: the region, then the day or range, then what it is — "丽水市-2026-11-24.csv",
 * "丽水市-2026-11-01_2026-11-24.csv", "丽水市-2026-11-24-a4.png" — so a folder of exports sorts by
 * region and date. The region's name comes from the data set, so characters no file system accepts
 * (and control characters) become "_"; a region without a usable name is named by its code.
 */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

export function regionStem(region: { readonly code: string; readonly name: string }): string {
  const name = region.name.replace(FORBIDDEN, '_').trim().replace(/^\.+/, '');
  return name !== '' ? name : `region-${region.code.replace(FORBIDDEN, '_')}`;
}

export function exportFileName(region: { readonly code: string; readonly name: string }, parts: readonly string[], extension: string): string {
  return `${[regionStem(region), ...parts].join('-')}.${extension}`;
}
