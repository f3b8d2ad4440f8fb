/**
 * A Zhejiang city-exports folder for the publish benchmark, in the formats a city exports
 * (data/FORMATS.md, "Publishing a city's exports"), derived from the generated Zhejiang data set
 * (build/regions/33, `npm run data -- 33`, built here when missing):
 *
 * - `indicators-YYYY-MM-DD.csv`, one per day of the 90-day history: long form `date,code,indicator,value`,
 *   every daily.json series (1,387 townships × 8 indicators a day, ~1 M rows in all);
 * - `population.csv`: `code,population`;
 * - `incidents.csv`: every point of incidents.bin (~570 k rows) as `id,lon,lat,type,time`, the time
 *   on the incident's day;
 * - `townships.topo.json`, the overlays and `index-config.json` as the data set has them, so the
 *   publish is the whole of Zhejiang, not Lishui's defaults.
 *
 * Large (~60 MB), so not committed: cached in node_modules/.cache/publish-bench/zhejiang-90d and
 * rebuilt when the source data set changes (its manifest's file versions, kept in a hidden file
 * publish ignores).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { addDays } from '../src/core/dates.ts';
import { decodeIncidents } from '../src/core/incidents/incidents-bin.ts';
import { INCIDENT_TYPES } from '../src/core/incidents/incident-types.ts';
import type { DailyFileJson } from '../src/core/daily-file.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const ZHEJIANG_DIR = join(ROOT, 'build/regions/33');
export const EXPORTS_DIR = join(ROOT, 'node_modules/.cache/publish-bench/zhejiang-90d');
/** Bump when the files written here change, so an old cache is rebuilt. */
const GENERATOR_VERSION = 1;
const KEY_FILE = '.source';
const COPIED = ['townships.topo.json', 'hazard-zones.geojson', 'hazard-sites.geojson', 'teams.geojson', 'coverage.geojson', 'overlays-config.json', 'index-config.json'];

export interface ZhejiangExports {
  readonly dir: string;
  /** The generated data set the exports come from (its levels.json is what publish should reproduce). */
  readonly sourceDir: string;
  readonly townships: number;
  readonly days: number;
  readonly indicatorRows: number;
  readonly incidents: number;
  readonly bytes: number;
  /** True when the folder was written by this call (false: reused from the cache). */
  readonly built: boolean;
}

interface Info {
  key: string;
  townships: number;
  days: number;
  indicatorRows: number;
  incidents: number;
  bytes: number;
}

function sourceKey(): string {
  const manifest = readFileSync(join(ZHEJIANG_DIR, 'manifest.json'), 'utf8');
  return createHash('sha256').update(`v${GENERATOR_VERSION}\n${manifest}`).digest('hex').slice(0, 16);
}

/** Make build/regions/33 with the pipeline's own CLI (~1 min) when it is not there. */
function ensureZhejiangData(log: (m: string) => void): void {
  if (existsSync(join(ZHEJIANG_DIR, 'manifest.json')) && existsSync(join(ZHEJIANG_DIR, 'incidents.bin'))) return;
  log('build/regions/33 is missing: running npm run data -- 33 (about a minute) …');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'data/build.ts', '33'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`npm run data -- 33 failed (exit ${r.status ?? r.signal})`);
}

export function ensureZhejiangExports(log: (m: string) => void = console.log): ZhejiangExports {
  ensureZhejiangData(log);
  const key = sourceKey();
  const keyPath = join(EXPORTS_DIR, KEY_FILE);
  if (existsSync(keyPath)) {
    const info = JSON.parse(readFileSync(keyPath, 'utf8')) as Info;
    if (info.key === key) return { dir: EXPORTS_DIR, sourceDir: ZHEJIANG_DIR, ...info, built: false };
  }
  log(`writing the Zhejiang exports to ${EXPORTS_DIR} …`);
  rmSync(EXPORTS_DIR, { recursive: true, force: true });
  mkdirSync(EXPORTS_DIR, { recursive: true });
  let bytes = 0;
  const write = (name: string, text: string): void => {
    const buf = Buffer.from(text, 'utf8');
    writeFileSync(join(EXPORTS_DIR, name), buf);
    bytes += buf.length;
  };

  const daily = JSON.parse(readFileSync(join(ZHEJIANG_DIR, 'daily.json'), 'utf8')) as DailyFileJson;
  const T = daily.codes.length;
  let indicatorRows = 0;
  for (let d = 0; d < daily.dayCount; d++) {
    const day = addDays(daily.startDay, d);
    const lines = ['date,code,indicator,value'];
    for (const [id, rows] of Object.entries(daily.series)) {
      const row = rows[d]!;
      for (let t = 0; t < T; t++) {
        const v = row[t];
        if (v === null || v === undefined) continue; // not reported: the row is left out
        lines.push(`${day},${daily.codes[t]},${id},${v}`);
      }
    }
    indicatorRows += lines.length - 1;
    write(`indicators-${day}.csv`, `${lines.join('\n')}\n`);
  }
  write('population.csv', `code,population\n${daily.codes.map((c, t) => `${c},${daily.population[t] ?? ''}`).join('\n')}\n`);

  const inc = decodeIncidents(readFileSync(join(ZHEJIANG_DIR, 'incidents.bin')), 'incidents.bin');
  const rows: string[] = ['id,lon,lat,type,time'];
  for (let i = 0; i < inc.count; i++) {
    const hh = String((i * 7) % 24).padStart(2, '0');
    const mi = String((i * 13) % 60).padStart(2, '0');
    rows.push(`E${String(i + 1).padStart(7, '0')},${inc.coords[2 * i]!.toFixed(6)},${inc.coords[2 * i + 1]!.toFixed(6)},${INCIDENT_TYPES[inc.types[i]!]},${addDays(inc.startDay, inc.days[i]!)} ${hh}:${mi}`);
  }
  write('incidents.csv', `${rows.join('\n')}\n`);

  for (const name of COPIED) {
    copyFileSync(join(ZHEJIANG_DIR, name), join(EXPORTS_DIR, name));
    bytes += readFileSync(join(EXPORTS_DIR, name)).length;
  }
  const info: Info = { key, townships: T, days: daily.dayCount, indicatorRows, incidents: inc.count, bytes };
  writeFileSync(keyPath, JSON.stringify(info));
  return { dir: EXPORTS_DIR, sourceDir: ZHEJIANG_DIR, ...info, built: true };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t0 = performance.now();
  const e = ensureZhejiangExports();
  console.log(`${e.dir}: ${e.townships} townships × ${e.days} days, ${e.indicatorRows} indicator rows, ${e.incidents} incidents, ${(e.bytes / 1e6).toFixed(1)} MB (${e.built ? 'written' : 'cached'}, ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
