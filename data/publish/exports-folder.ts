/**
 * A city's exports folder → named texts, sorted by kind. Files are recognised by name (documented in
 * data/FORMATS.md, "Publishing a city's exports"); a file publish does not know is an error rather
 * than ignored, since a misspelt `incident.csv` left out would publish a city with no incidents.
 * Each file is size-checked before it is read and decoded as UTF-8 or GB18030 (decode-text.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bilingual, DataError } from '../../src/core/data-error.ts';
import { decodeText, type TextEncoding } from '../../src/core/decode-text.ts';

/** Largest export file read (documented): the whole file is held in memory. */
export const MAX_EXPORT_BYTES = 256 * 1024 * 1024;

export interface ExportText {
  readonly name: string;
  readonly text: string;
  readonly encoding: TextEncoding;
}

export interface ExportsFolder {
  readonly indicators: ExportText[];
  readonly population: ExportText | null;
  readonly incidents: ExportText[];
  readonly counts: ExportText[];
  readonly boundaries: ExportText | null;
  readonly teams: ExportText | null;
  readonly hazardZones: ExportText | null;
  readonly hazardSites: ExportText | null;
  readonly coverage: ExportText | null;
  readonly indexConfig: ExportText | null;
  readonly overlaysConfig: ExportText | null;
}

type Single = 'population' | 'boundaries' | 'teams' | 'hazardZones' | 'hazardSites' | 'coverage' | 'indexConfig' | 'overlaysConfig';
type Many = 'indicators' | 'incidents' | 'counts';

const KINDS: readonly { kind: Single | Many; test: RegExp }[] = [
  { kind: 'indicators', test: /^indicators.*\.csv$/i },
  { kind: 'population', test: /^population.*\.csv$/i },
  { kind: 'counts', test: /^counts.*\.csv$/i },
  { kind: 'incidents', test: /^incidents.*\.(csv|geojson|json|ndjson|geojsonl|geojsons)$/i },
  { kind: 'boundaries', test: /^townships.*\.(topo\.json|topojson|geojson|json)$/i },
  { kind: 'teams', test: /^teams\.geojson$/i },
  { kind: 'hazardZones', test: /^hazard-zones\.geojson$/i },
  { kind: 'hazardSites', test: /^hazard-sites\.geojson$/i },
  { kind: 'coverage', test: /^coverage\.geojson$/i },
  { kind: 'indexConfig', test: /^index-config\.json$/i },
  { kind: 'overlaysConfig', test: /^overlays-config\.json$/i },
];
const MANY = new Set<string>(['indicators', 'incidents', 'counts']);
const IGNORED = /^(\.|readme|notes?\b)|\.(md|txt)$/i;
const KNOWN_EN = 'indicators*.csv, population.csv, incidents*.csv/.geojson, counts*.csv, townships.topo.json/.geojson, teams.geojson, hazard-zones.geojson, hazard-sites.geojson, coverage.geojson, index-config.json, overlays-config.json';

export interface ReadOptions {
  readonly maxFileBytes?: number;
}

/** Read the folder; throws a DataError (naming the file) for an unknown file, an oversized or unreadable one. */
export function readExportsFolder(dir: string, options: ReadOptions = {}): ExportsFolder {
  const limit = options.maxFileBytes ?? MAX_EXPORT_BYTES;
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    throw new DataError(dir, bilingual('the exports folder cannot be read — give the path of a folder that holds the exports', '无法读取导出文件夹，请给出存放导出文件的文件夹路径'));
  }
  const out: Record<string, ExportText[]> = {};
  for (const name of names) {
    if (IGNORED.test(name) || !statSync(join(dir, name)).isFile()) continue;
    const kind = KINDS.find((k) => k.test.test(name))?.kind;
    if (kind === undefined) {
      throw new DataError(name, bilingual(`is not a file publish knows — name it one of ${KNOWN_EN} (or .md/.txt for notes)`, `不是发布程序认识的文件名，请命名为 ${KNOWN_EN} 之一（说明文字请用 .md/.txt）`));
    }
    const list = (out[kind] ??= []);
    if (!MANY.has(kind) && list.length > 0) {
      throw new DataError(name, bilingual(`is a second ${kind} file beside ${list[0]!.name} — keep one`, `与 ${list[0]!.name} 重复，同类文件只能有一个`));
    }
    list.push(readExport(join(dir, name), name, limit));
  }
  const one = (k: Single): ExportText | null => out[k]?.[0] ?? null;
  return {
    indicators: out.indicators ?? [],
    population: one('population'),
    incidents: out.incidents ?? [],
    counts: out.counts ?? [],
    boundaries: one('boundaries'),
    teams: one('teams'),
    hazardZones: one('hazardZones'),
    hazardSites: one('hazardSites'),
    coverage: one('coverage'),
    indexConfig: one('indexConfig'),
    overlaysConfig: one('overlaysConfig'),
  };
}

/** One file's text, after the size limit (the message says the size, the limit and what to do). */
export function readExport(path: string, name: string, limit = MAX_EXPORT_BYTES): ExportText {
  const size = statSync(path).size;
  if (size > limit) {
    const mb = (n: number): string => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${n} bytes`);
    throw new DataError(
      name,
      bilingual(`is ${mb(size)}, over the limit of ${mb(limit)} per file — split it by month (indicators-2026-11.csv, …) or publish counts (counts.csv) instead of points`, `文件大小 ${mb(size)}，超过每个文件 ${mb(limit)} 的上限；请按月拆分（indicators-2026-11.csv 等），或改为提供计数文件 counts.csv`),
    );
  }
  const decoded = decodeText(new Uint8Array(readFileSync(path)), name);
  return { name, ...decoded };
}
