/**
 * The import families test/browser/import.test.ts leaves out, in the real app (run `vite build`
 * first): an indicators CSV and an index config recolor the map from the recomputed index; a teams
 * and a hazard-zones file replace their layers, the gap list and the panel; a bad file of each
 * family keeps what is on screen and names itself; and the day's GeoJSON export, dropped on a fresh
 * page as boundaries, draws the same colors in the same places.
 */
import { readFileSync } from 'node:fs';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { classifyIndex, LEVELS, type Bands } from '../../src/core/levels.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { distText, TIMEOUT, useBrowser } from './harness.ts';
import { confirm, drop, ready, refused } from './import-helpers.ts';
import { changedPixels, countColors, hexRgb, mapPixels, type Rgb } from './pixels.ts';

const ctx = useBrowser('/import-families/');
const fixture = (name: string): string => readFileSync(`test/fixtures/${name}`, 'utf8');

const levels = JSON.parse(distText('data/levels.json')) as LevelsFile;
const boundaries = parseBoundaries(distText('data/townships.topo.json'), 'townships.topo.json');
const DATE = levels.dates[levels.dates.length - 1]!;
const published = new Map(levels.codes.map((c, t) => [c, levels.index[levels.dates.length - 1]![t]!]));
const TARGETS: Rgb[] = LEVELS.map((l) => hexRgb(l.color));
const BACKGROUND: Rgb = [0x0b, 0x12, 0x20];
const ORANGE = 1;
const GREEN = 4;

interface W {
  __fiveColor: {
    app: {
      levelByCode: Map<string, number | null>;
      indexByCode: Map<string, number | null>;
      view: { date: string | null; selected: string | null };
      data: { levels: { dates: string[] } | null; codes: string[] };
      gapsOn(date: string): { code: string }[] | null;
      safetyIndex: { rainfallOn(date: string, codes: readonly string[]): (number | null)[] | null };
    };
  };
}

/** What the map shows per township: its index and level. */
function onScreen(page: Page): Promise<Record<string, [number | null, number | null]>> {
  return page.evaluate(() => {
    const { app } = (window as unknown as W).__fiveColor;
    return Object.fromEntries(app.data.codes.map((c) => [c, [app.indexByCode.get(c) ?? null, app.levelByCode.get(c) ?? null]]));
  });
}

async function colors(page: Page): Promise<number[]> {
  return (await countColors(page, await mapPixels(page), TARGETS, BACKGROUND)).perTarget;
}

async function open(page: Page, query = `?date=${DATE}`): Promise<void> {
  await page.goto(ctx.server.url(query));
  await ready(page);
  await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
  // Incidents off, so the fills alone make the picture.
  await page.uncheck('[data-testid="incidents-control"] .head input');
}

/**
 * The fills and borders alone: labels go. (The export has no county seats, so on the imported
 * boundaries a county's name sits at one of its townships' seats, data/FORMATS.md says.)
 */
async function unlabeled(page: Page): Promise<Buffer> {
  await page.evaluate(() => {
    const { map } = (window as unknown as { __fiveColor: { map: { getStyle(): { layers: { id: string; type: string }[] }; setLayoutProperty(id: string, k: string, v: string): void } } }).__fiveColor;
    for (const layer of map.getStyle().layers) if (layer.type === 'symbol') map.setLayoutProperty(layer.id, 'visibility', 'none');
  });
  return mapPixels(page);
}

async function select(page: Page, code: string): Promise<void> {
  await page.evaluate((c) => ((window as unknown as W).__fiveColor.app.view.selected = c), code);
  await page.waitForSelector(`[data-testid="panel-code"]:text-is("${code}")`);
}

