import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPLOYMENT, parseDeploymentConfig } from '../../src/core/deployment-config.ts';
import { assessFreshness } from '../../src/core/freshness.ts';
import { nextLocalHour } from '../../src/core/nightly.ts';
import { needsReload } from '../../src/core/reload-plan.ts';
import { describeFreshness, freshnessTitle } from '../../src/i18n/freshness-text.ts';

describe('needsReload', () => {
  const versions = { 'levels.json': 'b', 'daily.json': 'd' };
  it('reloads a changed, an unversioned and a never (or not successfully) loaded file, not an unchanged one', () => {
    const loaded = new Map([
      ['levels.json', 'a'],
      ['daily.json', 'd'],
      ['teams.geojson', 'x'],
    ]);
    expect(needsReload('levels.json', versions, loaded)).toBe(true);
    expect(needsReload('daily.json', versions, loaded)).toBe(false);
    expect(needsReload('teams.geojson', versions, loaded)).toBe(true);
    expect(needsReload('daily.json', versions, new Map())).toBe(true);
  });
});

describe('nextLocalHour', () => {
  it('is today at the hour when that is still ahead, else tomorrow, never the start itself', () => {
    const at = (h: number, m = 0): number => new Date(2026, 11, 1, h, m).getTime();
    expect(nextLocalHour(at(1, 30), 3)).toBe(at(3));
    expect(nextLocalHour(at(3), 3)).toBe(new Date(2026, 11, 2, 3).getTime());
    expect(nextLocalHour(at(3, 0) + 500, 3)).toBe(new Date(2026, 11, 2, 3).getTime());
    expect(nextLocalHour(at(22), 3)).toBe(new Date(2026, 11, 2, 3).getTime());
  });
});

describe('public/config.json', () => {
  it('is the documented defaults, without a warning', () => {
    const { config, warnings } = parseDeploymentConfig(readFileSync('public/config.json', 'utf8'));
    expect(warnings).toEqual([]);
    expect(config).toEqual(DEFAULT_DEPLOYMENT);
  });
});

describe('freshness words', () => {
  const now = Date.parse('2026-12-01T10:00:00+08:00');
  const facts = (latestDate: string | null, extra: Partial<{ failing: boolean; lastSuccess: number | null; attempted: boolean }> = {}) => {
    const lastSuccess = extra.lastSuccess === undefined ? now : extra.lastSuccess;
    return {
      freshness: assessFreshness({ now, latestDate, lastSuccess, failing: extra.failing ?? false }),
      attempted: extra.attempted ?? true,
      latestDate,
      asOf: '2026-11-25T06:00:00+08:00',
      lastSuccess,
    };
  };

  it('says how old stale data is, in both languages, and leads the title with it', () => {
    const words = describeFreshness('zh', facts('2026-11-24'));
    expect(words.headline).toBe('数据已 7 天未更新');
    expect(words.translation).toBe('Data 7 days old');
    expect(freshnessTitle('zh', facts('2026-11-24'))).toBe('⚠ 数据已 7 天未更新 · 平安五色图');
  });

  it('is quiet with current data: the plain title, no translation', () => {
    expect(describeFreshness('zh', facts('2026-12-01')).translation).toBeNull();
    expect(freshnessTitle('en', facts('2026-12-01'))).toBe('Five-Color Safety Map');
  });

  it('says "loading" before the first load ends and "retrying" after it failed, never "last data" without any', () => {
    expect(describeFreshness('en', facts(null, { attempted: false, lastSuccess: null })).headline).toBe('Loading data…');
    expect(freshnessTitle('en', facts(null, { attempted: false, lastSuccess: null }))).toBe('Five-Color Safety Map');
    const failed = describeFreshness('en', facts(null, { failing: true, lastSuccess: null }));
    expect(failed.headline).toBe('No data yet; retrying');
    expect(failed.details.join(' ')).not.toMatch(/last/i);
  });

  it('says when fetches have failed for long, and how old the data is', () => {
    const words = describeFreshness('en', facts('2026-11-30', { failing: true, lastSuccess: now - 45 * 60_000 }));
    expect(words.headline).toBe('No update for 45 min; showing the last data received');
    expect(words.details).toContain('Data 1 day old');
  });
});
