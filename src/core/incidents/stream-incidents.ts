import { bilingual, DataError } from '../data-error.ts';
import {
  IncidentRows,
  LAT_NAMES,
  LON_NAMES,
  REASON,
  TIME_NAMES,
  TYPE_NAMES,
  type ParseIncidentsOptions,
  type ParsedIncidents,
} from './incident-rows';

/**
 * An incremental incident parser: push text chunks as they arrive (any split, even inside a line
 * or a UTF-16 pair is fine as long as chunks are decoded text), take() the rows parsed so far at
 * any time (bounded memory for files larger than memory), end() after the last chunk.
 */
export interface IncidentStreamParser {
  push(chunk: string): void;
  /** Flush the last line and run the file-level checks; throws a DataError naming the file. */
  end(): void;
  /** Drain the incidents (and skipped rows) parsed since the last take. */
  take(): ParsedIncidents;
  /** Valid incidents waiting to be taken. */
  readonly pending: number;
}

/**
 * Thrown by the GeoJSON line parser when the input is not one feature per line: callers that can
 * parse the file whole catch it and do; otherwise it reaches the operator as a DataError.
 */
export class NotLineDelimitedError extends DataError {
  readonly code = 'NOT_LINE_DELIMITED';
}

/**
 * CSV incidents, streaming. The first non-blank line is the header; columns are found by name,
 * case-insensitively: lon/lng/long/longitude/x (经度), lat/latitude/y (纬度), type/category/kind/
 * incident_type (类型), optional time/datetime/timestamp/date/occurred_at (时间). Delimiter: the first
 * of `,` `;` tab `|` that yields lon and lat columns. RFC 4180 quoting (including line breaks inside
 * quotes); blank lines ignored; a UTF-8 BOM is ignored. Row numbers are 1-based line numbers.
 */
export function createCsvIncidentParser(fileName: string, options: ParseIncidentsOptions = {}): IncidentStreamParser {
  return new CsvParser(fileName, options);
}

/**
 * GeoJSON incidents, streaming, one Feature per line: GeoJSON text sequences (RFC 8142),
 * newline-delimited features, or a FeatureCollection written with one feature per line (its
 * opening and closing lines are recognised and skipped, trailing commas ignored). A line that is
 * none of these throws {@link NotLineDelimitedError}; parse such files whole with
 * parseIncidentsGeoJson. Row numbers are 1-based line numbers.
 */
export function createGeoJsonSeqIncidentParser(fileName: string, options: ParseIncidentsOptions = {}): IncidentStreamParser {
  return new GeoJsonSeqParser(fileName, options);
}

interface Header {
  readonly delim: string;
  readonly lon: number;
  readonly lat: number;
  readonly type: number;
  readonly time: number;
}

/** Splits text into lines across chunks. */
abstract class LineParser implements IncidentStreamParser {
  protected readonly rows: IncidentRows;
  protected lineNo = 0;
  protected sawContent = false;
  private rest = '';
  private first = true;
  private ended = false;

  constructor(
    protected readonly fileName: string,
    options: ParseIncidentsOptions,
  ) {
    this.rows = new IncidentRows(fileName, options);
  }

  get pending(): number {
    return this.rows.pending;
  }

  push(chunk: string): void {
    if (this.ended) throw new Error(`${this.fileName}: push() after end()`);
    let text = this.rest + chunk;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.lineNo++;
      this.line(text.slice(pos, end));
      pos = nl + 1;
    }
    this.rest = pos === 0 ? text : text.slice(pos);
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.rest !== '') {
      const last = this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest;
      this.rest = '';
      this.lineNo++;
      this.line(last);
    }
    this.finish();
    if (!this.sawContent) throw new DataError(this.fileName, bilingual('the file is empty — export the incidents again', '文件是空的，请重新导出事件'));
    this.rows.finish();
  }

  take(): ParsedIncidents {
    return this.rows.take();
  }

  protected abstract line(text: string): void;
  protected abstract finish(): void;
}

class CsvParser extends LineParser {
  private header: Header | null = null;
  private pendingRecord: string | null = null;
  private pendingStart = 0;

