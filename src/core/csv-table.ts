/**
 * A small CSV table reader for the spreadsheet exports that are read whole (indicators, population):
 * a header row, then rows, each with its 1-based line number so a message can point at it. The
 * delimiter is the first of `,` `;` tab that splits the header into several columns (Excel in some
 * locales writes `;`). RFC 4180 quotes within a line; blank lines are skipped. Columns are found by
 * name with aliases (English or Chinese, case-insensitive).
 */
import { bilingual, DataError } from './data-error.ts';
import { splitQuoted } from './incidents/stream-incidents.ts';

export interface CsvRow {
  /** 1-based line number in the file. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export function readCsvTable(text: string, file: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  let h = 0;
  while (h < lines.length && lines[h]!.trim() === '') h++;
  if (h === lines.length) throw new DataError(file, bilingual('the file is empty — export it again', '文件是空的，请重新导出'));
  const headerLine = lines[h]!.replace(/\r$/, '');
  const delim = [',', ';', '\t'].find((d) => splitQuoted(headerLine, d).length > 1) ?? ',';
  const header = splitQuoted(headerLine, delim).map((c) => c.trim());
  const rows: CsvRow[] = [];
  for (let i = h + 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.charCodeAt(raw.length - 1) === 13 ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    if (line.indexOf('"') >= 0 && (line.split('"').length - 1) % 2 !== 0) {
      throw new DataError(file, bilingual(`line ${i + 1}: a quote (") is not closed — remove it or close it`, `第 ${i + 1} 行：引号（"）没有配对，请删除或补全`));
    }
    const fields = splitQuoted(line, delim);
    for (let k = 0; k < fields.length; k++) fields[k] = fields[k]!.trim();
    rows.push({ line: i + 1, fields });
  }
  return { header, rows };
}

/** The position of the column named by one of `aliases` (case-insensitive), else −1. */
export function findColumn(header: readonly string[], aliases: readonly string[]): number {
  const lower = header.map((c) => c.toLowerCase());
  for (const a of aliases) {
    const i = lower.indexOf(a.toLowerCase());
    if (i >= 0) return i;
  }
  return -1;
}

/** The columns `want` (name → aliases), or a DataError naming the missing one and the header found. */
export function requireColumns<K extends string>(table: CsvTable, want: Readonly<Record<K, readonly string[]>>, file: string): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const key of Object.keys(want) as K[]) {
    const i = findColumn(table.header, want[key]);
    if (i < 0) {
      const expected = want[key].join('", "');
      throw new DataError(
        file,
        bilingual(
          `line 1: no "${key}" column (the header is "${table.header.join(',')}") — name a column one of "${expected}"`,
          `第 1 行：缺少“${key}”列（表头是“${table.header.join(',')}”），请把列名写成“${expected}”之一`,
        ),
      );
    }
    out[key] = i;
  }
  return out;
}
