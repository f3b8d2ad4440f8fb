/**
 * The tables as files, from the app's state: the day's CSV and GeoJSON (core `dayTable`, with the
 * engine's sub-scores, the incidents of the window shown and the overlay shares) and the date-range
 * CSV. Each returns the text and the file name; the menu downloads them.
 */
import { toCsv } from '../core/export/csv.ts';
import { DAY_TABLE_COLUMNS, dayTable, RANGE_TABLE_COLUMNS, rangeTable } from '../core/export/day-table.ts';
import { exportFileName } from '../core/export/file-name.ts';
import { dayGeoJson } from '../core/export/geojson.ts';
import type { DailyIncidentCounts } from '../core/wall/kpis.ts';
import type { FiveColorApp } from '../state/app.svelte.ts';

export interface ExportFile {
  readonly name: string;
  readonly text: string;
  readonly type: string;
}

const region = (app: FiveColorApp) => app.data.manifest?.region ?? { code: '', name: '' };

/** The joined daily counts (townships in the boundaries' order), null without dated incidents. */
export function dailyCounts(app: FiveColorApp): DailyIncidentCounts | null {
  const j = app.incidents.joined;
  return j?.countsByDay && j.startDay ? { countsByDay: j.countsByDay, townships: j.townships, typeCount: j.typeCount, startDay: j.startDay, dayCount: j.dayCount } : null;
}

function rowsOf(app: FiveColorApp, date: string) {
  const { boundaries, levels, bands } = app.data;
  if (!boundaries || !levels) throw new Error('the data is not loaded yet');
  return dayTable({
    boundaries,
    levels,
    date,
    bands,
    engine: app.safetyIndex.result,
    incidents: dailyCounts(app),
    incidentWindowDays: app.incidents.windowDays,
    shares: app.overlays.shares,
  });
}

export function dayCsv(app: FiveColorApp, date: string): ExportFile {
  return { name: exportFileName(region(app), [date], 'csv'), text: toCsv(DAY_TABLE_COLUMNS, rowsOf(app, date)), type: 'text/csv;charset=utf-8' };
}

export function dayGeoJsonFile(app: FiveColorApp, date: string): ExportFile {
  const collection = dayGeoJson(app.data.boundaries!, DAY_TABLE_COLUMNS, rowsOf(app, date));
  return { name: exportFileName(region(app), [date], 'geojson'), text: JSON.stringify(collection), type: 'application/geo+json' };
}

export function rangeCsv(app: FiveColorApp, from: string, to: string): ExportFile {
  const { boundaries, levels, bands } = app.data;
  if (!boundaries || !levels) throw new Error('the data is not loaded yet');
  const [a, b] = from <= to ? [from, to] : [to, from];
  return { name: exportFileName(region(app), [`${a}_${b}`], 'csv'), text: toCsv(RANGE_TABLE_COLUMNS, rangeTable(boundaries, levels, a, b, bands)), type: 'text/csv;charset=utf-8' };
}
