/**
 * End-to-end checks of the built app (dist/) in headless Chromium: it draws the five colors, has
 * every township, opens the right panel on a click, keeps the last good data on bad input, makes no
 * request beyond its own origin and works from any path. Run `vite build` first (npm test does).
 *
 * WebGL goes through SwiftShader here, so pages are few and reused: one 3840×2160 wall page, one
 * 1024×768 tablet page (click + bad input) and one quick page served from another path.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { area, booleanPointInPolygon } from '@turf/turf';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { launchChromium } from './chromium.ts';
import { serveStatic, type StaticServer } from './static-server.ts';
import { classifyIndex, DEFAULT_BANDS, LEVELS } from '../../src/core/levels.ts';
import { countColors } from './pixels.ts';

const DIST = 'dist';
const OUT = 'test-results';
const SUB_PATH = '/five-color/wall-screen/';
const READY = '[data-map-ready="true"]';
const LOAD_TIMEOUT = 180_000;
const BACKGROUND: Rgb = [0x0b, 0x12, 0x20];

type Rgb = [number, number, number];

interface TownshipProps {
  code: string;
  name: string;
  countyCode: string;
  countyName: string;
  seat: [number, number];
}

interface LevelsJson {
  version: 1;
  dates: string[];
  codes: string[];
  index: (number | null)[][];
}

/** What the page exposes for tests (window.__fiveColor). */
interface FiveColorWindow {
  __fiveColor: {
    map: MapLibreMap;
    app: { view: { selected: string | null }; levelByCode: Map<string, number | null>; counts: { byLevel: number[] } };
  };
  __fiveColorRefresh: () => Promise<void>;
}

// ---- the data, read from the build itself and classified independently of the app -------------

function readDist<T>(path: string): T {
  const file = `${DIST}/${path}`;
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`vite build\` (npm run build) before the browser tests`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The level the legend promises for an index, with the default bands from core (one definition). */
function expectedLevel(index: number | null | undefined): number | null {
  return classifyIndex(index, DEFAULT_BANDS);
}

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

// ---- browser plumbing ---------------------------------------------------------------------------

interface OpenPage {
  page: Page;
  origin: string;
  errors: string[];
  requests: string[];
}

const opened: OpenPage[] = [];
let browser: Browser;
let server: StaticServer;

async function openApp(srv: StaticServer, width: number, height: number): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const entry: OpenPage = { page, origin: srv.origin, errors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') entry.errors.push(`[${width}x${height} console] ${m.text()}`);
  });
  page.on('pageerror', (e) => entry.errors.push(`[${width}x${height} pageerror] ${e.message}`));
  context.on('request', (r) => entry.requests.push(r.url()));
  opened.push(entry);
  await page.goto(srv.url());
  await page.waitForSelector(READY, { timeout: LOAD_TIMEOUT });
  return entry;
}

/** Legend counts as shown, level 1..5. */
async function legendCounts(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (let n = 1; n <= 5; n++) out.push(Number(await page.getByTestId(`legend-count-${n}`).innerText()));
  return out;
}

/** The `level` feature-state the map holds for each township code. */
function featureLevels(page: Page, codes: string[]): Promise<Record<string, unknown>> {
  return page.evaluate((codes) => {
    const { map } = (window as unknown as FiveColorWindow).__fiveColor;
    return Object.fromEntries(codes.map((code) => [code, map.getFeatureState({ source: 'townships', id: code }).level]));
  }, codes);
}

async function refreshLevels(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as FiveColorWindow).__fiveColorRefresh());
}


// ---- the suite ----------------------------------------------------------------------------------

const topo = readDist<Topology>('data/townships.topo.json');
const levelsJson = readDist<LevelsJson>('data/levels.json');
const townships = (
  feature(topo, topo.objects.townships as GeometryCollection<TownshipProps>) as unknown as { features: Feature<Polygon | MultiPolygon, TownshipProps>[] }
).features;
const topoCodes = townships.map((f) => f.properties.code).sort();
const latest = levelsJson.dates.length - 1;
const indexByCode = new Map(levelsJson.codes.map((code, t) => [code, levelsJson.index[latest][t]]));
const expectedByCode = new Map(topoCodes.map((code) => [code, expectedLevel(indexByCode.get(code))]));
const expectedCounts = [1, 2, 3, 4, 5].map((n) => [...expectedByCode.values()].filter((l) => l === n).length);

