/**
 * Shareable state and languages in the built app (dist/), in headless Chromium:
 * - a link reproduces the screen: select a township, change the date, the layers and their opacity,
 *   move the map, open a tab and switch the language; the address bar's URL, opened in a fresh
 *   context, shows the same panel, the same colors (feature-state per township), the same view and
 *   the same tab — and it is short enough for a QR code;
 * - in English no visible text is Chinese except names from the data (townships, counties, the
 *   region, rescue teams) and what is marked `lang="zh"` (the language switch's 中文); switching back
 *   restores Chinese; dates are written per language;
 * - the wall at 3840×2160 in English, with an unknown `?t=` reported in one line.
 * Screenshots go to test-results/ (desk at 1920×1080 in both languages, wall at 4K in English).
 *
 * SwiftShader is slow: four page loads in all, every check made on them.
 */
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { FeatureCollection } from 'geojson';
import { distText, TIMEOUT, useBrowser } from './harness.ts';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';

const OUT = 'test-results';
const READY = '[data-map-ready="true"]';
const DESK = { width: 1920, height: 1080 };

const boundaries = parseBoundaries(distText('data/townships.topo.json'), 'townships.topo.json');
const manifest = JSON.parse(distText('data/manifest.json')) as { region: { name: string } };
const teams = JSON.parse(distText('data/teams.geojson')) as FeatureCollection;
/** Names are data, shown as the data has them in either language; longest first, so a county's name never leaves a piece of a township's. */
const NAMES = [
  manifest.region.name,
  ...[...boundaries.byCode.values()].flatMap((t) => [t.name, t.countyName]),
  ...teams.features.map((f) => String(f.properties?.name ?? '')),
]
  .filter((n) => n !== '')
  .sort((a, b) => b.length - a.length);

interface Snapshot {
  name: string;
  code: string;
  date: string | null;
  tab: string | null;
  levels: Record<string, number | undefined>;
  center: [number, number];
  zoom: number;
  layers: { id: string; on: boolean; opacity: number }[];
  lang: string | null;
}

type TestWindow = {
  __fiveColor: {
    map: { getCenter(): { lng: number; lat: number }; getZoom(): number; isMoving(): boolean; getFeatureState(f: { source: string; id: string }): { level?: number } };
    app: { data: { codes: string[] }; view: { date: string | null }; overlays: { toggles: Record<string, { on: boolean; opacity: number }> } };
  };
};

/** Waits until the map has stopped and the address bar has taken in its view. */
async function settled(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => !(window as unknown as TestWindow).__fiveColor.map.isMoving()), { timeout: 30_000 })
    .toBe(true);
  // MapCamera writes the view at moveend; the URL follows in the same tick's effects.
  await page.waitForTimeout(300);
}

async function snapshot(page: Page): Promise<Snapshot> {
  const state = await page.evaluate(() => {
    const { map, app } = (window as unknown as TestWindow).__fiveColor;
    const c = map.getCenter();
    return {
      date: app.view.date,
      levels: Object.fromEntries(app.data.codes.map((code) => [code, map.getFeatureState({ source: 'townships', id: code }).level])),
      center: [c.lng, c.lat] as [number, number],
      zoom: map.getZoom(),
      layers: Object.entries(app.overlays.toggles).map(([id, t]) => ({ id, on: t.on, opacity: Math.round(t.opacity * 100) })),
      lang: document.documentElement.lang || null,
      tab: document.querySelector('[data-testid="insights"] [role="tab"][aria-selected="true"]')?.getAttribute('data-testid') ?? null,
    };
  });
  return {
    ...state,
    name: (await page.getByTestId('panel-name').innerText()).trim(),
    code: (await page.getByTestId('panel-code').innerText()).trim(),
  };
}

/** Visible text nodes of the page (not inside an element marked lang="zh"), one string each. */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim() ?? '';
      const el = n.parentElement;
      if (!text || !el || el.closest('[lang="zh"], script, style')) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      out.push(text);
    }
    // Labels a reader meets without seeing them: tooltips and names read out by screen readers.
    for (const el of document.querySelectorAll('[aria-label], [title]')) {
      if (el.closest('[lang="zh"]')) continue;
      for (const attr of ['aria-label', 'title']) {
        const v = el.getAttribute(attr);
        if (v) out.push(`${attr}: ${v}`);
      }
    }
    return out;
  });
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
function chineseLeft(texts: string[]): string[] {
  return texts.filter((text) => CJK.test(NAMES.reduce((rest, name) => rest.split(name).join(''), text)));
}

