/**
 * The five colors stay readable: under hazard zones and coverage a township's pixels are still
 * closest to its own level's color, and the "readable without color" option draws a per-level
 * hatch or the level number, carried by the link (`?pattern=`). Pixels are read from the map's
 * canvas around township seats (labels off at the city view, incidents off so only the overlays
 * and patterns change the picture). Run `vite build` first (npm test does).
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { distText, TIMEOUT, useBrowser } from './harness.ts';
import { mapIdle } from './pixels.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { LEVELS } from '../../src/core/levels.ts';

type Rgb = [number, number, number];
const OUT = 'test-results';
const BACKGROUND: Rgb = [0x0b, 0x12, 0x20];
/** The fills' opacity over the dark background (township-layers.ts). */
const FILL_OPACITY = 0.86;
/** Half the side of the square read around each seat, in CSS px. */
const HALF = 6;

const boundaries = parseBoundaries(distText('data/townships.topo.json'), 'townships.topo.json');
const zones = JSON.parse(distText('data/hazard-zones.geojson')) as { features: Feature<Polygon | MultiPolygon, { class: string }>[] };

const hex = (c: string): Rgb => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as Rgb;
/** Each level's fill as drawn: its color at the fill's opacity over the background. */
const DRAWN = LEVELS.map((l) => hex(l.color).map((v, i) => v * FILL_OPACITY + BACKGROUND[i] * (1 - FILL_OPACITY)) as Rgb);
const nearestLevel = (p: Rgb): number => {
  let best = 0;
  let bestD = Infinity;
  DRAWN.forEach((c, i) => {
    const d = (c[0] - p[0]) ** 2 + (c[1] - p[1]) ** 2 + (c[2] - p[2]) ** 2;
    if (d < bestD) [best, bestD] = [i + 1, d];
  });
  return best;
};

interface Seat {
  code: string;
  level: number;
  x: number;
  y: number;
}

/** Townships with their level today and their seat on screen, away from the county labels. */
async function seats(page: Page): Promise<Seat[]> {
  return page.evaluate(
    ({ townships, counties }) => {
      const { map, app } = (window as unknown as { __fiveColor: { map: { project(p: [number, number]): { x: number; y: number } }; app: { levelByCode: Map<string, number | null> } } }).__fiveColor;
      const labels = counties.map((c) => map.project(c));
      return townships
        .map(({ code, seat }) => ({ code, level: app.levelByCode.get(code) ?? 0, ...map.project(seat) }))
        .filter((s) => s.level > 0 && labels.every((l) => Math.hypot(l.x - s.x, l.y - s.y) > 70));
    },
    { townships: boundaries.townships.features.map((f) => ({ code: f.properties.code, seat: f.properties.seat })), counties: boundaries.counties.map((c) => c.seat) },
  );
}

/** The map canvas's pixels in squares around points, read from a screenshot decoded in the page. */
async function patches(page: Page, points: { x: number; y: number }[], half = HALF): Promise<Rgb[][]> {
  await mapIdle(page);
  const png = (await page.locator('canvas.maplibregl-canvas').screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, points, half }) => {
      const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      return points.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x) - half, Math.round(y) - half, 2 * half, 2 * half).data;
        const out: [number, number, number][] = [];
        for (let i = 0; i < d.length; i += 4) out.push([d[i], d[i + 1], d[i + 2]]);
        return out;
      });
    },
    { png, points, half },
  );
}

/** The level whose drawn color most of a patch's pixels are nearest to (a line crossing it may take the rest). */
const dominantLevel = (patch: Rgb[]): number => {
  const n = [0, 0, 0, 0, 0, 0];
  for (const p of patch) n[nearestLevel(p)]++;
  return n.indexOf(Math.max(...n));
};
/** Share of a patch's pixels whose nearest drawn level color is `level`. */
const shareOfLevel = (patch: Rgb[], level: number): number => patch.filter((p) => nearestLevel(p) === level).length / patch.length;
const luminance = ([r, g, b]: Rgb): number => 0.3 * r + 0.59 * g + 0.11 * b;
/** Share of a patch darkened by the hatch's ink (well below the level's own fill; edges are blended). */
const shareOfInk = (patch: Rgb[], level: number): number => patch.filter((p) => luminance(p) < 0.7 * luminance(DRAWN[level - 1])).length / patch.length;
const mean = (patch: Rgb[]): string => [0, 1, 2].map((i) => Math.round(patch.reduce((a, p) => a + p[i], 0) / patch.length)).join(",");

async function openDesk(page: Page, query = ''): Promise<void> {
  await page.goto(ctx.server.url(query));
  await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="layer-zones"]:not([disabled])', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="incidents-control"][data-status="ready"]', { timeout: TIMEOUT });
  // Incidents off, so only the overlays and patterns change the picture.
  await page.uncheck('[data-testid="incidents-control"] .head input');
  // The camera settles (the panels' padding eases in) before any seat is projected.
  await expect.poll(() => page.evaluate(() => (window as unknown as { __fiveColor: { map: { isMoving(): boolean } } }).__fiveColor.map.isMoving()), { timeout: 30_000 }).toBe(false);
  await patches(page, []);
}

/** Picks a pattern with its switch in the legend (the radio itself is visually hidden). */
const choose = (page: Page, pattern: string): Promise<void> => page.click(`label:has([data-testid="pattern-${pattern}"])`);