// Generous per-test limit: a 3840×2160 page through SwiftShader takes tens of seconds to draw.
describe(`the built app served under ${SUB_PATH}`, { timeout: LOAD_TIMEOUT }, () => {
  let wall: OpenPage;
  let tablet: OpenPage;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await serveStatic(DIST, SUB_PATH);
    browser = await launchChromium();
  }, LOAD_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the data under test is the expected Lishui set (sanity of the fixtures themselves)', () => {
    expect(topoCodes).toHaveLength(173);
    expect(new Set(topoCodes).size).toBe(173);
    // The latest day is the index engine's real output (red is rare and may be absent that day), so at
    // least four levels occur and each one that does must show up on the map; green is the most common.
    expect(expectedCounts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...expectedCounts)).toBe(expectedCounts[4]);
    expect(expectedCounts.reduce((a, b) => a + b, 0)).toBe(173);
  });

  it('draws the map at 3840×2160 with the color of every level present that day visible', async () => {
    wall = await openApp(server, 3840, 2160);
    await wall.page.screenshot({ path: `${OUT}/map-3840x2160.png` });
    // Only the map counts: the legend's swatches (and any other overlay) are painted over with the
    // background color, so a level color found here was drawn by the map itself.
    const canvas = wall.page.locator('canvas.maplibregl-canvas');
    const png = await canvas.screenshot({
      mask: [wall.page.locator('main > :not(:has(canvas.maplibregl-canvas))'), wall.page.locator('.maplibregl-ctrl')],
      maskColor: '#0b1220',
    });
    const appCounts = await wall.page.evaluate(() => [...(window as unknown as FiveColorWindow).__fiveColor.app.counts.byLevel]);
    const colors = LEVELS.map((l) => hexToRgb(l.color));
    const counted = await countColors(wall.page, png, colors, BACKGROUND);

    // Not blank: a good part of the canvas is township fill, not background. The city fits in what
    // the panels leave (about a third of a 4K canvas), and labels, borders and the incident density
    // cover part of it: level-colored pixels are ~8% of the whole canvas.
    expect(counted.background / counted.total).toBeLessThan(0.85);
    const filled = counted.perTarget.reduce((a, b) => a + b, 0);
    expect(filled / counted.total).toBeGreaterThan(0.05);
    // Each level present in the data is visible: at least 0.01 % of the canvas (≈ 830 px at 4K) —
    // the single level-1 township alone covers far more than that.
    const minimum = counted.total * 0.0001;
    appCounts.forEach((n, i) => {
      if (n > 0) expect(counted.perTarget[i], `pixels of level ${i + 1} (${LEVELS[i].color}); counts ${JSON.stringify(counted)}`).toBeGreaterThan(minimum);
    });
    expect(appCounts).toEqual(expectedCounts);
    // The greens outnumber the reds on screen, as in the data.
    expect(counted.perTarget[4]).toBeGreaterThan(counted.perTarget[0]);
  });

  it('has all 173 townships in the source, and legend + feature-states match levels.json', async () => {
    const { page } = wall;
    const sourceCodes = await page.evaluate(() => {
      const { map } = (window as unknown as FiveColorWindow).__fiveColor;
      return [...new Set(map.querySourceFeatures('townships').map((f) => String(f.properties.code)))].sort();
    });
    expect(sourceCodes).toHaveLength(173);
    expect(sourceCodes).toEqual(topoCodes);

    // Served from the sub-path: the data came from under it.
    expect(wall.requests).toContain(server.url('data/levels.json'));
    expect(await legendCounts(page)).toEqual(expectedCounts);
    const states = await featureLevels(page, topoCodes);
    for (const code of topoCodes) expect(states[code], `feature-state level of ${code}`).toBe(expectedByCode.get(code) ?? 0);
  });

  it('at 3840×2160 shows the township panel whole beside the Ranking tab, neither squeezing the other', async () => {
    const { page } = wall;
    // The explained panel is the tallest it gets: wait for the engine's breakdown.
    await page.waitForSelector('[data-index-status="ready"]', { timeout: LOAD_TIMEOUT });
    await page.getByTestId('tab-ranking').click();
    await page.locator('[data-testid="ranking"] button').first().click();
    await page.getByTestId('panel-domains').waitFor({ timeout: 30_000 });
    const sizes = await page.evaluate(() => {
      const box = (id: string): { height: number; scroll: number; left: number; right: number } => {
        const el = document.querySelector(`[data-testid="${id}"]`)!;
        const r = el.getBoundingClientRect();
        return { height: el.clientHeight, scroll: el.scrollHeight, left: r.left, right: r.right };
      };
      return { panel: box('township-panel'), ranking: box('ranking'), screen: window.innerHeight };
    });
    // The panel's whole content is on screen, no inner scrolling; the ranking keeps most of the height.
    expect(sizes.panel.scroll - sizes.panel.height, JSON.stringify(sizes)).toBeLessThanOrEqual(1);
    expect(sizes.panel.height).toBeGreaterThan(sizes.screen * 0.5);
    expect(sizes.ranking.height).toBeGreaterThan(sizes.screen * 0.6);
    // Side by side, not stacked.
    expect(sizes.panel.right).toBeLessThanOrEqual(sizes.ranking.left);
    await page.screenshot({ path: `${OUT}/map-3840x2160-ranking-panel.png` });
    await page.context().close();
  });

  it('at 1024×768, clicking a township opens its panel with its name, code and index; Escape closes it', async () => {
    tablet = await openApp(server, 1024, 768);
    const { page } = tablet;
    await page.screenshot({ path: `${OUT}/map-1024x768.png` });

    // The largest townships whose seat lies inside their own polygon, so a click there must hit them.
    const candidates = townships
      .filter((f) => booleanPointInPolygon(f.properties.seat, f))
      .sort((a, b) => area(b) - area(a))
      .slice(0, 10);
    let target: { township: TownshipProps; x: number; y: number } | undefined;
    for (const f of candidates) {
      const hit = await page.evaluate((seat) => {
        const { map } = (window as unknown as FiveColorWindow).__fiveColor;
        const p = map.project(seat);
        const el = document.elementFromPoint(p.x, p.y);
        return { x: p.x, y: p.y, onCanvas: el === map.getCanvas() };
      }, f.properties.seat);
      // Skip seats hidden under the legend, header or controls.
      if (hit.onCanvas) {
        target = { township: f.properties, ...hit };
        break;
      }
    }
    expect(target, 'a large township whose seat is visible on the canvas').toBeDefined();
    const { township, x, y } = target!;

    await page.mouse.click(x, y);
    const panel = page.getByTestId('township-panel');
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.getByTestId('panel-name').innerText()).toBe(township.name);
    expect(await page.getByTestId('panel-code').innerText()).toBe(township.code);
    const index = indexByCode.get(township.code);
    expect(index, `levels.json has a value for ${township.code}`).not.toBeUndefined();
    expect(await page.getByTestId('panel-index').innerText()).toBe(index === null ? '—' : String(index));
    const level = expectedByCode.get(township.code);
    expect((await page.getByTestId('panel-level').innerText()).trim()).toMatch(level ? new RegExp(`^${level}\\b`) : /No data/);
    // Wait for the selection outline to be drawn before the artifact screenshot.
    await page.evaluate(
      () =>
        new Promise((ok) => {
          const { map } = (window as unknown as FiveColorWindow).__fiveColor;
          map.once('idle', ok);
          map.triggerRepaint();
        }),
    );
    await page.screenshot({ path: `${OUT}/map-1024x768-panel.png` });

    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as FiveColorWindow).__fiveColor.app.view.selected)).toBeNull();
  });

  it('keeps the last good colors when levels.json is malformed, and says so naming the file', async () => {
    const { page } = tablet;
    const countsBefore = await legendCounts(page);
    const statesBefore = await featureLevels(page, topoCodes);
    expect(countsBefore).toEqual(expectedCounts);
    expect(await page.getByTestId('problems').count()).toBe(0);

    server.override('data/levels.json', '{"version":1,"dates":["2026-11-25"],"codes":[');
    try {
      await refreshLevels(page);
      const problems = page.getByTestId('problems');
      await problems.waitFor({ state: 'visible', timeout: 30_000 });
      expect(await problems.innerText()).toContain('levels.json');
      expect(await legendCounts(page)).toEqual(countsBefore);
      expect(await featureLevels(page, topoCodes)).toEqual(statesBefore);
    } finally {
      server.override('data/levels.json', undefined);
    }
  });

  it('rejects a levels.json with an unknown township code, naming the code, and keeps the colors', async () => {
    const { page } = tablet;
    const statesBefore = await featureLevels(page, topoCodes);
    const unknown = '331199999';
    expect(topoCodes).not.toContain(unknown);
    // Otherwise valid, and every known township's value changed: applying it would change colors.
    const bad: LevelsJson = {
      version: 1,
      dates: ['2030-01-01'],
      codes: [...levelsJson.codes, unknown],
      index: [[...levelsJson.codes.map(() => 10), 10]],
    };
    server.override('data/levels.json', JSON.stringify(bad));
    try {
      await refreshLevels(page);
      const problems = page.getByTestId('problems');
      await expect.poll(() => problems.innerText(), { timeout: 30_000 }).toContain(unknown);
      expect(await problems.innerText()).toContain('levels.json');
      expect(await legendCounts(page)).toEqual(expectedCounts);
      expect(await featureLevels(page, topoCodes)).toEqual(statesBefore);
    } finally {
      server.override('data/levels.json', undefined);
    }
  });

  it('clears the message about levels.json once the file loads again', async () => {
    const { page } = tablet;
    const problems = page.getByTestId('problems');
    expect(await problems.innerText()).toContain('levels.json');
    await refreshLevels(page);
    await problems.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await legendCounts(page)).toEqual(expectedCounts);
    await page.context().close();
  });

  it('also works served from the server root', async () => {
    const root = await serveStatic(DIST, '/');
    try {
      const { page, requests } = await openApp(root, 800, 600);
      expect(await legendCounts(page)).toEqual(expectedCounts);
      expect(await page.getByTestId('problems').count()).toBe(0);
      expect(requests.some((u) => u.startsWith(`${root.origin}/data/levels.json`))).toBe(true);
      await page.context().close();
    } finally {
      await root.close();
    }
  });

  it('logged no console error or page error, and made no request outside its own origin', () => {
    expect(opened).toHaveLength(3);
    const errors = opened.flatMap((o) => o.errors);
    expect(errors).toEqual([]);
    for (const o of opened) {
      expect(o.requests.length, 'requests were recorded').toBeGreaterThan(0);
      const foreign = o.requests.filter((u) => !u.startsWith(`${o.origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
      expect(foreign).toEqual([]);
    }
  });
});
