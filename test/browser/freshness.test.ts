/**
 * Freshness, self-refresh and recovery in the real app, served from a copy of the build that each
 * test rewrites: the stale alarm against a clock past the data (and none against a current one), a
 * new day picked up by the poll without a page reload, a wall started while the manifest was
 * missing recovering by itself, and a lost WebGL context coming back with the five colors.
 * Run `vite build` first (npm test does).
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { DIST, TIMEOUT } from './harness.ts';
import { countColors, hexRgb } from './pixels.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { classifyIndex, DEFAULT_BANDS, LEVELS } from '../../src/core/levels.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { BACKGROUND } from '../../src/map/style.ts';

type FiveColorWindow = {
  __fiveColor: { map: { getFeatureState(f: { source: string; id: string }): { level?: number }; getCanvas(): HTMLCanvasElement; painter: { context: { gl: WebGLRenderingContext } } } };
  __fiveColorMarker?: number;
};

let dir: string;
let server: StaticServer;
let browser: Browser;
const levels = JSON.parse(readFileSync(`${DIST}/data/levels.json`, 'utf8')) as LevelsFile;
const manifestText = readFileSync(`${DIST}/data/manifest.json`, 'utf8');
const lastDate = levels.dates[levels.dates.length - 1];
const page$ = { current: null as Page | null };

const file = (path: string): string => join(dir, path);
function writeConfig(config: object): void {
  writeFileSync(file('config.json'), JSON.stringify(config));
}

async function open(at: string | null, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page$.current = page;
  if (at) await page.clock.setFixedTime(new Date(at));
  await page.goto(server.url());
  return page;
}

const ready = (page: Page): Promise<unknown> => page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
const rootAttr = (page: Page, name: string): Promise<string | null> => page.evaluate((n) => document.documentElement.getAttribute(n), name);
/** Set once after load: still there later means the page did not reload. */
const mark = (page: Page): Promise<unknown> => page.evaluate(() => ((window as unknown as FiveColorWindow).__fiveColorMarker = 1));
const marked = (page: Page): Promise<boolean> => page.evaluate(() => (window as unknown as FiveColorWindow).__fiveColorMarker === 1);

beforeAll(async () => {
  browser = await launchChromium();
}, TIMEOUT);

beforeEach(async () => {
  await page$.current?.close();
  page$.current = null;
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), 'five-color-freshness-'));
  cpSync(DIST, dir, { recursive: true });
  server = await serveStatic(dir, '/fresh/');
});

