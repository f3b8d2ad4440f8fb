/**
 * An import, read but not applied: what the file is (core/import/detect-kind.ts), read with the
 * strict parser of that kind, summarised for the dialog that asks before replacing. A bad file is
 * not a failed request: it is an inspection that says why it cannot be used, so the dialog shows
 * the problem beside what was recognised. Parsing runs here, so the map stays usable.
 */
import type { FeatureCollection } from 'geojson';
import { topology } from 'topojson-server';
import { boundariesPart, partCount } from '../../core/boundaries/boundary-parts.ts';
import { boundariesFromTopology, type Boundaries } from '../../core/boundaries/boundaries.ts';
import { boundariesFromJson } from '../../core/boundaries/read-boundaries.ts';
import { bilingual, DataError, DataErrorList, isRecord, parseJson } from '../../core/data-error.ts';
import { addDays } from '../../core/dates.ts';
import { decodeText } from '../../core/decode-text.ts';
import { detectCsvKind, detectJsonKind, textShape } from '../../core/import/detect-kind.ts';
import { extentOf } from '../../core/import/extent.ts';
import { fitLevels } from '../../core/import/levels-fit.ts';
import { reasonCounts, rowName, skippedMessage } from '../../core/incidents/skip-messages.ts';
import { splitQuoted } from '../../core/incidents/stream-incidents.ts';
import { isIncidentsBin } from '../../core/incidents/incidents-bin.ts';
import { parseIndicatorsCsv } from '../../core/indicators/parse-indicators.ts';
import { parseLevelsFile } from '../../core/levels-file.ts';
import { parseHazardZonesLenient, parseTeamsLenient } from '../../core/overlays/parse-overlays.ts';
import { parseIndexConfig } from '../../core/safety-index/config.ts';
import type { RequestContext } from '../context.ts';
import { errorMessage } from '../errors.ts';
import { parseIncidentFile } from '../parse-file.ts';
import { emptyInspection } from '../inspection.ts';
import type { ImportInspection, Requests } from '../protocol.ts';

/** Problems listed in the dialog; the count says how many more. */
const LISTED = 8;

/** Townships (or border lines) per part of imported boundaries sent to the page: a few ms to receive each on a weak PC. */
const PER_PART = 1_000;

type Draft = { -readonly [K in keyof ImportInspection]: ImportInspection[K] } & { boundaries?: Boundaries };

export async function inspectImport(payload: Requests['inspectImport']['req'], ctx: RequestContext): Promise<ImportInspection> {
  const { file, bytes } = payload;
  if (!(bytes instanceof ArrayBuffer)) throw new DataError(file, bilingual('has no contents: the app passed no bytes (an error in the app, not in the file — report it)', '没有内容：应用未传入文件数据（这是应用程序的错误，并非文件问题，请报告此问题）'));
  const known = Array.isArray(payload.knownCodes) ? payload.knownCodes : [];
  const out: Draft = { ...emptyInspection(file, bytes.byteLength) };
  try {
    await read(new Uint8Array(bytes), out, known, ctx);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    out.usable = false;
    const list = err instanceof DataErrorList ? err.errors.map((e) => e.message) : [err instanceof DataError ? err.message : `${file}: ${errorMessage(err)}`];
    out.problems.unshift(...list.slice(0, LISTED));
  }
  // New boundaries stay here until the user says replace; the page then takes them in parts.
  const { boundaries, ...inspection } = out;
  ctx.session.imported = boundaries && out.usable ? { file, boundaries } : null;
  return boundaries && out.usable ? { ...inspection, boundaryParts: partCount(boundaries, PER_PART) } : inspection;
}

/** Part `part` of the boundaries the last inspection of `file` read. */
export function importedBoundaries(payload: Requests['importedBoundaries']['req'], ctx: RequestContext): Requests['importedBoundaries']['res'] {
  const imported = ctx.session.imported;
  if (!imported || imported.file !== payload.file) throw new DataError(payload.file, bilingual('the file is no longer at hand — import it again', '该文件已不可用，请重新导入'));
  return boundariesPart(imported.boundaries, payload.part, PER_PART);
}

