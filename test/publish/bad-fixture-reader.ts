/**
 * Reads one file of test/fixtures/bad/ the way publish reads a file of its kind (chosen by the
 * name's prefix), and returns the first problem's message — or null if the file was accepted.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataError } from '../../src/core/data-error.ts';
import { decodeText } from '../../src/core/decode-text.ts';
import { parseIndicatorsCsv } from '../../src/core/indicators/parse-indicators.ts';
import { parsePopulationCsv } from '../../src/core/indicators/parse-population.ts';
import { parseIncidentsStrict } from '../../src/core/incidents/strict-incidents.ts';
import { Collector } from '../../data/publish/collect.ts';
import { readExport } from '../../data/publish/exports-folder.ts';
import { readPublishBoundaries } from '../../data/publish/read-boundaries.ts';
import { readIncidents } from '../../data/publish/read-incidents.ts';

export const BAD_DIR = new URL('../fixtures/bad/', import.meta.url).pathname;
const CODES = ['331102001', '331102002'];
const KNOWN = { knownCodes: new Set(CODES), boundariesFile: 'townships.topo.json' };
const HISTORY = { startDay: '2026-11-22', dayCount: 3 };

export function firstProblem(name: string): string | null {
  const path = join(BAD_DIR, name);
  try {
    if (name === 'too-big.csv') {
      readExport(path, name, 1024);
      return null;
    }
    const text = decodeText(new Uint8Array(readFileSync(path)), name).text;
    if (name.startsWith('indicators-') || name === 'workbook.xlsx' || name === 'utf16.csv') parseIndicatorsCsv(text, name, KNOWN);
    else if (name.startsWith('population-')) parsePopulationCsv(text, name, KNOWN);
    else if (name.startsWith('incidents-')) parseIncidentsStrict(text, name, HISTORY);
    else if (name.startsWith('counts-')) {
      const problems = new Collector();
      readIncidents([], [{ name, text, encoding: 'utf-8' }], [], CODES, HISTORY, 'townships.topo.json', problems);
      if (problems.errors.length > 0) throw problems.errors[0];
    } else readPublishBoundaries(name, text, true);
    return null;
  } catch (error) {
    if (error instanceof DataError) return error.message;
    throw error;
  }
}