afterAll(async () => {
  await page$.current?.close();
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('freshness', () => {
  it(
    'on 2026-12-01 with data ending 2026-11-24 shows the stale alarm: status, title and data-health',
    async () => {
      expect(lastDate).toBe('2026-11-24');
      const page = await open('2026-12-01T10:00:00+08:00');
      await ready(page);
      const status = page.getByTestId('freshness');
      await expect.poll(() => status.getAttribute('data-health')).toBe('stale');
      expect(await status.getAttribute('data-severity')).toBe('alarm');
      expect(await status.innerText()).toContain('数据已 7 天未更新');
      expect(await status.innerText()).toContain('Data 7 days old');
      expect(await rootAttr(page, 'data-health')).toBe('stale');
      expect(await rootAttr(page, 'data-as-of')).toBe(JSON.parse(manifestText).asOf);
      expect(await page.title()).toBe('⚠ 数据已 7 天未更新 · 平安五色图');
      // Red, from across the room.
      expect(await status.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(214, 40, 45)');
    },
    TIMEOUT,
  );

  it(
    "shows no alarm when the data's latest day is today; a bad config.json value is named with its fix",
    async () => {
      writeConfig({ nightlyReloadHour: 25 });
      const page = await open(`${lastDate}T12:00:00+08:00`);
      await ready(page);
      await expect.poll(() => rootAttr(page, 'data-health')).toBe('ok');
      const status = page.getByTestId('freshness');
      expect(await status.getAttribute('data-severity')).toBe('none');
      expect(await status.innerText()).not.toContain('未更新');
      expect(await page.title()).toBe('平安五色图');
      const problems = await page.getByTestId('problems').innerText();
      expect(problems).toContain('config.json');
      // The page is in Chinese: the Chinese half of the message, with the file name.
      expect(problems).toMatch(/config\.json: “nightlyReloadHour”为 25，应为 0 至 23 点的整点/);
    },
    TIMEOUT,
  );
});

describe('self-refresh', () => {
  it(
    'picks up a new day from a new manifest on its own schedule, without reloading: the date moves, a township recolors',
    async () => {
      writeConfig({ refreshSeconds: 10 });
      const nextDay = '2026-11-25';
      const page = await open(`${nextDay}T12:00:00+08:00`);
      await ready(page);
      await mark(page);
      await expect.poll(() => page.getAttribute('[data-testid="date-label"]', 'data-date')).toContain(lastDate);

      // A township green on the last day turns red on the new one; the others keep their values.
      const row = levels.index[levels.index.length - 1];
      const t = row.findIndex((v) => classifyIndex(v, DEFAULT_BANDS) === 5);
      const code = levels.codes[t];
      const newRow = row.map((v, i) => (i === t ? 40 : v));
      writeFileSync(file('data/levels.json'), JSON.stringify({ ...levels, dates: [...levels.dates, nextDay], index: [...levels.index, newRow] }));
      const manifest = JSON.parse(manifestText);
      manifest.asOf = `${nextDay}T06:00:00+08:00`;
      manifest.versions['levels.json'] = 'new-day';
      writeFileSync(file('data/manifest.json'), JSON.stringify(manifest));

      await expect.poll(() => page.getAttribute('[data-testid="date-label"]', 'data-date'), { timeout: 30_000, interval: 500 }).toContain(nextDay);
      const level = await page.evaluate((c) => (window as unknown as FiveColorWindow).__fiveColor.map.getFeatureState({ source: 'townships', id: c }).level, code);
      expect(level).toBe(1);
      expect(await rootAttr(page, 'data-as-of')).toBe(manifest.asOf);
      expect(await rootAttr(page, 'data-health')).toBe('ok');
      expect(await marked(page)).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'started while the manifest is missing (404), retries with backoff and recovers without a reload; the message clears',
    async () => {
      renameSync(file('data/manifest.json'), file('data/manifest.json.away'));
      const page = await open(`${lastDate}T12:00:00+08:00`);
      const problems = page.getByTestId('problems');
      await expect.poll(() => problems.innerText(), { timeout: 30_000 }).toContain('manifest.json: HTTP 404');
      expect(await problems.innerText()).not.toContain('last good data');
      await expect.poll(() => rootAttr(page, 'data-health')).toBe('error');
      await expect.poll(() => page.getByTestId('freshness-headline').innerText()).toBe('暂无数据，正在重试');
      await mark(page);

      renameSync(file('data/manifest.json.away'), file('data/manifest.json'));
      // The first retry comes 5 s (±20 %) after the failure, the second 10 s after that.
      await ready(page);
      await expect.poll(() => rootAttr(page, 'data-health'), { timeout: 30_000 }).toBe('ok');
      await problems.waitFor({ state: 'detached', timeout: 30_000 });
      expect(await page.getAttribute('[data-testid="date-label"]', 'data-date')).toContain(lastDate);
      expect(await marked(page)).toBe(true);
    },
    TIMEOUT,
  );
});

describe('WebGL context loss', () => {
  it(
    'comes back with the five colors within seconds, and says so',
    async () => {
      const page = await open(null);
      await ready(page);
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      await mark(page);
      const targets = LEVELS.map((l) => hexRgb(l.color));
      const present = LEVELS.map((l) => levels.index[levels.index.length - 1].some((v) => classifyIndex(v, DEFAULT_BANDS) === l.level));
      const canvas = page.locator('canvas.maplibregl-canvas');
      const colorsOnScreen = async (): Promise<number[]> => (await countColors(page, await canvas.screenshot(), targets, hexRgb(BACKGROUND))).perTarget;
      const before = await colorsOnScreen();
      present.forEach((p, i) => p && expect(before[i], `level ${i + 1} before`).toBeGreaterThan(50));

      await page.evaluate(() => {
        const { map } = (window as unknown as FiveColorWindow).__fiveColor;
        const lose = map.painter.context.gl.getExtension('WEBGL_lose_context')!;
        (window as unknown as { __lose: WEBGL_lose_context }).__lose = lose;
        lose.loseContext();
      });
      await expect.poll(() => page.getByTestId('map-notice').getAttribute('data-notice')).toBe('contextLost');
      await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
      const started = Date.now();
      await expect.poll(() => page.getByTestId('map-notice').getAttribute('data-notice'), { timeout: 10_000 }).toBe('contextRestored');
      await expect
        .poll(async () => {
          const after = await colorsOnScreen();
          return present.every((p, i) => !p || after[i] > before[i] * 0.5);
        }, { timeout: 15_000, interval: 500 })
        .toBe(true);
      console.log(`context restored: the five colors back in ${Date.now() - started} ms`);
      expect(await marked(page)).toBe(true);
    },
    TIMEOUT,
  );
});
