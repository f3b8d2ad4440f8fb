/**
 * The wall screen (?mode=wall) in headless Chromium at 1920×1080, 3840×2160 and 7680×2160: its KPI
 * tiles equal the engine's numbers computed here in Node from the built data; no text is smaller
 * than 1/60 of the screen height; the map's canvas has the screen's real pixels and MapLibre never
 * warns about its size; there are no editing controls; red and orange townships are labelled; the
 * lists scroll with a constant number of nodes. Run `vite build` first (npm test does).
 *
 * SwiftShader is slow: one page per size, every check made on it; the desk's wall button opens
 * the first one.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DIST, distText, TIMEOUT, useBrowser } from './harness.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { classifyIndex, DEFAULT_BANDS } from '../../src/core/levels.ts';
import { computeKpis, type DailyIncidentCounts, type Kpis } from '../../src/core/wall/kpis.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { decodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { INCIDENT_TYPE_COUNT } from '../../src/core/incidents/incident-types.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import { formatChange, formatDate, formatNumber } from '../../src/i18n/format.ts';
import { recomputeIndex } from '../support/recompute-index.ts';

const OUT = 'test-results';
const levels = JSON.parse(distText('data/levels.json')) as LevelsFile;

// ---- the day's numbers, computed here from the built files --------------------------------------

const { result: engine } = recomputeIndex(`${DIST}/data`);
const incidents = ((): DailyIncidentCounts => {
  const townships = parseBoundaries(distText('data/townships.topo.json'), 'townships.topo.json').townships.features;
  const decoded = decodeIncidents(readFileSync(`${DIST}/data/incidents.bin`), 'incidents.bin');
  const joined = joinPoints(buildJoinIndex(townships), decoded.coords, decoded.types, INCIDENT_TYPE_COUNT, decoded.days, decoded.dayCount);
  return { countsByDay: joined.countsByDay!, townships: townships.length, typeCount: INCIDENT_TYPE_COUNT, startDay: decoded.startDay!, dayCount: decoded.dayCount! };
})();
const expectedOn = (d: number): Kpis => computeKpis(levels, d, { bands: DEFAULT_BANDS, incidents, engine });

const last = levels.dates.length - 1;
/** For the desk's button: a recent past day with the most hazard warnings, so the tile is not a trivial 0. */
const pastDay = [...Array(10).keys()].map((k) => last - 1 - k).reduce((best, d) => ((expectedOn(d).hazardWarnings ?? 0) > (expectedOn(best).hazardWarnings ?? 0) ? d : best), last - 1);

/** The townships that must always be labelled on a day: red and orange. */
const urgentOn = (d: number): string[] => levels.codes.filter((_, t) => (classifyIndex(levels.index[d][t], DEFAULT_BANDS) ?? 9) <= 2);

// ---- browser plumbing -----------------------------------------------------------------------------

const ctx = useBrowser('/wall/');

interface WallPage {
  page: Page;
  warnings: string[];
}

async function open(width: number, height: number, query: string): Promise<WallPage> {
  const page = await ctx.browser.newPage({ viewport: { width, height } });
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  await page.goto(ctx.server.url(query));
  return { page, warnings };
}

/** The wall with every figure in: the map drawn, the engine run, the incidents joined. */
async function settled(page: Page): Promise<void> {
  await page.waitForSelector('main.wall[data-map-ready="true"][data-index-status="ready"]', { timeout: TIMEOUT });
  await expect.poll(() => page.textContent('[data-testid="kpi-incidents-today"]'), { timeout: TIMEOUT }).not.toBe('—');
  await expect.poll(() => page.textContent('[data-testid="kpi-gap-count"]'), { timeout: TIMEOUT }).not.toBe('—');
}

const text = async (page: Page, testid: string): Promise<string> => ((await page.textContent(`[data-testid="${testid}"]`)) ?? '').trim();

async function expectKpis(page: Page, d: number): Promise<void> {
  const k = expectedOn(d);
  expect(k.incidentsToday).not.toBeNull();
  expect(k.hazardWarnings).not.toBeNull();
  for (let i = 0; i < 5; i++) {
    expect(await text(page, `kpi-level-${i + 1}-count`), `level ${i + 1}`).toBe(formatNumber('zh', k.byLevel[i]));
    expect(await text(page, `kpi-level-${i + 1}-change`), `level ${i + 1} change`).toBe(k.byLevelChange ? formatChange('zh', k.byLevelChange[i]) : '');
  }
  expect(await text(page, 'kpi-city-index-value')).toBe(formatNumber('zh', k.cityIndex!, 1));
  expect(await text(page, 'kpi-city-index-change')).toContain(formatChange('zh', k.cityIndexChange!, 1));
  expect(await text(page, 'kpi-incidents-today')).toBe(formatNumber('zh', k.incidentsToday!));
  expect(await text(page, 'kpi-incidents-average')).toContain(formatNumber('zh', k.incidentsAverage7!, 1));
  expect(await text(page, 'kpi-hazard-warnings')).toBe(formatNumber('zh', k.hazardWarnings!));
  // The gap list comes from the overlays' shares (tested with the overlays): the tile and the list agree with it.
  const gaps = await page.evaluate(() => (window as unknown as { __fiveColor: { app: { gaps: unknown[] | null } } }).__fiveColor.app.gaps?.length ?? -1);
  expect(await text(page, 'kpi-gap-count')).toBe(formatNumber('zh', gaps));
  expect(await text(page, 'wall-data-date')).toContain(formatDate('zh', levels.dates[d]));
}

