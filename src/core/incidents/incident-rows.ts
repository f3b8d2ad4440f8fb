import { bilingual, DataError } from '../data-error.ts';
import { incidentTypeIndex } from './incident-types';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../dates.ts';
import { parseTime } from './parse-time';

/** A row (CSV: 1-based line number; GeoJSON: 1-based feature number or line number) left out. */
export interface SkippedRow {
  readonly row: number;
  readonly reason: string;
}

/** Incidents read from a file (or one batch of a streamed file). */
export interface ParsedIncidents {
  /** Interleaved lon, lat. */
  readonly coords: Float64Array;
  /** Index into INCIDENT_TYPES per incident. */
  readonly types: Uint8Array;
  /** Epoch milliseconds per incident, present when the input has a time column/property. */
  readonly times?: Float64Array;
  /** Skipped rows with their reasons (the first `maxSkippedListed`, default 1000). */
  readonly skipped: SkippedRow[];
  /** All skipped rows, listed or not. */
  readonly skippedCount: number;
  /** Skipped rows per kind of reason ("unknown type", "out of range", …). */
  readonly skippedByReason: Record<string, number>;
  /** Data rows / features read (kept + skipped). */
  readonly rowCount: number;
}

export interface ParseIncidentsOptions {
  /** Time zone of times without an offset, minutes east of UTC (default 480, UTC+8). */
  readonly utcOffsetMinutes?: number;
  /** How many skipped rows to list individually (default 1000); all are counted. */
  readonly maxSkippedListed?: number;
}

/** Column / property names, case-insensitive. */
export const LON_NAMES = ['lon', 'lng', 'long', 'longitude', 'x', '经度'];
export const LAT_NAMES = ['lat', 'latitude', 'y', '纬度'];
export const TYPE_NAMES = ['type', 'category', 'kind', 'incident_type', '类型', '事件类型'];
export const TIME_NAMES = ['time', 'datetime', 'timestamp', 'date', 'occurred_at', '时间', '发生时间', '日期'];

/** Reason kinds used as keys of `skippedByReason`. */
export const REASON = {
  coords: 'missing or non-numeric lon/lat',
  range: 'lon/lat out of range',
  type: 'unknown type',
  time: 'missing or invalid time',
  geometry: 'not a Point feature',
} as const;

/**
 * Accumulates validated incident rows into growable typed arrays and keeps the statistics for the
 * file-level checks (all coordinates out of range → swapped lat/lon or a projected CRS).
 * Shared by the CSV and GeoJSON parsers.
 */
export class IncidentRows {
  hasTime = false;
  private coords = new Float64Array(2048);
  private types = new Uint8Array(1024);
  private times = new Float64Array(1024);
  private n = 0;
  private skipped: SkippedRow[] = [];
  private skippedCount = 0;
  private byReason: Record<string, number> = {};
  private rows = 0;
  private listed = 0;
  private totalValid = 0;
  private numeric = 0;
  private outOfRange = 0;
  private swapFits = 0;
  private example: [number, number] | null = null;
  private readonly offset: number;
  private readonly maxListed: number;

  constructor(
    readonly fileName: string,
    options: ParseIncidentsOptions = {},
  ) {
    this.offset = options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES;
    this.maxListed = options.maxSkippedListed ?? 1000;
  }

  /** Valid rows waiting to be taken. */
  get pending(): number {
    return this.n;
  }

  /** Add one data row; `time` is ignored unless `hasTime`. */
  add(row: number, lon: number, lat: number, type: unknown, time: unknown): void {
    this.rows++;
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) {
      this.skip(row, REASON.coords, REASON.coords);
      return;
    }
    this.numeric++;
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      this.outOfRange++;
      const swapped = lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90;
      if (swapped) this.swapFits++;
      if (this.example === null) this.example = [lon, lat];
      this.skip(row, REASON.range, `${REASON.range}: lon=${lon}, lat=${lat}${swapped ? ' (lat/lon swapped?)' : ' (projected CRS?)'}`);
      return;
    }
    const t = typeof type === 'string' ? incidentTypeIndex(type) : -1;
    if (t < 0) {
      this.skip(row, REASON.type, `${REASON.type} ${JSON.stringify(type ?? null)}`);
      return;
    }
    let ms = NaN;
    if (this.hasTime) {
      ms = typeof time === 'string' || typeof time === 'number' ? parseTime(time, this.offset) : NaN;
      if (!Number.isFinite(ms)) {
        this.skip(row, REASON.time, `${REASON.time} ${JSON.stringify(time ?? null)}`);
        return;
      }
    }
    if (this.n === this.types.length) this.grow();
    this.coords[2 * this.n] = lon;
    this.coords[2 * this.n + 1] = lat;
    this.types[this.n] = t;
    this.times[this.n] = ms;
    this.n++;
    this.totalValid++;
  }

  /** Record a skipped row already counted by `add`. */
  private skip(row: number, kind: string, reason: string): void {
    this.skippedCount++;
    this.byReason[kind] = (this.byReason[kind] ?? 0) + 1;
    if (this.listed < this.maxListed) {
      this.skipped.push({ row, reason });
      this.listed++;
    }
  }

  /** Count and record a row rejected before `add` (e.g. not a Point feature). `kind`: a REASON value. */
  skipRow(row: number, kind: string, reason: string): void {
    this.rows++;
    this.skip(row, kind, reason);
  }

  /** Drain the valid rows and skipped rows accumulated since the last take. */
  take(): ParsedIncidents {
    const n = this.n;
    const out: ParsedIncidents = {
      coords: this.coords.slice(0, 2 * n),
      types: this.types.slice(0, n),
      ...(this.hasTime ? { times: this.times.slice(0, n) } : {}),
      skipped: this.skipped,
      skippedCount: this.skippedCount,
      skippedByReason: this.byReason,
      rowCount: this.rows,
    };
    this.n = 0;
    this.skipped = [];
    this.skippedCount = 0;
    this.byReason = {};
    this.rows = 0;
    return out;
  }

  /**
   * File-level checks at the end of input: when no row was kept and every row with numeric
   * coordinates was out of range, the file is rejected (swapped lat/lon, or a projected CRS).
   */
  finish(): void {
    if (this.totalValid > 0 || this.numeric === 0 || this.outOfRange !== this.numeric) return;
    const [x, y] = this.example!;
    if (this.swapFits === this.outOfRange) {
      throw new DataError(this.fileName, bilingual(`every coordinate is outside lon/lat ranges but fits when swapped (e.g. lon=${x}, lat=${y}) — looks like lat/lon swapped`, `所有坐标都超出经纬度范围，交换后正好合适（如 lon=${x}, lat=${y}），经纬度可能写反了，请交换两列`));
    }
    throw new DataError(this.fileName, bilingual(`values outside lon/lat ranges (e.g. x=${x}, y=${y}) — projected CRS? Convert to WGS84 lon/lat (EPSG:4326)`, `坐标超出经纬度范围（如 x=${x}, y=${y}），可能是投影坐标，请转换为 WGS84 经纬度（EPSG:4326）`));
  }

  private grow(): void {
    const cap = this.types.length * 2;
    const c = new Float64Array(cap * 2);
    c.set(this.coords);
    this.coords = c;
    const t = new Uint8Array(cap);
    t.set(this.types);
    this.types = t;
    const m = new Float64Array(cap);
    m.set(this.times);
    this.times = m;
  }
}
