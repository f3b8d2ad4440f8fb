/**
 * Overlays in the real app: each switch changes what the map draws, the gap list of a day equals
 * gapList over the same files computed here, tapping an entry selects that township, and a broken
 * overlay feature is named while the rest still shows. Run `vite build` first (npm test does).
 */
import { describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Point, Polygon } from 'geojson';
import { distText, TIMEOUT, useBrowser } from './harness.ts';
import { computeAreaShares } from '../../src/core/area-shares/area-shares.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { parseDailyFile } from '../../src/core/daily-file.ts';
import { classifyIndex } from '../../src/core/levels.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { gapList } from '../../src/core/overlays/gap-list.ts';
import { HAZARD_CLASSES, type TeamProperties } from '../../src/core/overlays/types.ts';
import { parseOverlaysConfig } from '../../src/core/overlays/parse-overlays.ts';
import { changedPixels, mapPixels } from './pixels.ts';

const ctx = useBrowser('/overlays/');

/** At least this many pixels must visibly change: the smallest overlay (the sites) draws hundreds of dots. */
const VISIBLE = 300;

describe('overlays in the browser', () => {
  it(
    'draws each overlay when switched on',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(ctx.server.url());
      await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="layer-zones"]:not([disabled])', { timeout: TIMEOUT });
      // Incidents off, so only the overlays change the picture.
      await page.uncheck('[data-testid="incidents-control"] .head input');
      let before = await mapPixels(page);
      for (const id of ['zones', 'coverage', 'sites', 'teams']) {
        await page.check(`[data-testid="layer-${id}"]`);
        await expect.poll(() => page.locator(`[data-testid="layer-legend-${id}"]`).count()).toBe(1);
        const after = await mapPixels(page);
        expect(await changedPixels(page, before, after), `pixels ${id} changed on the map`).toBeGreaterThan(VISIBLE);
        before = after;
      }
      // Drawing the same again changes nothing visible: the threshold is above rendering noise.
      expect(await changedPixels(page, before, await mapPixels(page))).toBe(0);
      await page.locator('[data-testid="opacity-zones"]').fill('0.2');
      expect(await changedPixels(page, before, await mapPixels(page)), 'pixels the zone opacity changed').toBeGreaterThan(VISIBLE);
      await page.screenshot({ path: 'test-results/overlays-1280x800.png' });
      await page.uncheck('[data-testid="layer-zones"]');
      await expect.poll(() => page.locator('[data-testid="layer-legend-zones"]').count()).toBe(0);
      expect(errors).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'lists the high-risk, low-coverage townships of a day, and a tap selects one',
    async () => {
      const boundaries = parseBoundaries(distText('data/townships.topo.json'), 'townships.topo.json');
      const townships = boundaries.townships.features;
      const codes = townships.map((f) => f.properties.code);
      const zones = JSON.parse(distText('data/hazard-zones.geojson')) as { features: Feature<Polygon | MultiPolygon, { class: string }>[] };
      const cover = JSON.parse(distText('data/coverage.geojson')) as { features: Feature<Polygon | MultiPolygon, { class: string }>[] };
      const hazard = computeAreaShares(townships, zones.features, HAZARD_CLASSES, 'hazard-zones.geojson');
      const covered = computeAreaShares(townships, cover.features.filter((f) => f.properties.class === 'covered'), ['covered'], 'coverage.geojson');
      const teams = (JSON.parse(distText('data/teams.geojson')) as { features: Feature<Point, TeamProperties>[] }).features;
      const config = parseOverlaysConfig(distText('data/overlays-config.json'));
      const levels = JSON.parse(distText('data/levels.json')) as LevelsFile;
      const daily = parseDailyFile(distText('data/daily.json'), 'daily.json', new Set(codes));
      const gapsOn = (d: number): string[] => {
        const rainDay = Math.round((Date.parse(levels.dates[d]) - Date.parse(daily.startDay)) / 86_400_000);
        return gapList({
          codes,
          levels: codes.map((c) => classifyIndex(levels.index[d][levels.codes.indexOf(c)])),
          rainfall: codes.map((_, t) => daily.series.rainfall![rainDay * codes.length + daily.codes.indexOf(codes[t])]),
          highShare: codes.map((_, t) => hazard.shares[t * 3]),
          coverage: Array.from(covered.shares),
          seats: townships.map((f) => f.properties.seat),
          teams,
          config,
        }).map((g) => g.code);
      };
      // The latest day that has entries.
      let d = levels.dates.length - 1;
      while (d > 0 && gapsOn(d).length === 0) d--;
      const expected = gapsOn(d);
      expect(expected.length).toBeGreaterThan(0);

      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(ctx.server.url(`?date=${levels.dates[d]}`));
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      await page.click('[data-testid="tab-gaps"]');
      const shown = await page.$$eval('[data-testid="gap-list"] button', (b) => b.map((x) => x.getAttribute('data-code')));
      expect(shown).toEqual(expected);
      await page.click(`[data-testid="gap-list"] button[data-code="${expected[0]}"]`);
      expect(await page.textContent('[data-testid="panel-name"]')).toBe(boundaries.byCode.get(expected[0])!.name);
      const t = codes.indexOf(expected[0]);
      expect(await page.textContent('[data-testid="panel-coverage"]')).toContain(`${Math.round(covered.shares[t] * 100)}%`);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'names a broken overlay feature and still shows the rest',
    async () => {
      const teams = JSON.parse(distText('data/teams.geojson')) as { features: { geometry: unknown }[] };
      teams.features[3].geometry = { type: 'Point', coordinates: ['x', 28] };
      ctx.server.override('data/teams.geojson', JSON.stringify(teams));
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(ctx.server.url());
      await page.waitForSelector('[data-testid="problems"]', { timeout: TIMEOUT });
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/teams\.geojson.*#3/);
      await expect.poll(() => page.textContent('[data-layer="teams"] label')).toContain(String(teams.features.length - 1));
      ctx.server.override('data/teams.geojson', undefined);
      await page.close();
    },
    TIMEOUT,
  );
});
