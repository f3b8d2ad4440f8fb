/**
 * Spatial join CLI: count incidents per township, type and day.
 *
 *   npm run join -- <boundaries.topojson|geojson> <incidents.csv|geojson> [--out counts.csv]
 *                   [--utc-offset +08:00] [--object townships] [--batch 1000000]
 *
 * - Boundaries: TopoJSON (object "townships", or the only object) or a GeoJSON FeatureCollection of
 *   Polygon/MultiPolygon features with `properties.code` (read whole: they are small).
 * - Incidents are STREAMED in batches (`--batch` points), so a file larger than memory works:
 *   CSV (.csv/.tsv/.txt; see src/core/incidents/stream-incidents.ts for the columns) is read line by
 *   line; GeoJSON (.geojson/.json/.geojsonl/.geojsons/.ndjson/.jsonl) is streamed when it has one
 *   feature per line (GeoJSONSeq, NDJSON, or a FeatureCollection written one feature per line);
 *   any other GeoJSON layout is parsed whole, which needs it to fit in memory (up to 512 MiB).
 * - Output: the counts CSV (`code,date,type,count`, data/JOIN.md) to --out or stdout; the date column
 *   is filled when the incidents have a time column (calendar day in --utc-offset, default +08:00).
 * - A summary (rows read, joined, outside, skipped by reason with the first row numbers) goes to
 *   stderr. Exit code 0 on success, 1 on a fatal input problem (the message names the file), 2 on
 *   bad usage.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { buildJoinIndex } from '../src/core/pip/build-index';
import { dayNumberAt, DEFAULT_UTC_OFFSET_MINUTES, formatDayNumber } from '../src/core/dates';
import { INCIDENT_TYPE_COUNT, INCIDENT_TYPES } from '../src/core/incidents/incident-types';
import type { ParsedIncidents, SkippedRow } from '../src/core/incidents/incident-rows';
import { locatePoints } from '../src/core/pip/locate-points';
import { readBoundaryFeatures } from '../src/core/boundaries/read-boundaries';
import { parseIncidentsGeoJson } from '../src/core/incidents/parse-incidents';
import {
  createCsvIncidentParser,
  createGeoJsonSeqIncidentParser,
  NotLineDelimitedError,
  type IncidentStreamParser,
} from '../src/core/incidents/stream-incidents';
import { writeCounts, type CountsRow } from '../src/core/counts/write-counts';

const USAGE =
  'usage: npm run join -- <boundaries.topojson|geojson> <incidents.csv|geojson> [--out counts.csv] [--utc-offset +08:00] [--object townships] [--batch 1000000]';
const WHOLE_GEOJSON_LIMIT = 512 * 1024 * 1024;
const CSV_EXT = new Set(['.csv', '.tsv', '.txt']);
const GEOJSON_EXT = new Set(['.geojson', '.json', '.geojsonl', '.geojsons', '.ndjson', '.jsonl']);

interface Options {
  boundaries: string;
  incidents: string;
  out: string | null;
  utcOffsetMinutes: number;
  object: string;
  batch: number;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const positional: string[] = [];
  let out: string | null = null;
  let utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES;
  let object = 'townships';
  let batch = 1_000_000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--out' || a === '-o') out = value();
    else if (a === '--utc-offset') {
      const m = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(value());
      if (m === null) throw new UsageError('--utc-offset must look like +08:00');
      utcOffsetMinutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
    } else if (a === '--object') object = value();
    else if (a === '--batch') {
      batch = Number(value());
      if (!Number.isInteger(batch) || batch < 1) throw new UsageError('--batch must be a positive integer');
    } else if (a === '--help' || a === '-h') throw new UsageError('');
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (positional.length !== 2) throw new UsageError('expected a boundaries file and an incidents file');
  return { boundaries: positional[0]!, incidents: positional[1]!, out, utcOffsetMinutes, object, batch };
}

/** Running totals over all batches. */
class Tally {
  rows = 0;
  joined = 0;
  outside = 0;
  skipped = 0;
  readonly byReason = new Map<string, number>();
  readonly firstSkipped: SkippedRow[] = [];
  undated: Uint32Array;
  readonly byDay = new Map<number, Uint32Array>();
  dated = false;

  constructor(
    private readonly featureCount: number,
    private readonly utcOffsetMinutes: number,
  ) {
    this.undated = new Uint32Array(featureCount * INCIDENT_TYPE_COUNT);
  }

  add(batch: ParsedIncidents, township: Int32Array): void {
    this.rows += batch.rowCount;
    this.skipped += batch.skippedCount;
    for (const [k, v] of Object.entries(batch.skippedByReason)) this.byReason.set(k, (this.byReason.get(k) ?? 0) + v);
    for (const s of batch.skipped) if (this.firstSkipped.length < 10) this.firstSkipped.push(s);
    const n = batch.types.length;
    const T = INCIDENT_TYPE_COUNT;
    const times = batch.times;
    if (times !== undefined) this.dated = true;
    let lastDay = NaN;
    let dayCounts = this.undated;
    for (let i = 0; i < n; i++) {
      const k = township[i]!;
      if (k < 0) {
        this.outside++;
        continue;
      }
      this.joined++;
      if (times === undefined) {
        this.undated[k * T + batch.types[i]!]!++;
        continue;
      }
      const day = dayNumberAt(times[i]!, this.utcOffsetMinutes);
      if (day !== lastDay) {
        let c = this.byDay.get(day);
        if (c === undefined) {
          c = new Uint32Array(this.featureCount * T);
          this.byDay.set(day, c);
        }
        dayCounts = c;
        lastDay = day;
      }
      dayCounts[k * T + batch.types[i]!]!++;
    }
  }