const ctx = useBrowser('/readability/');

describe('the five colors stay readable', () => {
  it(
    'keeps each township closest to its own level color under hazard zones and coverage',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await openDesk(page);
      const all = await seats(page);
      const before = await patches(page, all);
      // Seats whose square is one township's color without overlays (no border, label or site in it).
      const clean = all.filter((s, i) => shareOfLevel(before[i], s.level) > 0.9);
      await page.check('[data-testid="layer-zones"]');
      await page.check('[data-testid="layer-coverage"]');
      await expect.poll(() => page.locator('[data-testid="layer-legend-coverage"]').count()).toBe(1);
      // The seats inside a high or medium zone: where the old translucent tint changed the hue.
      const zoned = clean.filter((s) => {
        const seat = boundaries.byCode.get(s.code)!.seat;
        return zones.features.some((z) => z.properties.class !== 'low' && booleanPointInPolygon(seat, z));
      });
      const levels = new Set(zoned.map((s) => s.level));
      expect(zoned.length, 'seats inside zones').toBeGreaterThan(10);
      expect(levels.size, 'levels among them').toBeGreaterThanOrEqual(3);
      const after = await patches(page, zoned);
      const misread = zoned
        .map((s, i) => ({ s, i }))
        .filter(({ s, i }) => dominantLevel(after[i]) !== s.level || shareOfLevel(after[i], s.level) < 0.5)
        .map(({ s, i }) => `${s.code} level ${s.level}: ${shareOfLevel(after[i], s.level).toFixed(2)} (mean ${mean(after[i])} at ${Math.round(s.x)},${Math.round(s.y)})`);
      expect(misread, 'townships whose color the overlays hide').toEqual([]);
      // Something is drawn over them: the overlays are on, not just switched.
      const touched = zoned.filter((_, i) => shareOfLevel(after[i], zoned[i].level) < 0.99).length;
      expect(touched, 'zoned seats with overlay ink in their square').toBeGreaterThan(0);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'draws a hatch per level or the level number, and the link carries the choice',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await openDesk(page, '?pattern=hatch');
      expect(await page.isChecked('[data-testid="pattern-hatch"]')).toBe(true);
      expect(new URL(page.url()).searchParams.get('pattern')).toBe('hatch');
      const all = await seats(page);
      const hatched = await patches(page, all, 8);
      await choose(page, 'none');
      await expect.poll(() => new URL(page.url()).searchParams.get('pattern')).toBe(null);
      const plain = await patches(page, all, 8);
      // Squares of one township's color without the pattern, per level.
      const clean = all.map((s, i) => ({ s, i })).filter(({ s, i }) => shareOfLevel(plain[i], s.level) > 0.95);
      for (const level of [1, 2, 3, 4, 5]) {
        const mine = clean.filter(({ s }) => s.level === level);
        if (mine.length === 0) continue;
        const ink = mine.map(({ i }) => shareOfInk(hatched[i], level));
        const average = ink.reduce((a, b) => a + b, 0) / ink.length;
        if (level === 5) expect(average, 'green stays plain').toBeLessThan(0.02);
        else expect(average, `level ${level} hatched`).toBeGreaterThan(0.03);
        for (const { i } of mine) expect(shareOfInk(plain[i], level)).toBeLessThan(0.01);
      }
      expect(new Set(clean.map(({ s }) => s.level)).size, 'levels checked').toBeGreaterThanOrEqual(3);

      // Numbers: dark digits on a white halo just above each seat.
      await choose(page, 'numbers');
      await expect.poll(() => new URL(page.url()).searchParams.get('pattern')).toBe('numbers');
      const above = all.map((s) => ({ x: s.x, y: s.y - 13 }));
      const white = (patch: Rgb[]): number => patch.filter(([r, g, b]) => r > 235 && g > 235 && b > 235).length;
      const numbered = await patches(page, above, 8);
      await choose(page, 'none');
      const without = await patches(page, above, 8);
      const gained = all.filter((_, i) => white(numbered[i]) > white(without[i]) + 10).length;
      expect(gained / all.length, 'seats that gained a number').toBeGreaterThan(0.8);
      // The digit is the township's level: the visible number layer at that seat is its own.
      const shown = await page.evaluate(() => {
        const { map, app } = (window as unknown as { __fiveColor: { map: { getFeatureState(f: { source: string; id: string }): { level?: number } }; app: { levelByCode: Map<string, number | null>; pattern: string } } }).__fiveColor;
        app.pattern = 'numbers';
        return [...app.levelByCode].filter(([code, level]) => map.getFeatureState({ source: 'township-seats', id: code }).level !== (level ?? 0)).length;
      });
      expect(shown, 'seats whose number is not their level').toBe(0);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'looks right at 1920×1080 and 3840×2160 with overlays and the hatch',
    async () => {
      mkdirSync(OUT, { recursive: true });
      for (const [width, height] of [
        [1920, 1080],
        [3840, 2160],
      ]) {
        const page = await ctx.browser.newPage({ viewport: { width, height } });
        await openDesk(page, '?pattern=hatch');
        await page.check('[data-testid="incidents-control"] .head input');
        await page.check('[data-testid="layer-zones"]');
        await page.check('[data-testid="layer-coverage"]');
        await patches(page, []);
        await page.screenshot({ path: `${OUT}/readability-${width}x${height}.png` });
        await page.close();
      }
    },
    TIMEOUT,
  );
});