async function read(data: Uint8Array, out: Draft, known: string[], ctx: RequestContext): Promise<void> {
  const { file } = out;
  if (isIncidentsBin(data)) return readIncidents(data, out, ctx, []);
  const head = new TextDecoder('utf-8').decode(data.subarray(0, 65_536));
  const shape = textShape(head);
  if (shape === 'csv') {
    const firstLine = (head.charCodeAt(0) === 0xfeff ? head.slice(1) : head).split('\n').find((l) => l.trim() !== '') ?? '';
    const delim = [',', ';', '\t'].find((d) => splitQuoted(firstLine, d).length > 1) ?? ',';
    const header = splitQuoted(firstLine.replace(/\r$/, ''), delim).map((c) => c.trim());
    out.fields = header;
    out.kind = detectCsvKind(header);
    if (out.kind === 'incidents') return readIncidents(data, out, ctx, header);
    decodeText(data, file); // empty, UTF-16, a workbook: said before "unknown kind"
    if (out.kind === 'indicators') return readIndicators(data, out, known);
    throw new DataError(file, bilingual(`is a table whose columns (${header.slice(0, 8).join(', ')}) are neither incidents (lon, lat, type, time) nor indicators (date, code, indicator, value) — check the file, or publish it with npm run publish`, `表格的列（${header.slice(0, 8).join('、')}）既不是事件（lon、lat、type、time）也不是指标（date、code、indicator、value），请检查文件，或用 npm run publish 发布`));
  }
  const { text } = decodeText(data, file);
  ctx.progress('parse', data.byteLength / 2, data.byteLength);
  await ctx.checkpoint();
  let json: unknown;
  try {
    json = parseJson(text, file);
  } catch (err) {
    // Line-delimited GeoJSON features (GeoJSONSeq) are incidents, read by the incidents parser.
    const first = text.split('\n').find((l) => l.trim() !== '');
    if (first && detectJsonKind(safeJson(first)) === 'incidents') {
      out.kind = 'incidents';
      return readIncidents(data, out, ctx, []);
    }
    throw err;
  }
  out.kind = detectJsonKind(json);
  const features = isRecord(json) && Array.isArray(json.features) ? json.features : [];
  const firstProps = isRecord(features[0]) && isRecord(features[0].properties) ? Object.keys(features[0].properties) : [];
  out.fields = firstProps;
  switch (out.kind) {
    case 'boundaries':
      return readBoundaries(json, out, known);
    case 'incidents':
      return readIncidents(data, out, ctx, firstProps);
    case 'levels':
      return readLevels(text, out, known);
    case 'indexConfig': {
      const config = parseIndexConfig(text, file);
      out.fields = Object.keys(config.domains);
      out.count = out.fields.length;
      out.text = text;
      out.usable = true;
      return;
    }
    case 'teams':
    case 'hazardZones': {
      const { features: kept, problems } = (out.kind === 'teams' ? parseTeamsLenient : parseHazardZonesLenient)(json, file);
      out.rowCount = features.length;
      out.count = kept.length;
      out.skippedCount = features.length - kept.length;
      out.problems.push(...problems.slice(0, LISTED));
      out.extent = extentOf(kept.flatMap((f) => flatCoords(f.geometry)));
      out.text = text;
      out.usable = kept.length > 0;
      if (kept.length === 0) out.problems.unshift(bilingual(`${file}: none of its ${features.length} features could be used — nothing is replaced`, `${file}：${features.length} 个要素均无法使用，未替换任何内容`));
      return;
    }
    default:
      throw new DataError(file, bilingual('is JSON, but not a file the app imports — township boundaries (TopoJSON/GeoJSON polygons with "code"), incidents (GeoJSON points), rescue teams, hazard zones, a levels file or an index config', '是 JSON，但不是可导入的文件类型：乡镇边界（带 "code" 的 TopoJSON/GeoJSON 面）、事件（GeoJSON 点）、救援队伍、地质灾害区、等级文件或指数配置'));
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function flatCoords(g: { type: string; coordinates: unknown }): number[] {
  return (g.coordinates as unknown[]).flat(4) as number[];
}

async function readIncidents(data: Uint8Array, out: Draft, ctx: RequestContext, fields: string[]): Promise<void> {
  out.kind = 'incidents';
  out.fields = fields;
  // A copy: the bytes are the caller's, and the incidents parser may keep views on them.
  const { columns, report } = await parseIncidentFile(data.slice().buffer, out.file, {}, ctx);
  out.count = columns.count;
  out.rowCount = report.rowCount;
  out.skippedCount = report.skippedCount;
  out.extent = extentOf(columns.coords);
  if (columns.startDay !== undefined && columns.dayCount !== undefined && columns.dayCount > 0) out.dateRange = [columns.startDay, addDays(columns.startDay, columns.dayCount - 1)];
  const geo = report.format === 'geojson';
  for (const s of report.skipped.slice(0, LISTED)) out.problems.push(`${out.file}: ${skippedMessage(rowName(s.row, geo), s.reason)}`);
  out.usable = columns.count > 0;
  if (columns.count === 0) {
    const reasons = reasonCounts(report.skippedByReason);
    out.problems.unshift(
      bilingual(
        `${out.file}: all ${report.rowCount} rows were skipped (${reasons.en}) — nothing is replaced; fix the rows named below and import it again`,
        `${out.file}：${report.rowCount} 行全部被跳过（${reasons.zh}），未替换任何内容；请修正下列各行后重新导入`,
      ),
    );
  }
}

function readBoundaries(json: unknown, out: Draft, known: string[]): void {
  let topo = json;
  if (isRecord(json) && json.type !== 'Topology') {
    // Every GeoJSON rule first, with the file's own feature numbers; then TopoJSON without moving a vertex.
    const { features } = boundariesFromJson(json, out.file);
    topo = topology({ townships: { type: 'FeatureCollection', features } as FeatureCollection });
  }
  const b: Boundaries = boundariesFromTopology(topo, out.file);
  out.boundaries = b;
  out.count = b.townships.features.length;
  out.rowCount = out.count;
  out.fields = Object.keys(b.townships.features[0]?.properties ?? {});
  out.extent = b.bbox;
  const incoming = new Set(b.byCode.keys());
  const current = new Set(known);
  out.unknownCodes = [...incoming].filter((c) => !current.has(c)); // new townships
  out.missingCodes = known.filter((c) => !incoming.has(c)); // townships that go
  out.usable = true;
}

function readLevels(text: string, out: Draft, known: string[]): void {
  const fit = fitLevels(parseLevelsFile(text, out.file), known);
  out.count = fit.levels.codes.length;
  out.rowCount = fit.levels.codes.length + fit.unknownCodes.length;
  out.fields = ['dates', 'codes', 'index'];
  const dates = fit.levels.dates;
  out.dateRange = [dates[0]!, dates[dates.length - 1]!];
  out.unknownCodes = fit.unknownCodes;
  out.missingCodes = fit.missingCodes;
  out.text = text;
  out.usable = fit.levels.codes.length > 0;
  if (!out.usable) out.problems.unshift(bilingual(`${out.file}: none of its ${fit.unknownCodes.length} township codes is a township on the map (e.g. ${fit.unknownCodes[0]}) — nothing is replaced; import the boundaries these codes belong to first`, `${out.file}：其中 ${fit.unknownCodes.length} 个乡镇代码都不在地图上（如 ${fit.unknownCodes[0]}），未替换任何内容；请先导入这些代码所属的边界`));
}

function readIndicators(data: Uint8Array, out: Draft, known: string[]): void {
  const { text } = decodeText(data, out.file);
  const rows = parseIndicatorsCsv(text, out.file, { knownCodes: new Set(known), boundariesFile: 'townships.topo.json' });
  out.count = rows.length;
  out.rowCount = rows.length;
  const days = rows.map((r) => r.day).sort();
  if (days.length > 0) out.dateRange = [days[0]!, days[days.length - 1]!];
  const inFile = new Set(rows.map((r) => r.code));
  out.missingCodes = known.filter((c) => !inFile.has(c));
  out.text = text;
  out.usable = rows.length > 0;
}