  protected line(text: string): void {
    if (this.pendingRecord !== null) {
      this.pendingRecord += '\n' + text;
      if (countQuotes(this.pendingRecord) % 2 === 0) {
        const rec = this.pendingRecord;
        this.pendingRecord = null;
        this.record(splitQuoted(rec, this.header!.delim), this.pendingStart);
      }
      return;
    }
    if (text.trim() === '') return;
    this.sawContent = true;
    if (this.header === null) {
      this.header = this.parseHeader(text);
      this.rows.hasTime = this.header.time >= 0;
      return;
    }
    const delim = this.header.delim;
    if (text.indexOf('"') >= 0) {
      if (countQuotes(text) % 2 === 1) {
        this.pendingRecord = text;
        this.pendingStart = this.lineNo;
        return;
      }
      this.record(splitQuoted(text, delim), this.lineNo);
    } else {
      this.record(text.split(delim), this.lineNo);
    }
  }

  protected finish(): void {
    if (this.pendingRecord !== null) {
      const at = this.pendingStart;
      throw new DataError(this.fileName, bilingual(`line ${at}: unterminated quoted field (a " without its closing ") — close the quote or remove it`, `第 ${at} 行：引号没有闭合（缺少配对的 "），请补上或删除该引号`));
    }
  }

  private record(fields: string[], row: number): void {
    const h = this.header!;
    const type = fields[h.type];
    this.rows.add(row, toNumber(fields[h.lon]), toNumber(fields[h.lat]), type === undefined ? undefined : type.trim(), h.time >= 0 ? fields[h.time] : undefined);
  }

  private parseHeader(text: string): Header {
    for (const delim of [',', ';', '\t', '|']) {
      const names = splitQuoted(text, delim).map((s) => s.trim().toLowerCase());
      const lon = findColumn(names, LON_NAMES);
      const lat = findColumn(names, LAT_NAMES);
      if (lon < 0 || lat < 0) continue;
      const type = findColumn(names, TYPE_NAMES);
      if (type < 0) {
        const header = JSON.stringify(text.slice(0, 200));
        throw new DataError(
          this.fileName,
          bilingual(`no type column in the header (expected one of ${TYPE_NAMES.join('/')}); header: ${header} — add a "type" column`, `表头中没有事件类型列（应为 ${TYPE_NAMES.join('/')} 之一），表头是 ${header}；请添加“type”列`),
        );
      }
      return { delim, lon, lat, type, time: findColumn(names, TIME_NAMES) };
    }
    const header = JSON.stringify(text.slice(0, 200));
    throw new DataError(
      this.fileName,
      bilingual(
        `no lon/lat columns in the header (expected one of ${LON_NAMES.join('/')} and one of ${LAT_NAMES.join('/')}); header: ${header} — name the columns "lon" and "lat"`,
        `表头中没有经纬度列（经度列应为 ${LON_NAMES.join('/')} 之一，纬度列应为 ${LAT_NAMES.join('/')} 之一），表头是 ${header}；请把列名写成“lon”和“lat”`,
      ),
    );
  }
}

class GeoJsonSeqParser extends LineParser {
  private readonly reader: FeatureReader;

  constructor(fileName: string, options: ParseIncidentsOptions) {
    super(fileName, options);
    this.reader = new FeatureReader(this.rows);
  }

