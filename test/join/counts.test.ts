import { describe, expect, it } from 'vitest';
import { readCounts } from '../../src/core/counts/read-counts';
import { countsToRows, writeCounts, type CountsRow } from '../../src/core/counts/write-counts';

describe('counts CSV', () => {
  const codes = ['331102002', '331102001'];

  it('writes undated counts in canonical order (date, code, type as strings), zeros left out', () => {
    const counts = new Uint32Array(2 * 7);
    counts[0 * 7 + 3] = 2; // 331102002 fire
    counts[1 * 7 + 6] = 1; // 331102001 dispute
    counts[1 * 7 + 0] = 5; // 331102001 public_security
    expect(writeCounts(countsToRows(codes, counts))).toBe(
      'code,date,type,count\n331102001,,dispute,1\n331102001,,public_security,5\n331102002,,fire,2\n',
    );
  });

  it('writes dated counts and reads them back', () => {
    const byDay = new Uint32Array(2 * 2 * 7);
    byDay[(0 * 2 + 0) * 7 + 4] = 3;
    byDay[(1 * 2 + 1) * 7 + 4] = 1;
    byDay[(1 * 2 + 0) * 7 + 2] = 7;
    const text = writeCounts(countsToRows(codes, null, { countsByDay: byDay, dayKeys: ['2024-05-01', '2024-05-02'] }));
    expect(text).toBe(
      'code,date,type,count\n331102002,2024-05-01,road_accident,3\n331102001,2024-05-02,road_accident,1\n331102002,2024-05-02,production_accident,7\n',
    );
    const rows = readCounts(text, 'c.csv');
    expect(writeCounts(rows)).toBe(text);
    expect(rows[0]).toEqual({ code: '331102002', date: '2024-05-01', type: 'road_accident', count: 3 });
  });

  it('reads CRLF and a BOM, rows in any order', () => {
    const rows = readCounts('\ufeffcode,date,type,count\r\nb,,fire,2\r\na,,fire,1\r\n', 'c.csv');
    expect(rows.map((r) => r.code)).toEqual(['b', 'a']);
  });

  it('names the file, the line and the problem', () => {
    const bad = (body: string) => () => readCounts(`code,date,type,count\n${body}`, 'counts.csv');
    expect(() => readCounts('', 'counts.csv')).toThrow('counts.csv: the file is empty — export the counts again, with the header code,date,type,count · 文件是空的');
    expect(() => readCounts('code,type,count\n', 'counts.csv')).toThrow(/^counts\.csv: line 1: header is "code,type,count", expected "code,date,type,count"/);
    expect(bad('a,,fire\n')).toThrow(/^counts\.csv: line 2: 3 fields, expected 4/);
    expect(bad(',,fire,1\n')).toThrow(/line 2, column "code": code "" is empty or quoted — write the township code without quotes · 第 2 行“code”列/);
    expect(bad('a,2024-02-30,fire,1\n')).toThrow(/line 2, column "date": date "2024-02-30" is not a YYYY-MM-DD date — write it like 2026-11-24/);
    expect(bad('a,,theft,1\n')).toThrow(/line 2, column "type": unknown type "theft" — use one of public_security \(治安案件\), .* · 第 2 行“type”列：未知的事件类型 "theft"/);
    expect(bad('a,,fire,0\n')).toThrow(/line 2, column "count": count "0" is not a positive integer — write the number of incidents/);
    expect(bad('a,,fire,1.5\n')).toThrow(/line 2, column "count": count "1.5"/);
    expect(bad('a,,fire,1\na,,fire,2\n')).toThrow(/line 3: duplicate row for a,,fire \(lines 2 and 3\) — keep one · 第 3 行：a,,fire 重复（第 2 行和第 3 行），请只保留一行$/);
    expect(bad('a,,fire,1\nb,2024-05-01,fire,2\n')).toThrow(/line 3: dated and undated rows mixed — give every row a date, or leave the date empty in every row · /);
    expect(bad('a,,fire,1\n\nb,,fire,2\n')).toThrow(/line 3: blank line between rows — remove it · 第 3 行：数据行之间有空行，请删除$/);
  });

  it('refuses to write rows the format cannot hold', () => {
    const row = (r: Partial<CountsRow>): CountsRow => ({ code: 'a', date: '', type: 'fire', count: 1, ...r });
    expect(() => writeCounts([row({ code: 'a,b' })])).toThrow(/code "a,b"/);
    expect(() => writeCounts([row({ count: 0 })])).toThrow(/not a positive integer/);
    expect(() => writeCounts([row({}), row({})])).toThrow(/duplicate/);
    expect(() => writeCounts([row({}), row({ code: 'b', date: '2024-05-01' })])).toThrow(/mixed/);
    expect(writeCounts([])).toBe('code,date,type,count\n');
  });
});