describe('importing indicators and an index config', () => {
  it(
    'recolors the map from the recomputed index; a bad file of either keeps the colors and names itself',
    async () => {
      // The largest green township: its turn to orange is plain to see.
      const green = boundaries.townships.features.filter((f) => classifyIndex(published.get(f.properties.code)) === 5);
      const target = green.sort((a, b) => area(b) - area(a))[0]!.properties;
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await open(page);
      const before = await onScreen(page);
      for (const [code, [index]] of Object.entries(before)) expect(index, code).toBe(published.get(code));
      const pixelsBefore = await colors(page);

      // A city's export of today: one fatal incident in the target township (the 3-day rule caps it at orange).
      const csvName = `indicators-${DATE}.csv`;
      await drop(page, csvName, `\uFEFFdate,code,indicator,value\r\n${DATE},${target.code},fatal_incidents,1\r\n`);
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('indicators');
      await confirm(page, csvName);
      const afterCsv = await onScreen(page);
      expect(afterCsv[target.code]![1]).toBe(2);
      expect(afterCsv[target.code]![0]).toBeLessThan(70);
      // Every other township keeps its published index: the engine recomputes what was published.
      for (const [code, value] of Object.entries(afterCsv)) if (code !== target.code) expect(value, code).toEqual(before[code]);
      const pixelsCsv = await colors(page);
      console.log(`indicators: ${target.name} green → orange; orange px ${pixelsBefore[ORANGE]} → ${pixelsCsv[ORANGE]}, green px ${pixelsBefore[GREEN]} → ${pixelsCsv[GREEN]}`);
      expect(pixelsCsv[ORANGE]! - pixelsBefore[ORANGE]!).toBeGreaterThan(500);
      expect(pixelsBefore[GREEN]! - pixelsCsv[GREEN]!).toBeGreaterThan(500);
      await select(page, target.code);
      expect(await page.textContent('[data-testid="panel-level"]')).toMatch(/^2 /);
      expect(await page.textContent('[data-testid="panel-override"]')).toMatch(/死亡事故/);

      // A bad indicators file: named, nothing replaced.
      const badCsv = await refused(page, 'indicators-unknown-code.csv', fixture('bad/indicators-unknown-code.csv'));
      expect(badCsv).toMatch(/indicators-unknown-code\.csv: .*331199999/);
      expect(await onScreen(page)).toEqual(afterCsv);
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/indicators-unknown-code\.csv/);

      // A stricter index config: the same index, new bands, so levels move all over the city.
      const bands: Bands = [70, 80, 90, 95];
      const config = { ...(JSON.parse(distText('data/index-config.json')) as Record<string, unknown>), name: '平安指数 2027', bands };
      await drop(page, 'index-config-2027.json', JSON.stringify(config, null, 2));
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('indexConfig');
      await confirm(page, 'index-config-2027.json');
      const afterConfig = await onScreen(page);
      // The index is the same but where a rule caps it: a cap is a level, so it moves with the bands.
      let moved = 0;
      for (const [code, [index, level]] of Object.entries(afterConfig)) {
        expect(level, code).toBe(classifyIndex(index, bands));
        if (index !== afterCsv[code]![0]) expect(afterCsv[code]![1], `${code}: ${afterCsv[code]![0]} → ${index}`).toBeLessThanOrEqual(3);
        if (level !== afterCsv[code]![1]) moved++;
      }
      expect(moved).toBeGreaterThan(20);
      expect(afterConfig[target.code]).toEqual([79.9, 2]);
      expect(await page.textContent('li[data-level="5"] .band')).toBe('≥ 95');
      const fives = Object.values(afterConfig).filter(([, l]) => l === 5).length;
      expect(await page.textContent('[data-testid="legend-count-5"]')).toBe(String(fives));
      const pixelsConfig = await colors(page);
      expect(pixelsCsv[GREEN]! - pixelsConfig[GREEN]!).toBeGreaterThan(5000);

      // A bad config (two equal bands): named with the key, the levels stay.
      const badConfig = await refused(page, 'index-config-bands-overlap.json', fixture('import/index-config-bands-overlap.json'));
      expect(badConfig).toMatch(/index-config-bands-overlap\.json: .*bands\[2\]/);
      expect(await onScreen(page)).toEqual(afterConfig);
      expect(await page.textContent('li[data-level="5"] .band')).toBe('≥ 95');
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/index-config-bands-overlap\.json/);
      expect(errors).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

describe('importing teams and hazard zones', () => {
  it(
    'replaces the teams in the layer, the panel and the gap list, and the zones in the map and the shares; bad files keep them',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await open(page);
      // The latest day with high-risk, low-coverage townships, and the day's rainiest township.
      const day = await page.evaluate(() => {
        const { app } = (window as unknown as W).__fiveColor;
        const dates = app.data.levels!.dates;
        const date = [...dates].reverse().find((d) => (app.gapsOn(d)?.length ?? 0) > 0)!;
        const rain = app.safetyIndex.rainfallOn(date, app.data.codes)!;
        const wettest = app.data.codes[rain.indexOf(Math.max(...rain.map((r) => r ?? 0)))]!;
        app.view.date = date;
        return { date, wettest };
      });
      await page.click('[data-testid="tab-gaps"]');
      const gapText = (): Promise<string[]> => page.$$eval('[data-testid="gap-list"] button', (b) => b.map((x) => x.textContent ?? ''));
      const gapsBefore = await gapText();
      expect(gapsBefore.length).toBeGreaterThan(0);
      const TEAM = '瓯江试验救援队';
      expect(gapsBefore.join('\n')).not.toContain(TEAM);

      // Teams: one team for the whole city is everyone's nearest.
      await drop(page, 'teams-2027.geojson', fixture('import/teams.geojson'));
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('teams');
      await confirm(page, 'teams-2027.geojson');
      await expect.poll(() => page.textContent('[data-layer="teams"] label')).toMatch(/· 1$/);
      const gapsTeams = await gapText();
      expect(gapsTeams.length).toBeGreaterThan(0);
      for (const g of gapsTeams) expect(g).toContain(TEAM);
      await select(page, '331102003');
      expect(await page.textContent('[data-testid="panel-teams"]')).toContain(TEAM);

      // Bad teams ([lat, lon]): named, the imported team stays.
      const badTeams = await refused(page, 'teams-lat-lon.geojson', fixture('import/teams-lat-lon.geojson'));
      expect(badTeams).toMatch(/teams-lat-lon\.geojson: none of its 2 features/);
      expect(badTeams).toMatch(/\[lat, lon\]/);
      expect(await page.textContent('[data-layer="teams"] label')).toMatch(/· 1$/);
      expect(await page.textContent('[data-testid="panel-teams"]')).toContain(TEAM);
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/teams-lat-lon\.geojson/);

      // Hazard zones: one high zone over the whole city. The zones layer shows it, the wettest
      // township's share becomes 100 %, and its geological risk is explained with that share.
      await page.check('[data-testid="layer-zones"]');
      await select(page, day.wettest);
      const geoRisk = (): Promise<string | null> => page.textContent('[data-testid="panel-risk-geological"]');
      const riskBefore = await geoRisk();
      expect(await page.textContent('[data-testid="panel-zone-shares"]')).not.toMatch(/^高 100%/);
      const zonesBefore = await mapPixels(page);
      await drop(page, 'hazard-zones-2027.geojson', fixture('import/hazard-zones.geojson'));
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('hazardZones');
      await confirm(page, 'hazard-zones-2027.geojson');
      await expect.poll(() => page.textContent('[data-testid="panel-zone-shares"]')).toMatch(/^高 100% · 中 0% · 低 0%$/);
      await expect.poll(geoRisk).not.toBe(riskBefore);
      console.log(`zones: ${day.wettest} geological risk ${riskBefore} → ${await geoRisk()}`);
      const zonesAfter = await mapPixels(page);
      expect(await changedPixels(page, zonesBefore, zonesAfter)).toBeGreaterThan(5000);

      // Bad zones (a projected CRS): named, the imported zone stays.
      const badZones = await refused(page, 'hazard-zones-projected.geojson', fixture('import/hazard-zones-projected.geojson'));
      expect(badZones).toMatch(/hazard-zones-projected\.geojson: none of its 2 features/);
      expect(badZones).toMatch(/projected CRS/);
      expect(await page.textContent('[data-testid="panel-zone-shares"]')).toMatch(/^高 100%/);
      expect(await changedPixels(page, zonesAfter, await mapPixels(page))).toBe(0);
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/hazard-zones-projected\.geojson/);
      expect(errors).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});

describe('export, then import', () => {
  it(
    "draws the day's GeoJSON export, imported on a fresh page as boundaries, with the same colors in the same places",
    async () => {
      const source = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await open(source);
      await source.click('[data-testid="export-menu"] summary');
      const [download] = await Promise.all([source.waitForEvent('download', { timeout: TIMEOUT }), source.click('[data-testid="export-geojson"]')]);
      const name = (download as Download).suggestedFilename();
      const text = readFileSync((await (download as Download).path())!, 'utf8');
      await source.click('[data-testid="export-menu"] summary');
      const levelsBefore = await onScreen(source);
      const pixelsBefore = await unlabeled(source);
      const colorsBefore = (await countColors(source, pixelsBefore, TARGETS, BACKGROUND)).perTarget;
      await source.close();

      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await open(page);
      await drop(page, name, text);
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('boundaries');
      expect(await page.textContent('[data-testid="import-count"]')).toMatch(/^173\b/);
      await confirm(page, name);
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      expect(await onScreen(page)).toEqual(levelsBefore);
      const pixelsAfter = await unlabeled(page);
      const colorsAfter = (await countColors(page, pixelsAfter, TARGETS, BACKGROUND)).perTarget;
      const changed = await changedPixels(page, pixelsBefore, pixelsAfter);
      console.log(`round trip: ${changed} pixels changed; level pixels ${colorsBefore.join('/')} → ${colorsAfter.join('/')}`);
      colorsBefore.forEach((n, k) => expect(Math.abs(colorsAfter[k]! - n), `level ${k + 1} pixels`).toBeLessThanOrEqual(Math.max(20, n * 0.002)));
      // A few border pixels drawn a hair apart; a township's fill in the wrong place would be thousands.
      expect(changed).toBeLessThan(500);
      await page.close();
    },
    TIMEOUT,
  );
});
