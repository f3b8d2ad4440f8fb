/**
 * Bytes of an incidents file → columns: incidents.bin by its magic, else text (UTF-8, then GB18030)
 * that is GeoJSON or CSV. CSV is parsed as it is decoded; GeoJSON whole, once decoded.
 */
import { DataError } from '../core/data-error.ts';
import { DEFAULT_UTC_OFFSET_MINUTES } from '../core/dates.ts';
import { bucketDays } from '../core/incidents/incident-days.ts';
import { decodeIncidents } from '../core/incidents/incidents-bin.ts';
import type { ParsedIncidents } from '../core/incidents/incident-rows.ts';
import { parseIncidentsGeoJson } from '../core/incidents/parse-incidents.ts';
import { createCsvIncidentParser, type IncidentStreamParser } from '../core/incidents/stream-incidents.ts';
import { AbortedError, type RequestContext } from './context.ts';
import { decodeChunks, EncodingError, TEXT_ENCODINGS } from './decode-text.ts';
import { errorMessage } from './errors.ts';
import { binaryKind, isIncidentFormat, TextKindSniffer } from './file-kind.ts';
import type { IncidentColumns, ParseOptions, ParseReport } from './protocol.ts';

export interface ParsedFile {
  readonly columns: IncidentColumns;
  readonly report: ParseReport;
}

/** Parse an incidents file; every failure but a cancel is a DataError naming `file`. */
export async function parseIncidentFile(bytes: unknown, file: string, options: ParseOptions, ctx: RequestContext): Promise<ParsedFile> {
  if (typeof file !== 'string' || file === '') throw new Error('parseIncidents: "file" (a name for messages) is required');
  try {
    return await parseUnchecked(bytes, file, options, ctx);
  } catch (err) {
    if (err instanceof AbortedError || err instanceof DataError) throw err;
    throw new DataError(file, errorMessage(err));
  }
}

async function parseUnchecked(bytes: unknown, file: string, options: ParseOptions, ctx: RequestContext): Promise<ParsedFile> {
  if (!(bytes instanceof ArrayBuffer)) throw new DataError(file, 'no file contents ("bytes" must be an ArrayBuffer)');
  const data = new Uint8Array(bytes);
  const format = options.format ?? binaryKind(data);
  if (format !== undefined && !isIncidentFormat(format)) {
    throw new DataError(file, `unknown format ${JSON.stringify(format)} (expected csv, geojson or bin)`);
  }
  if (format === 'bin') {
    const d = decodeIncidents(data, file);
    ctx.progress('parse', data.byteLength, data.byteLength);
    return {
      columns: { count: d.count, coords: d.coords, types: d.types, days: d.days, startDay: d.startDay, dayCount: d.dayCount },
      report: { rowCount: d.count, skipped: [], skippedCount: 0, skippedByReason: {}, format: 'bin' },
    };
  }
  for (const encoding of TEXT_ENCODINGS) {
    try {
      const { parsed, kind } = await parseText(data, file, encoding, format, options, ctx);
      return toColumns(parsed, kind, file, options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES);
    } catch (err) {
      if (!(err instanceof EncodingError)) throw err;
    }
  }
  throw new DataError(file, 'is not text in UTF-8 or GB18030 (nor an incidents.bin file)');
}

async function parseText(
  data: Uint8Array,
  file: string,
  encoding: string,
  format: 'csv' | 'geojson' | undefined,
  options: ParseOptions,
  ctx: RequestContext,
): Promise<{ parsed: ParsedIncidents; kind: 'csv' | 'geojson' }> {
  const parseOptions = {
    ...(options.utcOffsetMinutes !== undefined ? { utcOffsetMinutes: options.utcOffsetMinutes } : {}),
    ...(options.maxSkippedListed !== undefined ? { maxSkippedListed: options.maxSkippedListed } : {}),
  };
  const sniffer = new TextKindSniffer(format);
  let csv: IncidentStreamParser | null = null;
  const texts: string[] = [];
  await decodeChunks(data, encoding, ctx, (chunk) => {
    const text = sniffer.take(chunk);
    if (sniffer.kind === 'csv') {
      csv ??= createCsvIncidentParser(file, parseOptions);
      csv.push(text);
    } else if (sniffer.kind === 'geojson') texts.push(text);
  });
  const kind = sniffer.kind;
  if (kind === undefined) throw new DataError(file, 'the file is empty');
  if (kind === 'csv') {
    const parser: IncidentStreamParser = csv ?? createCsvIncidentParser(file, parseOptions);
    parser.end();
    return { parsed: parser.take(), kind };
  }
  return { parsed: parseIncidentsGeoJson(texts.join(''), file, parseOptions), kind };
}

/** Parsed rows → columns with calendar-day offsets from the first day. */
function toColumns(parsed: ParsedIncidents, kind: 'csv' | 'geojson', file: string, utcOffsetMinutes: number): ParsedFile {
  const n = parsed.types.length;
  const report: ParseReport = {
    rowCount: parsed.rowCount,
    skipped: parsed.skipped,
    skippedCount: parsed.skippedCount,
    skippedByReason: parsed.skippedByReason,
    format: kind,
  };
  if (parsed.times === undefined) return { columns: { count: n, coords: parsed.coords, types: parsed.types }, report };
  const { days, startDay, dayCount } = bucketDays(parsed.times, file, utcOffsetMinutes);
  return { columns: { count: n, coords: parsed.coords, types: parsed.types, days, startDay, dayCount }, report };
}
