import { bilingual, DataError } from '../data-error.ts';
import { INCIDENT_TYPE_LIST, isIncidentType } from '../incidents/incident-types';
import { isDayKey } from '../dates.ts';
import { COUNTS_HEADER, type CountsRow } from './write-counts';

/**
 * Read a counts CSV (format: write-counts.ts, data/JOIN.md). Rows may come in any order. Accepts a
 * UTF-8 BOM and CRLF line endings. Throws a DataError naming the file, the line and the problem: wrong
 * header, wrong number of fields, empty or quoted code, bad date, unknown type, a count that is not
 * a positive integer, a duplicate code/date/type, dated and undated rows mixed.
 */
export function readCounts(text: string, fileName: string): CountsRow[] {
  function fail(en: string, zh: string): never {
    throw new DataError(fileName, bilingual(en, zh));
  }
  if (text.trim() === '') fail(`the file is empty — export the counts again, with the header ${COUNTS_HEADER}`, `文件是空的，请重新导出计数，表头为 ${COUNTS_HEADER}`);
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const header = lines[0]!.replace(/\r$/, '').trim();
  if (header !== COUNTS_HEADER) {
    fail(`line 1: header is ${JSON.stringify(header)}, expected "${COUNTS_HEADER}" — name the columns exactly so`, `第 1 行：表头是 ${JSON.stringify(header)}，应为 "${COUNTS_HEADER}"，请按此填写列名`);
  }
  const rows: CountsRow[] = [];
  const seen = new Map<string, number>();
  let dated: boolean | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const n = i + 1;
    const at = { en: `line ${n}`, zh: `第 ${n} 行` };
    if (line.trim() === '') {
      if (lines.slice(i + 1).some((l) => l.trim() !== '')) fail(`${at.en}: blank line between rows — remove it`, `${at.zh}：数据行之间有空行，请删除`);
      break;
    }
    const f = line.split(',');
    if (f.length !== 4) {
      fail(`${at.en}: ${f.length} fields, expected 4 (${COUNTS_HEADER}) — a value must not contain a comma`, `${at.zh}：有 ${f.length} 个字段，应为 4 个（${COUNTS_HEADER}）；值中不能含逗号`);
    }
    const [code, date, type, count] = f as [string, string, string, string];
    if (code === '' || code.includes('"')) {
      fail(`${at.en}, column "code": code ${JSON.stringify(code)} is empty or quoted — write the township code without quotes`, `${at.zh}“code”列：代码 ${JSON.stringify(code)} 为空或带引号，请填写不带引号的乡镇代码`);
    }
    if (date !== '' && !isDayKey(date)) {
      fail(
        `${at.en}, column "date": date ${JSON.stringify(date)} is not a YYYY-MM-DD date — write it like 2026-11-24 (or leave the date empty in every row for totals)`,
        `${at.zh}“date”列：${JSON.stringify(date)} 不是 YYYY-MM-DD 日期，请写成 2026-11-24 这样（合计数则所有行的日期都留空）`,
      );
    }
    if (!isIncidentType(type)) fail(`${at.en}, column "type": unknown type ${JSON.stringify(type)} — use one of ${INCIDENT_TYPE_LIST}`, `${at.zh}“type”列：未知的事件类型 ${JSON.stringify(type)}，请使用 ${INCIDENT_TYPE_LIST} 之一`);
    if (!/^[1-9]\d*$/.test(count) || !Number.isSafeInteger(Number(count))) {
      fail(
        `${at.en}, column "count": count ${JSON.stringify(count)} is not a positive integer — write the number of incidents (leave out rows with none)`,
        `${at.zh}“count”列：${JSON.stringify(count)} 不是正整数，请填写事件数（没有事件的行不必写）`,
      );
    }
    const isDated = date !== '';
    if (dated === null) dated = isDated;
    else if (dated !== isDated) {
      fail(`${at.en}: dated and undated rows mixed — give every row a date, or leave the date empty in every row`, `${at.zh}：有日期和无日期的行混在一起，请每行都填日期，或全部留空`);
    }
    const key = `${code},${date},${type}`;
    const first = seen.get(key);
    if (first !== undefined) fail(`${at.en}: duplicate row for ${key} (lines ${first} and ${n}) — keep one`, `${at.zh}：${key} 重复（第 ${first} 行和第 ${n} 行），请只保留一行`);
    seen.set(key, n);
    rows.push({ code, date, type, count: Number(count) });
  }
  return rows;
}
