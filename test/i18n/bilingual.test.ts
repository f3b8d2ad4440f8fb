import { describe, expect, it } from 'vitest';
import { inLocale } from '../../src/i18n/bilingual.ts';
import { bilingual, DataError, DataErrorList, joinBilingual } from '../../src/core/data-error.ts';
import { parseDeploymentConfig } from '../../src/core/deployment-config.ts';
import { parseManifest } from '../../src/core/manifest.ts';

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

describe('several warnings of one file, joined per language (as the banner gets them)', () => {
  it('manifest.json: every English half, or every Chinese half, never a mix', () => {
    const base = { version: 1, region: { code: '3311', name: '丽水市' }, boundaries: 'a.json', levels: 'b.json' };
    const { warnings } = parseManifest(JSON.stringify({ ...base, refreshSeconds: 1, basemap: 7 }), 'manifest.json');
    const message = `manifest.json: ${joinBilingual(warnings.map((w) => w.slice('manifest.json: '.length)))}`;
    expect(inLocale(message, 'en', 'manifest.json: ')).toBe(
      'manifest.json: "refreshSeconds" is 1; it must be a number of seconds ≥ 10 — using 300 until it is fixed; "basemap" is 7; it must be a style URL or null — using null until it is fixed',
    );
    expect(inLocale(message, 'zh', 'manifest.json: ')).toBe('manifest.json: “refreshSeconds”为 1，应为不小于 10 的秒数；修正前暂用 300；“basemap”为 7，应为底图样式地址或 null；修正前暂用 null');
  });

  it('config.json, as state/deployment.ts reports it', () => {
    const { warnings } = parseDeploymentConfig(JSON.stringify({ language: 'fr', nightlyReloadHour: 25 }));
    const message = `config.json: ${joinBilingual(warnings.map((w) => w.problem))}`;
    expect(inLocale(message, 'en', 'config.json: ')).toMatch(/^config\.json: "language" is "fr"; .*; "nightlyReloadHour" is 25; it must be an hour from 0 to 23, or null — using 3$/);
    expect(inLocale(message, 'zh', 'config.json: ')).toBe('config.json: “language”为 "fr"，应为 "zh" 或 "en"；暂用 "zh"；“nightlyReloadHour”为 25，应为 0 至 23 点的整点，或 null；暂用 3');
  });
});