  rowsOut(codes: readonly string[]): CountsRow[] {
    const rows: CountsRow[] = [];
    const T = INCIDENT_TYPE_COUNT;
    const emit = (counts: Uint32Array, date: string) => {
      for (let k = 0; k < codes.length; k++) {
        for (let t = 0; t < T; t++) {
          const c = counts[k * T + t]!;
          if (c > 0) rows.push({ code: codes[k]!, date, type: INCIDENT_TYPES[t]!, count: c });
        }
      }
    };
    if (this.dated) {
      for (const day of [...this.byDay.keys()].sort((a, b) => a - b)) {
        emit(this.byDay.get(day)!, formatDayNumber(day));
      }
    } else emit(this.undated, '');
    return rows;
  }
}

async function streamInto(parser: IncidentStreamParser, file: string, batchSize: number, onBatch: (b: ParsedIncidents) => void): Promise<void> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) {
    parser.push(chunk as string);
    if (parser.pending >= batchSize) onBatch(parser.take());
  }
  parser.end();
  onBatch(parser.take());
}

async function run(opts: Options): Promise<void> {
  const t0 = performance.now();
  const boundaries = readBoundaryFeatures(await readFile(opts.boundaries, 'utf8'), opts.boundaries, opts.object);
  const codes = boundaries.map((f) => f.properties.code);
  const index = buildJoinIndex(boundaries, { codes });
  const t1 = performance.now();
  log(`boundaries: ${boundaries.length} townships from ${opts.boundaries}, index built in ${(t1 - t0).toFixed(0)} ms`);

  let tally = new Tally(boundaries.length, opts.utcOffsetMinutes);
  const onBatch = (b: ParsedIncidents) => tally.add(b, locatePoints(index, b.coords));
  const ext = extname(opts.incidents).toLowerCase();
  let geojson = GEOJSON_EXT.has(ext);
  if (!geojson && !CSV_EXT.has(ext)) geojson = await startsLikeJson(opts.incidents);
  const parserOptions = { utcOffsetMinutes: opts.utcOffsetMinutes, maxSkippedListed: 10 };
  if (!geojson) {
    await streamInto(createCsvIncidentParser(opts.incidents, parserOptions), opts.incidents, opts.batch, onBatch);
  } else {
    try {
      await streamInto(createGeoJsonSeqIncidentParser(opts.incidents, parserOptions), opts.incidents, opts.batch, onBatch);
    } catch (err) {
      if (!(err instanceof NotLineDelimitedError)) throw err;
      const size = (await stat(opts.incidents)).size;
      if (size > WHOLE_GEOJSON_LIMIT) {
        throw new Error(`${err.message}; the file (${size} bytes) is too large to parse whole (limit ${WHOLE_GEOJSON_LIMIT} bytes)`);
      }
      tally = new Tally(boundaries.length, opts.utcOffsetMinutes);
      onBatch(parseIncidentsGeoJson(await readFile(opts.incidents, 'utf8'), opts.incidents, parserOptions));
    }
  }
  const t2 = performance.now();

  const rows = tally.rowsOut(codes);
  const text = writeCounts(rows);
  if (opts.out === null) process.stdout.write(text);
  else await writeFile(opts.out, text);

  log(
    `incidents: ${tally.rows} rows read from ${opts.incidents} in ${(t2 - t1).toFixed(0)} ms: ${tally.joined} joined to a township, ${tally.outside} outside every township, ${tally.skipped} skipped`,
  );
  if (tally.skipped > 0) {
    log(`skipped rows by reason: ${[...tally.byReason].map(([k, v]) => `${k}: ${v}`).join('; ')}`);
    for (const s of tally.firstSkipped) log(`  row ${s.row}: ${s.reason}`);
    if (tally.skipped > tally.firstSkipped.length) log(`  … and ${tally.skipped - tally.firstSkipped.length} more`);
  }
  if (tally.joined === 0 && tally.outside > 0) {
    log(`warning: no incident falls inside the boundaries of ${opts.boundaries} — wrong region, or lat/lon swapped?`);
  }
  log(`counts: ${rows.length} rows${tally.dated ? '' : ' (undated: no time column)'} written to ${opts.out ?? 'stdout'}`);
}

async function startsLikeJson(file: string): Promise<boolean> {
  const stream = createReadStream(file, { encoding: 'utf8', start: 0, end: 4095 });
  let head = '';
  for await (const chunk of stream) head += chunk as string;
  const m = /[^\s\ufeff\u001e]/.exec(head);
  return m !== null && (m[0] === '{' || m[0] === '[');
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

async function main(argv: string[]): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      if (err.message !== '') log(`join: ${err.message}`);
      log(USAGE);
      return 2;
    }
    throw err;
  }
  try {
    await run(opts);
    return 0;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    log(`join: ${e.code === 'ENOENT' ? `${e.path}: no such file` : e.message}`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
