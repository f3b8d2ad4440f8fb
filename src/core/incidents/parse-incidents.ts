import { bilingual, DataError, shown } from '../data-error.ts';
import { IncidentRows, type ParseIncidentsOptions, type ParsedIncidents } from './incident-rows';
import { createCsvIncidentParser, createGeoJsonSeqIncidentParser, FeatureReader, NotLineDelimitedError } from './stream-incidents';

export type { ParsedIncidents, ParseIncidentsOptions, SkippedRow } from './incident-rows';

/**
 * Parse an incidents file held in memory: GeoJSON when the first non-blank character (ignoring a
 * BOM and RS separators) is `{` or `[`, CSV otherwise. See {@link parseIncidentsCsv} and {@link parseIncidentsGeoJson}; data/JOIN.md
 * has the formats. Throws a DataError naming the file for a fatal problem (empty file, no lon/lat
 * columns, malformed JSON, every coordinate out of range → swapped lat/lon or projected CRS).
 */
export function parseIncidents(text: string, fileName: string, options: ParseIncidentsOptions = {}): ParsedIncidents {
  const first = /[^\s\ufeff\u001e]/.exec(text);
  if (first === null) throw new DataError(fileName, bilingual('the file is empty — export the incidents again', '文件是空的，请重新导出事件'));
  const c = first[0];
  return c === '{' || c === '[' ? parseIncidentsGeoJson(text, fileName, options) : parseIncidentsCsv(text, fileName, options);
}

/** Parse CSV incidents (header with lon/lat/type[/time] columns; see stream-incidents.ts). */
export function parseIncidentsCsv(text: string, fileName: string, options: ParseIncidentsOptions = {}): ParsedIncidents {
  const parser = createCsvIncidentParser(fileName, options);
  parser.push(text);
  parser.end();
  return parser.take();
}

/**
 * Parse GeoJSON incidents: a FeatureCollection (or a single Feature, or an array of features) of
 * Point features with `properties.type` (id or Chinese label) and optionally `properties.time`
 * (aliases as for CSV columns); also GeoJSONSeq / newline-delimited features. Row numbers are
 * 1-based feature numbers (line numbers for line-delimited input). A feature that is not a Point is
 * skipped with its reason.
 */
export function parseIncidentsGeoJson(text: string, fileName: string, options: ParseIncidentsOptions = {}): ParsedIncidents {
  if (text.trim() === '') throw new DataError(fileName, bilingual('the file is empty — export the incidents again', '文件是空的，请重新导出事件'));
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    // Not one JSON document: maybe one feature per line.
    const seq = createGeoJsonSeqIncidentParser(fileName, options);
    try {
      seq.push(text);
      seq.end();
      return seq.take();
    } catch (seqErr) {
      if (seqErr instanceof NotLineDelimitedError) {
        throw new DataError(fileName, bilingual(`malformed JSON (${(err as Error).message}) — export the incidents again as GeoJSON, or as CSV`, '不是有效的 JSON，请重新导出事件为 GeoJSON 或 CSV'));
      }
      throw seqErr;
    }
  }
  let features: unknown[];
  if (Array.isArray(json)) features = json;
  else if (typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'FeatureCollection') {
    const fs = (json as { features?: unknown }).features;
    if (!Array.isArray(fs)) throw new DataError(fileName, bilingual('is a FeatureCollection with no "features" array — export the incident points into it', '是没有“features”数组的 FeatureCollection，请把事件点导出到其中'));
    features = fs;
  } else if (typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'Feature') features = [json];
  else {
    const type = typeof json === 'object' && json !== null ? (json as { type?: unknown }).type : typeof json;
    throw new DataError(
      fileName,
      bilingual(
        `expected a GeoJSON FeatureCollection of Point features, got ${shown(type)} — export the incidents as GeoJSON points or as CSV`,
        `应为由点要素组成的 GeoJSON FeatureCollection，实际为 ${shown(type)}，请把事件导出为 GeoJSON 点或 CSV`,
      ),
    );
  }
  const rows = new IncidentRows(fileName, options);
  const reader = new FeatureReader(rows);
  for (let i = 0; i < features.length; i++) reader.add(features[i], i + 1);
  rows.finish();
  return rows.take();
}
