/**
 * CSV that Excel opens correctly on a Chinese Windows desk: UTF-8 with a byte-order mark (without it
 * Excel guesses GBK and garbles every name), CRLF line ends, text quoted, and text cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) guarded with a
 * leading apostrophe — a township named `=HYPERLINK(…)` stays text.
 */
export type Cell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((row) => row.map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
