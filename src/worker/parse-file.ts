/**
 * Bytes of an incidents file → columns: incidents.bin by its magic, else text (UTF-8, then GB18030)
 * that is GeoJSON or CSV. CSV is parsed as it is decoded; GeoJSON whole, once decoded.
 */
import { bilingual, DataError } from '../core/data-error.ts';
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
    throw new DataError(file, bilingual(`cannot be read (${errorMessage(err)}) — check that it is an incidents file (CSV, GeoJSON or incidents.bin) and export it again`, '无法读取，请确认这是事件文件（CSV、GeoJSON 或 incidents.bin）并重新导出'));
  }
}

async function parseUnchecked(bytes: unknown, file: string, options: ParseOptions, ctx: RequestContext): Promise<ParsedFile> {
  if (!(bytes instanceof ArrayBuffer)) throw new DataError(file, bilingual('has no contents: the app passed no bytes (an error in the app, not in the file — report it)', '没有内容：应用未传入文件数据（这是应用程序的错误，并非文件问题，请报告此问题）'));
  const data = new Uint8Array(bytes);
  const format = options.format ?? binaryKind(data);
  if (format !== undefined && !isIncidentFormat(format)) {
    throw new DataError(file, bilingual(`cannot be read as ${JSON.stringify(format)}: the app asked for a format that is not csv, geojson or bin (an error in the app, not in the file — report it)`, `无法按 ${JSON.stringify(format)} 读取：应用指定的格式不是 csv、geojson 或 bin（这是应用程序的错误，并非文件问题，请报告此问题）`));
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
  throw new DataError(file, bilingual('is not text in UTF-8 or GB18030 (nor an incidents.bin file) — save it as "CSV UTF-8" or GeoJSON', '既不是 UTF-8 或 GB18030 文本，也不是 incidents.bin 文件；请另存为“CSV UTF-8”或 GeoJSON'));
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
  if (kind === undefined) throw new DataError(file, bilingual('the file is empty — export the incidents again', '文件是空的，请重新导出事件'));
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