describe('shareable state and languages', () => {
  const ctx = useBrowser('/');
  mkdirSync(OUT, { recursive: true });
  let link = '';
  let before: Snapshot;

  it(
    'reproduces the screen from its link: panel, colors, view, tab, layers and language',
    async () => {
      const context = await ctx.browser.newContext({ viewport: DESK });
      const page = await context.newPage();
      await page.goto(ctx.server.url());
      await page.waitForSelector(READY, { timeout: TIMEOUT });
      // The overlays are in once their switches are enabled.
      await page.waitForSelector('[data-testid="layer-zones"]:not([disabled])', { timeout: TIMEOUT });

      // A township from the ranking (this also flies there and opens the ranking tab).
      await page.getByTestId('tab-ranking').click();
      const row = page.locator('[data-testid="ranking"] button').nth(2);
      const code = await row.getAttribute('data-code');
      await row.click();
      await page.waitForSelector('[data-testid="panel-name"]');
      // Five days back with the slider.
      const dates = await page.evaluate(() => (window as unknown as { __fiveColor: { app: { data: { levels: { dates: string[] } } } } }).__fiveColor.app.data.levels.dates);
      await page.getByTestId('date-slider').fill(String(dates.length - 6));
      await expect.poll(() => page.getByTestId('date-label').getAttribute('data-date')).toBe(dates[dates.length - 6]);
      // Two layers, one at 60%.
      await page.getByTestId('layer-zones').check();
      await page.getByTestId('opacity-zones').fill('0.6');
      await page.getByTestId('layer-coverage').check();
      await page.getByTestId('tab-changes').click();
      await settled(page);
      // The reader drags the map after the flight.
      await page.mouse.move(900, 600);
      await page.mouse.down();
      await page.mouse.move(820, 540, { steps: 8 });
      await page.mouse.up();
      await settled(page);
      await page.getByTestId('lang-en').click();
      await expect.poll(() => page.getByTestId('tab-changes').innerText()).toMatch(/^Changes/);

      link = page.url();
      before = await snapshot(page);
      const url = new URL(link);
      expect(url.searchParams.get('t')).toBe(code);
      expect(url.searchParams.get('date')).toBe(dates[dates.length - 6]);
      expect(url.searchParams.get('layers')).toBe('zones:60,coverage');
      expect(url.searchParams.get('tab')).toBe('changes');
      expect(url.searchParams.get('lang')).toBe('en');
      expect(url.searchParams.get('view')).toMatch(/^\d+(\.\d{1,4})?,\d+(\.\d{1,4})?,\d+(\.\d{1,2})?$/);
      // Short enough for a QR code a phone reads from across a room (and the whole link, origin included).
      expect(link.length, link).toBeLessThan(200);
      console.info(`shared link (${link.length} characters): ${link}`);
      await context.close();

      const fresh = await ctx.browser.newContext({ viewport: DESK });
      const again = await fresh.newPage();
      await again.goto(link);
      await again.waitForSelector(READY, { timeout: TIMEOUT });
      await again.waitForSelector('[data-testid="panel-name"]', { timeout: TIMEOUT });
      await settled(again);
      const after = await snapshot(again);
      expect(after.name).toBe(before.name);
      expect(after.code).toBe(before.code);
      expect(after.date).toBe(before.date);
      expect(after.tab).toBe('tab-changes');
      expect(after.layers).toEqual(before.layers);
      expect(after.levels).toEqual(before.levels);
      // The link rounds to 1e-4° and 0.01 zoom levels.
      expect(Math.abs(after.center[0] - before.center[0])).toBeLessThan(2e-4);
      expect(Math.abs(after.center[1] - before.center[1])).toBeLessThan(2e-4);
      expect(Math.abs(after.zoom - before.zoom)).toBeLessThan(0.011);
      expect(await again.getByTestId('tab-changes').innerText()).toMatch(/^Changes/);
      // Opening the link does not rewrite it (beyond the rounding it already carries).
      expect(again.url()).toBe(link);
      await fresh.close();
    },
    TIMEOUT * 2,
  );

  it(
    'shows every string in English but the names, switches back to Chinese, and writes dates per language',
    async () => {
      const context = await ctx.browser.newContext({ viewport: DESK });
      const page = await context.newPage();
      const code = [...boundaries.byCode.keys()][5];
      await page.goto(ctx.server.url(`?lang=en&t=${code}`));
      await page.waitForSelector(READY, { timeout: TIMEOUT });
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-testid="layer-zones"]:not([disabled])', { timeout: TIMEOUT });
      await page.getByTestId('layer-zones').check();
      await page.getByTestId('layer-teams').check();
      await page.getByTestId('tab-gaps').click();

      const english = await visibleTexts(page);
      expect(english.length).toBeGreaterThan(40);
      expect(chineseLeft(english), 'Chinese text on the English screen').toEqual([]);
      expect(await page.getByTestId('date-label').innerText()).toMatch(/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4}$/);
      expect(await page.getByTestId('panel-date').innerText()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
      await page.screenshot({ path: `${OUT}/desk-1920x1080-en.png` });

      await page.getByTestId('lang-zh').click();
      await expect.poll(() => page.getByTestId('date-label').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日周[一二三四五六日]$/);
      expect(await page.getByTestId('panel-date').innerText()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
      const chinese = await visibleTexts(page);
      expect(await page.getByTestId('tab-gaps').innerText()).toMatch(/^缺口/);
      expect(await page.getByTestId('layer-panel').innerText()).toContain('图层');
      // The same screen, in the other language: the English words are gone (the title keeps its English).
      const englishWords = chinese.filter((t) => /\b(Layers|Legend|Safety index|Incidents|Summary|Ranking|Close|Previous day)\b/.test(t));
      expect(englishWords, 'English left on the Chinese screen').toEqual([]);
      await page.screenshot({ path: `${OUT}/desk-1920x1080-zh.png` });
      await context.close();
    },
    TIMEOUT,
  );

  it(
    'draws the wall at 4K in English and says in one line that ?t= names no township',
    async () => {
      const context = await ctx.browser.newContext({ viewport: { width: 3840, height: 2160 } });
      const page = await context.newPage();
      await page.goto(ctx.server.url('?mode=wall&lang=en&t=999999999'));
      await page.waitForSelector(READY, { timeout: TIMEOUT });
      const line = page.locator('[data-testid="problems"] li');
      await expect.poll(() => line.count(), { timeout: 30_000 }).toBe(1);
      expect(await line.innerText()).toMatch(/^\?t=999999999 is not a township/);
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT }).catch(() => undefined);
      await page.waitForTimeout(1500);
      expect(chineseLeft(await visibleTexts(page)), 'Chinese text on the English wall').toEqual([]);
      await page.screenshot({ path: `${OUT}/wall-3840x2160-en.png` });
      await context.close();
    },
    TIMEOUT,
  );
});
