/**
 * Time in the real app: scrubbing recolors the map and updates the legend, ?date= restores a day,
 * the change list and ranking agree with levels.json, and the panel's breakdown equals the engine's
 * output computed here in Node from the same files. Run `vite build` first (npm test does).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { DIST, distText, TIMEOUT, useBrowser } from './harness.ts';
import { townshipDay } from '../../src/core/safety-index/explain.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { classifyIndex, DEFAULT_BANDS } from '../../src/core/levels.ts';
import { recomputeIndex } from '../support/recompute-index.ts';
import { inLocale } from '../../src/i18n/bilingual.ts';



const levels = JSON.parse(distText('data/levels.json')) as LevelsFile;
const topo = JSON.parse(distText('data/townships.topo.json')) as Topology;
const townships = (feature(topo, topo.objects.townships) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string; name: string; countyCode: string }>)
  .features as Feature<Polygon | MultiPolygon, { code: string; name: string; countyCode: string }>[];
const nameOf = new Map(townships.map((f) => [f.properties.code, f.properties.name]));

/** Level from the fixed bands, written out here rather than taken from the app. */
const level = (v: number | null): number | null => classifyIndex(v, DEFAULT_BANDS);
const countsOn = (d: number): number[] => {
  const out = [0, 0, 0, 0, 0];
  for (const v of levels.index[d]) if (v !== null) out[level(v)! - 1]++;
  return out;
};

async function legendCounts(page: Page): Promise<number[]> {
  return Promise.all([1, 2, 3, 4, 5].map(async (l) => Number(await page.textContent(`[data-testid="legend-count-${l}"]`))));
}

async function featureLevels(page: Page): Promise<Record<string, number>> {
  return page.evaluate((codes) => {
    const { map } = (window as unknown as { __fiveColor: { map: { getFeatureState(f: { source: string; id: string }): { level?: number } } } }).__fiveColor;
    return Object.fromEntries(codes.map((code) => [code, map.getFeatureState({ source: 'townships', id: code }).level ?? -1]));
  }, levels.codes);
}

const ctx = useBrowser('/time/');

