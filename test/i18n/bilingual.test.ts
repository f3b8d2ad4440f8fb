import { describe, expect, it } from 'vitest';
import { inLocale } from '../../src/i18n/bilingual.ts';
import { bilingual, DataError, DataErrorList } from '../../src/core/data-error.ts';

describe('the half of a bilingual text', () => {
  it('picks by language, not position, and keeps the file name', () => {
    const message = new DataError('levels.json', bilingual('the file is empty — export it again', '文件是空的，请重新导出')).message;
    expect(inLocale(message, 'en', 'levels.json: ')).toBe('levels.json: the file is empty — export it again');
    expect(inLocale(message, 'zh', 'levels.json: ')).toBe('levels.json: 文件是空的，请重新导出');
    // index-config.json's rule labels put Chinese first.
    const rule = '死亡事故 · a fatal incident in the last 3 days';
    expect(inLocale(rule, 'en')).toBe('a fatal incident in the last 3 days');
    expect(inLocale(rule, 'zh')).toBe('死亡事故');
  });

  it('keeps a Chinese name quoted in the English half on the English side', () => {
    const text = bilingual('township 莲都区 row 3: no code — fill it in', '第 3 行乡镇莲都区缺少代码，请填写');
    expect(inLocale(text, 'en')).toBe('township 莲都区 row 3: no code — fill it in');
    expect(inLocale(text, 'zh')).toBe('第 3 行乡镇莲都区缺少代码，请填写');
  });

  it("says DataErrorList's count in the chosen language", () => {
    const one = new DataError('daily.csv', bilingual('row 2: bad value', '第 2 行：数值无效'));
    const list = new DataErrorList([one], 4);
    expect(inLocale(list.message, 'en', 'daily.csv: ')).toBe('daily.csv: row 2: bad value (+3 more)');
    expect(inLocale(list.message, 'zh', 'daily.csv: ')).toBe('daily.csv: 第 2 行：数值无效（另有 3 处）');
  });

  it('returns other shapes whole', () => {
    expect(inLocale('teams.geojson: feature #3 has no id', 'zh')).toBe('teams.geojson: feature #3 has no id');
    expect(inLocale('a · b · c', 'en')).toBe('a · b · c');
  });
});

describe('inLocale keeps the file a message is about', () => {
  it('when the registry key is not the file name (an import)', () => {
    const message = 'duplicate-code.geojson: township 331102001 is in features #0 and #1 · 乡镇代码 331102001 重复（第 #0 和第 #1 个要素）';
    expect(inLocale(message, 'zh', 'import:duplicate-code.geojson: ')).toBe('duplicate-code.geojson: 乡镇代码 331102001 重复（第 #0 和第 #1 个要素）');
    expect(inLocale(message, 'en')).toBe('duplicate-code.geojson: township 331102001 is in features #0 and #1');
  });
});