/** Visible text set smaller than 1/60 of the window's height, as "text (size px)". */
function tooSmallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const floor = window.innerHeight / 60;
    const out: string[] = [];
    for (const el of document.body.querySelectorAll<HTMLElement>('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const size = parseFloat(style.fontSize);
      // A hundredth of a pixel of rounding is not a smaller font.
      if (size < floor - 0.01) out.push(`${el.textContent!.trim().slice(0, 30)} (${size}px < ${floor}px)`);
    }
    return out;
  });
}

async function expectWallBasics(w: WallPage, d: number, name: string): Promise<void> {
  const { page, warnings } = w;
  await expectKpis(page, d);
  expect(await tooSmallText(page)).toEqual([]);

  const canvas = await page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
    const r = c.getBoundingClientRect();
    const { map, app } = (window as unknown as { __fiveColor: { map: { project(p: [number, number]): { y: number } }; app: { data: { boundaries: { bbox: number[] } } } } }).__fiveColor;
    const [west, south, east, north] = app.data.boundaries.bbox;
    const cityHeight = map.project([(west + east) / 2, south]).y - map.project([(west + east) / 2, north]).y;
    return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, dpr: devicePixelRatio, cityShare: cityHeight / innerHeight };
  });
  expect(canvas.width).toBe(Math.round(canvas.cssWidth * canvas.dpr));
  expect(canvas.height).toBe(Math.round(canvas.cssHeight * canvas.dpr));
  // The city fills the middle: it is about as tall as the screen (Lishui is about as wide as tall).
  expect(canvas.cityShare).toBeGreaterThan(0.75);
  expect(warnings.filter((m) => /canvas/i.test(m))).toEqual([]);

  // Nothing to edit on the wall: no file picker, sliders, checkboxes, selects.
  expect(await page.locator('input, select, textarea').count()).toBe(0);

  const labelled = await page.evaluate(() => {
    const { map } = (window as unknown as { __fiveColor: { map: { queryRenderedFeatures(o: { layers: string[] }): { properties: { code: string } }[] } } }).__fiveColor;
    return [...new Set(map.queryRenderedFeatures({ layers: ['township-labels', 'township-labels-priority'] }).map((f) => f.properties.code))];
  });
  const urgent = urgentOn(d);
  expect(urgent.filter((c) => !labelled.includes(c)), 'red and orange townships without a label').toEqual([]);
  // Most names fit at wall size (collisions hide the rest until the tour zooms in).
  expect(labelled.length).toBeGreaterThan(levels.codes.length * 0.4);

  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: `${OUT}/${name}.png` });
}

describe('the wall screen', () => {
  it(
    'opens from the desk on its day at 1920×1080: tiles, sizes, canvas, no controls, labels, scrolling lists',
    async () => {
      const w = await open(1920, 1080, `?date=${levels.dates[pastDay]}`);
      const { page } = w;
      await page.waitForSelector('[data-testid="open-wall"]', { timeout: TIMEOUT });
      await page.click('[data-testid="open-wall"]');
      await page.waitForURL(/mode=wall/, { timeout: TIMEOUT });
      const query = new URL(page.url()).searchParams;
      expect(query.get('mode')).toBe('wall');
      expect(query.get('date')).toBe(levels.dates[pastDay]);
      await settled(page);
      await expectWallBasics(w, pastDay, 'wall-1920x1080');

      // The clock ticks.
      const before = await text(page, 'wall-clock');
      await expect.poll(() => text(page, 'wall-clock'), { timeout: 5000 }).not.toBe(before);

      // The ranking scrolls by itself with the same rows: transforms and items change, node count does not.
      const sample = () =>
        page.evaluate(() => {
          const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="wall-ranking-list"] .row')];
          return { nodes: document.getElementsByTagName('*').length, rows: rows.length, transform: rows.map((r) => r.style.transform).join('|'), first: rows[1]?.textContent ?? '' };
        });
      const samples = [await sample()];
      for (let i = 0; i < 14; i++) {
        await page.waitForTimeout(500);
        samples.push(await sample());
      }
      expect(await page.getAttribute('[data-testid="wall-ranking-list"]', 'data-moving')).toBe('true');
      expect(new Set(samples.map((s) => s.transform)).size).toBeGreaterThan(1);
      expect(new Set(samples.map((s) => s.first)).size).toBeGreaterThan(1);
      expect(new Set(samples.map((s) => s.rows)).size).toBe(1);
      expect(new Set(samples.map((s) => s.nodes)).size).toBe(1);
      await page.close();
    },
    TIMEOUT,
  );

  for (const [width, height] of [
    [3840, 2160],
    [7680, 2160],
  ] as const) {
    it(
      `shows the latest day at ${width}×${height}: tiles, sizes, native canvas, no controls, labels`,
      async () => {
        const w = await open(width, height, '?mode=wall');
        await settled(w.page);
        await expectWallBasics(w, last, `wall-${width}x${height}`);
        await w.page.close();
      },
      TIMEOUT,
    );
  }
});