describe('the date in the browser', () => {
  it(
    'scrubs the days: colors, legend and URL follow; arrow keys step a day',
    async () => {
      expect(levels.dates.length).toBeGreaterThanOrEqual(30);
      const last = levels.dates.length - 1;
      // The day whose counts differ most from the last day's, so a recolor cannot go unnoticed.
      const diff = (d: number): number => countsOn(d).reduce((s, n, i) => s + Math.abs(n - countsOn(last)[i]), 0);
      const target = [...levels.dates.keys()].reduce((best, d) => (diff(d) > diff(best) ? d : best), 0);
      expect(diff(target)).toBeGreaterThan(0);

      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(ctx.server.url());
      await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
      expect(await legendCounts(page)).toEqual(countsOn(last));

      await page.locator('[data-testid="date-slider"]').fill(String(target));
      await expect.poll(() => page.getAttribute('[data-testid="date-label"]', 'data-date')).toContain(levels.dates[target]);
      expect(await legendCounts(page)).toEqual(countsOn(target));
      const states = await featureLevels(page);
      levels.codes.forEach((code, t) => expect(states[code], code).toBe(level(levels.index[target][t]) ?? 0));
      expect(new URL(page.url()).searchParams.get('date')).toBe(levels.dates[target]);

      await page.locator('main').click({ position: { x: 5, y: 400 } });
      await page.keyboard.press(target > 0 ? 'ArrowLeft' : 'ArrowRight');
      const stepped = target > 0 ? target - 1 : target + 1;
      await expect.poll(() => page.getAttribute('[data-testid="date-label"]', 'data-date')).toContain(levels.dates[stepped]);
      expect(await legendCounts(page)).toEqual(countsOn(stepped));
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'restores the date from the URL, and lists changes and the ranking as levels.json says',
    async () => {
      const d = levels.dates.length - 10;
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(ctx.server.url(`?date=${levels.dates[d]}`));
      await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
      expect(await page.getAttribute('[data-testid="date-label"]', 'data-date')).toContain(levels.dates[d]);
      expect(await legendCounts(page)).toEqual(countsOn(d));

      const worse: string[] = [];
      const better: string[] = [];
      levels.codes.forEach((code, t) => {
        const from = level(levels.index[d - 1][t]);
        const to = level(levels.index[d][t]);
        if (from !== null && to !== null && to !== from) (to < from ? worse : better).push(code);
      });
      await page.click('[data-testid="tab-changes"]');
      const shown = async (kind: string): Promise<string[]> =>
        page.$$eval(`[data-testid="changes-${kind}"] button`, (buttons) => buttons.map((b) => b.getAttribute('data-code') ?? ''));
      expect((await shown('worse')).sort()).toEqual(worse.sort());
      expect((await shown('better')).sort()).toEqual(better.sort());
      if (worse.length > 0) {
        await page.click(`[data-testid="changes-worse"] button[data-code="${worse[0]}"]`);
        expect(await page.textContent('[data-testid="panel-name"]')).toBe(nameOf.get(worse[0]));
      }

      await page.click('[data-testid="tab-ranking"]');
      const ranking = await page.$$eval('[data-testid="ranking"] button', (b) => b.map((x) => x.getAttribute('data-code')));
      const expected = levels.codes
        .map((code, t) => ({ code, v: levels.index[d][t] }))
        .filter((r) => r.v !== null)
        .sort((a, b) => a.v! - b.v! || a.code.localeCompare(b.code))
        .map((r) => r.code);
      expect(ranking).toEqual(expected);
      const county = townships[0].properties.countyCode;
      await page.selectOption('[data-testid="ranking-county"]', county);
      const filtered = await page.$$eval('[data-testid="ranking"] button', (b) => b.map((x) => x.getAttribute('data-code')));
      expect(filtered).toEqual(expected.filter((c) => c.startsWith(county)));
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'says in one line when the URL asks for a date it cannot show, and shows the latest day',
    async () => {
      const last = levels.dates[levels.dates.length - 1];
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      for (const [date, why] of [
        // The Chinese half of the bilingual message (the screen's language), naming the parameter.
        ['garbage', /\?date=garbage 不是日期/],
        ['1999-01-01', /\?date=1999-01-01 不在数据范围内/],
      ] as const) {
        await page.goto(ctx.server.url(`?date=${date}`));
        await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
        const lines = page.locator('[data-testid="problems"] li');
        await expect.poll(() => lines.count()).toBe(1);
        expect(await lines.first().innerText()).toMatch(why);
        // One line: as tall as the banner's own line height.
        const { height, line } = await lines.first().evaluate((li) => ({ height: li.getBoundingClientRect().height, line: parseFloat(getComputedStyle(li).lineHeight) }));
        expect(height, 'one line of text').toBeLessThan(line * 1.5);
        expect(await page.getAttribute('[data-testid="date-label"]', 'data-date')).toContain(last);
      }
      await page.close();
    },
    TIMEOUT,
  );

  it(
    "shows the engine's breakdown in the township panel",
    async () => {
      // The engine's answer, from the same files the app loads.
      const { result } = recomputeIndex(`${DIST}/data`);
      const date = levels.dates[levels.dates.length - 1];
      // The township with the lowest index that day has the most to explain.
      const today = levels.index[levels.dates.length - 1];
      let t = 0;
      today.forEach((v, i) => {
        if (v !== null && v < (today[t] ?? Infinity)) t = i;
      });
      const code = levels.codes[t];
      const expected = townshipDay(result, code, date);
      expect(expected.index).toBe(levels.index[levels.dates.length - 1][t]);

      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(ctx.server.url());
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      await page.evaluate((c) => {
        (window as unknown as { __fiveColor: { app: { view: { selected: string } } } }).__fiveColor.app.view.selected = c;
      }, code);
      await page.waitForSelector('[data-testid="panel-domains"]');
      expect(await page.textContent('[data-testid="panel-index"]')).toBe(String(expected.index));
      const fmt = (v: number): string => String(Math.round(v * 10) / 10);
      for (const domain of expected.domains) {
        expect(await page.textContent(`[data-testid="panel-risk-${domain.id}"]`), domain.id).toBe(fmt(domain.risk));
        expect(await page.textContent(`[data-testid="panel-contribution-${domain.id}"]`), domain.id).toBe(`−${fmt(domain.contribution)}`);
      }
      if (expected.override) expect(await page.textContent('[data-testid="panel-override"]')).toContain(inLocale(expected.override.label, 'zh'));
      await expect.poll(() => page.locator('[data-testid="panel-trend"]').count()).toBe(1);
      // The committed levels.json is this config's output: nothing to warn about.
      expect(await page.locator('[data-testid="problems"]').count()).toBe(0);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'names a config edited after levels.json was published, and a broken config, keeping the published colors',
    async () => {
      const published = countsOn(levels.dates.length - 1);
      const config = JSON.parse(distText('data/index-config.json')) as { domains: Record<string, { weight: number }>; bands: number[] };
      const [a, b] = Object.keys(config.domains);
      config.domains[a!]!.weight -= 0.1;
      config.domains[b!]!.weight += 0.1;
      ctx.server.override('data/index-config.json', JSON.stringify(config));
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(ctx.server.url());
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="problems"]');
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/levels\.json.*index-config\.json.*乡镇·日中有 \d+ 个不一致/);
      expect(await legendCounts(page)).toEqual(published);

      config.bands = [60, 80, 70, 90];
      ctx.server.override('data/index-config.json', JSON.stringify(config));
      await page.reload();
      await page.waitForSelector('[data-index-status="error"]', { timeout: TIMEOUT });
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/index-config\.json.*bands/);
      expect(await legendCounts(page)).toEqual(published);
      ctx.server.override('data/index-config.json', undefined);
      await page.close();
    },
    TIMEOUT,
  );
});
