import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENT, parseDeploymentConfig } from '../../src/core/deployment-config.ts';

describe('parseDeploymentConfig', () => {
  it('reads every key a city sets', () => {
    const { config, warnings } = parseDeploymentConfig(
      JSON.stringify({
        data: 'daily/manifest.json',
        basemap: 'https://tiles.example.gov.cn/style.json',
        language: 'en',
        allowedOrigins: ['https://tiles.example.gov.cn'],
        refreshSeconds: 60,
        stale: { dataDays: 2, alarmDays: 5, fetchMinutes: 15 },
        tour: { enabled: false, holdSeconds: 8, counties: false, worstTownships: 5, layers: ['zones'], resumeAfterIdleSeconds: 30 },
        nightlyReloadHour: null,
      }),
    );
    expect(warnings).toEqual([]);
    expect(config).toEqual({
      data: 'daily/manifest.json',
      basemap: 'https://tiles.example.gov.cn/style.json',
      language: 'en',
      allowedOrigins: ['https://tiles.example.gov.cn'],
      refreshSeconds: 60,
      stale: { staleDays: 2, alarmDays: 5, fetchMinutes: 15 },
      tour: { enabled: false, holdSeconds: 8, counties: false, worstTownships: 5, layers: ['zones'], resumeAfterIdleSeconds: 30 },
      nightlyReloadHour: null,
    });
  });

  it('gives the defaults for an empty object', () => {
    expect(parseDeploymentConfig('{}')).toEqual({ config: DEFAULT_DEPLOYMENT, warnings: [] });
  });

  it('falls back per key and names the key, the value and what it must be', () => {
    const { config, warnings } = parseDeploymentConfig(
      JSON.stringify({ refreshSeconds: 'often', language: 'fr', tour: { holdSeconds: 1 }, allowedOrigins: ['https://ok.example', 'ftp://x/y'], stale: { dataDays: 3, alarmDays: 2 } }),
    );
    expect(config.refreshSeconds).toBeNull();
    expect(config.language).toBe('zh');
    expect(config.tour.holdSeconds).toBe(DEFAULT_DEPLOYMENT.tour.holdSeconds);
    expect(config.allowedOrigins).toEqual(['https://ok.example']);
    expect(config.stale).toEqual({ staleDays: 3, alarmDays: 4, fetchMinutes: DEFAULT_DEPLOYMENT.stale.fetchMinutes });
    const messages = warnings.map((w) => w.message);
    expect(messages).toEqual([
      'config.json: "allowedOrigins[1]" is "ftp://x/y"; write an origin like "https://data.example.gov.cn" (no path) — it is ignored · “allowedOrigins[1]”为 "ftp://x/y"，请写成 "https://data.example.gov.cn" 这样的来源（不带路径）；此项已忽略',
      'config.json: "language" is "fr"; it must be "zh" or "en" — using "zh" · “language”为 "fr"，应为 "zh" 或 "en"；暂用 "zh"',
      'config.json: "refreshSeconds" is "often"; it must be seconds between 10 and 86400, or null — using null · “refreshSeconds”为 "often"，应为 10 至 86400 秒，或 null；暂用 null',
      'config.json: "stale.alarmDays" is 2; it must be a whole number of days above stale.dataDays (3) — using 4 · “stale.alarmDays”为 2，应为大于 stale.dataDays（3）的整数天数；暂用 4',
      'config.json: "tour.holdSeconds" is 1; it must be seconds between 3 and 3600 — using 20 · “tour.holdSeconds”为 1，应为 3 至 3600 秒；暂用 20',
    ]);
    expect(warnings.every((w) => w.file === 'config.json')).toBe(true);
  });

  it('never throws on a broken file: defaults and one message', () => {
    for (const text of ['', '{"data": ', '[1,2]', 'null']) {
      const { config, warnings } = parseDeploymentConfig(text);
      expect(config).toBe(DEFAULT_DEPLOYMENT);
      expect(warnings).toHaveLength(1);
    }
  });
});
