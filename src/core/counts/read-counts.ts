import { DataError } from '../data-error.ts';
import { isIncidentType } from '../incidents/incident-types';
import { isDayKey } from '../dates.ts';
import { COUNTS_HEADER, type CountsRow } from './write-counts';

/**
 * Read a counts CSV (format: write-counts.ts, data/JOIN.md). Rows may come in any order. Accepts a
 * UTF-8 BOM and CRLF line endings. Throws a DataError naming the file, the line and the problem: wrong
 * header, wrong number of fields, empty or quoted code, bad date, unknown type, a count that is not
 * a positive integer, a duplicate code/date/type, dated and undated rows mixed.
 */
export function readCounts(text: string, fileName: string): CountsRow[] {
  if (text.trim() === '') throw new DataError(fileName, `file is empty`);
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const header = lines[0]!.replace(/\r$/, '').trim();
  if (header !== COUNTS_HEADER) {
    throw new DataError(fileName, `line 1: header is ${JSON.stringify(header)}, expected "${COUNTS_HEADER}"`);
  }
  const rows: CountsRow[] = [];
  const seen = new Set<string>();
  let dated: boolean | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const at = `line ${i + 1}`;
    if (line.trim() === '') {
      if (lines.slice(i + 1).some((l) => l.trim() !== '')) throw new DataError(fileName, `${at}: blank line`);
      break;
    }
    const f = line.split(',');
    if (f.length !== 4) throw new DataError(fileName, `${at}: ${f.length} fields, expected 4 (code,date,type,count)`);
    const [code, date, type, count] = f as [string, string, string, string];
    if (code === '' || code.includes('"')) throw new DataError(fileName, `${at}: code ${JSON.stringify(code)} is empty or quoted`);
    if (date !== '' && !isDayKey(date)) throw new DataError(fileName, `${at}: date ${JSON.stringify(date)} is not a YYYY-MM-DD date`);
    if (!isIncidentType(type)) throw new DataError(fileName, `${at}: unknown type ${JSON.stringify(type)}`);
    if (!/^[1-9]\d*$/.test(count) || !Number.isSafeInteger(Number(count))) {
      throw new DataError(fileName, `${at}: count ${JSON.stringify(count)} is not a positive integer`);
    }
    const isDated = date !== '';
    if (dated === null) dated = isDated;
    else if (dated !== isDated) throw new DataError(fileName, `${at}: dated and undated rows mixed`);
    const key = `${code},${date},${type}`;
    if (seen.has(key)) throw new DataError(fileName, `${at}: duplicate row for ${key}`);
    seen.add(key);
    rows.push({ code, date, type, count: Number(count) });
  }
  return rows;
}
