/**
 * The population CSV: residents per township (`code,population`), the denominator of every per-10,000
 * rate. Strict like the indicators: every problem named with its line; a township listed twice is
 * an error naming both lines.
 */
import { bilingual, DataError, ProblemList } from '../data-error.ts';
import { readCsvTable, requireColumns } from '../csv-table.ts';
import { codeProblem, lineAt } from './township-code.ts';
import type { IndicatorOptions } from './parse-indicators.ts';

export const POPULATION_COLUMNS = {
  code: ['code', 'township_code', '代码', '乡镇代码', '乡镇街道代码'],
  population: ['population', 'residents', '人口', '常住人口', '户籍人口'],
} as const;

/** Residents by township code. */
export function parsePopulationCsv(text: string, file: string, options: IndicatorOptions): Map<string, number> {
  const table = readCsvTable(text, file);
  const col = requireColumns(table, POPULATION_COLUMNS, file);
  if (table.rows.length === 0) throw new DataError(file, bilingual('has a header but no rows — list each township\'s residents below it', '只有表头没有数据行，请在表头下列出各乡镇人口'));
  const problems = new ProblemList(file);
  const out = new Map<string, number>();
  const lineOf = new Map<string, number>();
  for (const { line, fields } of table.rows) {
    const at = lineAt(line);
    const code = fields[col.code] ?? '';
    const bad = codeProblem(code, at, options.knownCodes, options.boundariesFile);
    if (bad !== null) {
      problems.add(bad);
      continue;
    }
    const raw = (fields[col.population] ?? '').replace(/,/g, '');
    const n = raw === '' ? Number.NaN : Number(raw);
    if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
      problems.add(
        bilingual(
          `${at.en}, column "population": "${fields[col.population] ?? ''}" is not a number of residents — write a whole number ≥ 0 (e.g. 41230)`,
          `${at.zh}“population”列：“${fields[col.population] ?? ''}”不是人口数，请填写不小于 0 的整数（如 41230）`,
        ),
      );
      continue;
    }
    const prev = lineOf.get(code);
    if (prev !== undefined) {
      problems.add(bilingual(`${at.en}: township ${code} is listed twice (lines ${prev} and ${line}) — keep one row`, `${at.zh}：乡镇 ${code} 出现了两次（第 ${prev} 行和第 ${line} 行），请只保留一行`));
      continue;
    }
    lineOf.set(code, line);
    out.set(code, n);
  }
  problems.throwIfAny();
  return out;
}