  protected line(raw: string): void {
    let text = raw.trim();
    if (text.charCodeAt(0) === 0x1e) text = text.slice(1).trim();
    if (text === '') return;
    this.sawContent = true;
    if (text.endsWith(',')) text = text.slice(0, -1);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // The opening or closing line of a FeatureCollection written one feature per line, possibly
      // sharing the line with the first or last feature.
      let inner = text.replace(/^\{.*?"features"\s*:\s*\[/, '').replace(/\]\s*\}?$/, '').trim();
      if (inner.endsWith(',')) inner = inner.slice(0, -1);
      if (inner === '' || inner === '}' || inner === ']') return;
      if (inner === text) throw this.notLineDelimited(`malformed JSON line`);
      try {
        value = JSON.parse(inner);
      } catch (err) {
        throw this.notLineDelimited((err as Error).message);
      }
    }
    if (typeof value !== 'object' || value === null) throw this.notLineDelimited('line is not a JSON object');
    const type = (value as { type?: unknown }).type;
    if (type === 'Feature') this.reader.add(value, this.lineNo);
    else if (type === 'FeatureCollection') {
      const fs = (value as { features?: unknown }).features;
      if (!Array.isArray(fs)) {
        throw new DataError(this.fileName, bilingual(`line ${this.lineNo}: a FeatureCollection with no "features" array — export the incident points into it`, `第 ${this.lineNo} 行：没有“features”数组的 FeatureCollection，请把事件点导出到其中`));
      }
      for (let i = 0; i < fs.length; i++) this.reader.add(fs[i], this.lineNo);
    } else throw this.notLineDelimited(`a line of type ${JSON.stringify(type)}, expected Feature`);
  }

  protected finish(): void {}

  private notLineDelimited(detail: string): NotLineDelimitedError {
    return new NotLineDelimitedError(
      this.fileName,
      bilingual(
        `line ${this.lineNo}: not one GeoJSON feature per line (${detail}); streaming needs GeoJSONSeq/NDJSON or a FeatureCollection written one feature per line — save the file so`,
        `第 ${this.lineNo} 行：不是每行一个 GeoJSON 要素；逐行读取需要 GeoJSONSeq/NDJSON，或每行一个要素的 FeatureCollection，请按此格式保存`,
      ),
    );
  }
}

/** Turns GeoJSON Point features into incident rows (shared with the whole-file parser). */
export class FeatureReader {
  private decided = false;

  constructor(private readonly rows: IncidentRows) {}

  add(f: unknown, row: number): void {
    const rows = this.rows;
    if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') {
      rows.skipRow(row, REASON.geometry, 'not a GeoJSON Feature');
      return;
    }
    const g = (f as { geometry?: { type?: unknown; coordinates?: unknown } | null }).geometry;
    if (g === null || g === undefined || g.type !== 'Point') {
      rows.skipRow(row, REASON.geometry, `geometry ${JSON.stringify(g === null || g === undefined ? null : g.type)} is not a Point`);
      return;
    }
    const c = g.coordinates;
    const lon = Array.isArray(c) && typeof c[0] === 'number' ? c[0] : NaN;
    const lat = Array.isArray(c) && typeof c[1] === 'number' ? c[1] : NaN;
    const props = (f as { properties?: unknown }).properties;
    const p = typeof props === 'object' && props !== null ? (props as Record<string, unknown>) : {};
    const type = pick(p, TYPE_NAMES);
    const time = pick(p, TIME_NAMES);
    if (!this.decided) {
      // The first feature decides whether the file has times (then every feature needs one).
      rows.hasTime = time !== undefined && time !== null;
      this.decided = true;
    }
    rows.add(row, lon, lat, type, time);
  }
}

function pick(p: Record<string, unknown>, names: readonly string[]): unknown {
  for (const n of names) if (n in p) return p[n];
  for (const key of Object.keys(p)) {
    if (names.includes(key.trim().toLowerCase())) return p[key];
  }
  return undefined;
}

function findColumn(names: readonly string[], aliases: readonly string[]): number {
  for (const a of aliases) {
    const i = names.indexOf(a);
    if (i >= 0) return i;
  }
  return -1;
}

function toNumber(s: string | undefined): number {
  if (s === undefined) return NaN;
  const t = s.trim();
  return t === '' ? NaN : Number(t);
}

function countQuotes(s: string): number {
  let n = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) n++;
  return n;
}

/** Split one CSV record with RFC 4180 quoting ("" inside quotes is a quote). */
export function splitQuoted(text: string, delim: string): string[] {
  // Most records have no quote at all: then the fields are exactly the pieces between delimiters,
  // and the native split is many times faster than building each field a character at a time.
  if (text.indexOf('"') < 0) return text.split(delim);
  const out: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delim) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}
