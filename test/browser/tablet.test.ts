/**
 * The touch layout in real Chromium with touch emulation (`hasTouch`, `isMobile`), at the three
 * tablet sizes of the issue: chosen by itself for a touch screen (no ?mode), a finger's tap selects
 * a township, the sheet (portrait) or drawer (landscape) opens, moves and closes, every visible
 * control is at least 44×44, nothing overflows the screen, the map keeps at least 60% of it, and
 * the search box selects a township by name and by code from the keyboard. Screenshots go to
 * test-results/ (tablet-*.png). SwiftShader is slow: one page per size, several checks per page.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { TIMEOUT, useBrowser } from './harness.ts';

const OUT = 'test-results';
const READY = '[data-map-ready="true"]';
const handles = useBrowser('/');
const pages: Page[] = [];
afterAll(async () => {
  for (const p of pages) await p.context().close();
});

interface TestWindow {
  __fiveColor: {
    map: import('maplibre-gl').Map;
    app: {
      view: { selected: string | null; mode: string };
      insets: { padding: { top: number; right: number; bottom: number; left: number } };
      overlays: { toggles: Record<string, { on: boolean }> };
      data: { boundaries: { byCode: Map<string, { code: string; name: string; seat: [number, number] }> } };
    };
  };
}

async function openTablet(width: number, height: number): Promise<Page> {
  const context = await handles.browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  pages.push(page);
  // No ?mode: a touch screen of this size gets the touch layout by itself.
  await page.goto(handles.server.url());
  await page.waitForSelector(READY, { timeout: TIMEOUT });
  // The camera eases to fit the panels' room; let it settle before projecting seats.
  await page.waitForFunction(() => !(window as unknown as TestWindow).__fiveColor.map.isMoving(), undefined, { timeout: 30_000 });
  return page;
}

/** Controls on screen that are smaller than a finger (hidden, transparent or off-screen ones aside). */
function smallControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary, [role="tab"], [role="option"]')]
      .filter((el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !el.closest('[inert]'))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth)
      .filter(({ r }) => r.width < 44 - 0.01 || r.height < 44 - 0.01)
      .map(({ el, r }) => `${el.tagName.toLowerCase()}${el.getAttribute('type') ? `[${el.getAttribute('type')}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
}

function overflow(page: Page): Promise<{ w: number; h: number; sw: number; sh: number }> {
  return page.evaluate(() => {
    const s = document.scrollingElement!;
    return { w: innerWidth, h: innerHeight, sw: s.scrollWidth, sh: s.scrollHeight };
  });
}

/** A township whose seat is on the open map (the canvas is the element there) and inside its own fill. */
async function visibleTownship(page: Page): Promise<{ code: string; name: string; x: number; y: number }> {
  const found = await page.evaluate(() => {
    const { map, app } = (window as unknown as TestWindow).__fiveColor;
    for (const t of app.data.boundaries.byCode.values()) {
      const p = map.project(t.seat);
      if (document.elementFromPoint(p.x, p.y) !== map.getCanvas()) continue;
      // Clear of borders by a finger's width, so the tap means this township alone.
      const ring = [-14, 0, 14].flatMap((dx) => [-14, 0, 14].map((dy) => map.queryRenderedFeatures([p.x + dx, p.y + dy], { layers: ['township-fill'] })[0]?.properties.code));
      if (ring.every((c) => c === t.code)) return { code: t.code, name: t.name, x: p.x, y: p.y };
    }
    return null;
  });
  expect(found, 'a township whose seat is on the visible map').not.toBeNull();
  return found!;
}

const selected = (page: Page): Promise<string | null> => page.evaluate(() => (window as unknown as TestWindow).__fiveColor.app.view.selected);

/** A finger drag through CDP touch events (Chromium turns them into pointer events, as on a tablet). */
async function touchDrag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, steps = 10): Promise<void> {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= steps; i++) {
    const k = i / steps;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: from.x + (to.x - from.x) * k, y: from.y + (to.y - from.y) * k }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function center(page: Page, testId: string): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId(testId).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const sheetPosition = (page: Page): Promise<string | null> => page.getByTestId('bottom-sheet').getAttribute('data-position');

/** The layers card opens in one tap and its switches take a tap; every control there is finger-sized too. */
async function layersInOneTap(page: Page): Promise<void> {
  await page.getByTestId('open-layers').tap();
  await page.getByTestId('layers-card').waitFor({ state: 'visible' });
  const zones = page.getByTestId('layer-zones');
  await expect.poll(() => zones.isEnabled(), { timeout: 60_000 }).toBe(true);
  await zones.tap();
  expect(await page.evaluate(() => (window as unknown as TestWindow).__fiveColor.app.overlays.toggles.zones.on)).toBe(true);
  expect(await smallControls(page)).toEqual([]);
  await zones.tap();
  await page.getByTestId('open-legend').tap();
  await page.getByTestId('legend-card').waitFor({ state: 'visible' });
  expect(await page.getByTestId('layers-card').isHidden()).toBe(true);
  await page.getByTestId('open-legend').tap();
}

describe('tablet layout', () => {
  it('portrait 768×1024: a bottom sheet over a usable map — tap, half, full, close; 44-px targets; search by name and code', async () => {
    const page = await openTablet(768, 1024);
    expect(await page.locator('main').getAttribute('data-orientation')).toBe('portrait');
    expect(await sheetPosition(page)).toBe('peek');
    await page.screenshot({ path: `${OUT}/tablet-768x1024-peek.png` });

    // At peek the sheet leaves the map at least 60% of the screen, and the map pads itself clear of it.
    const sheetTop = (await page.getByTestId('bottom-sheet').boundingBox())!.y;
    expect(sheetTop / 1024).toBeGreaterThanOrEqual(0.6);
    const padding = await page.evaluate(() => (window as unknown as TestWindow).__fiveColor.app.insets.padding);
    expect(Math.abs(padding.bottom - (1024 - sheetTop))).toBeLessThanOrEqual(2);
    expect(await smallControls(page)).toEqual([]);
    const o = await overflow(page);
    expect(o.sw).toBeLessThanOrEqual(o.w);
    expect(o.sh).toBeLessThanOrEqual(o.h);

    await layersInOneTap(page);

    // A finger's tap selects the township under it; the sheet rises to half with its panel.
    const target = await visibleTownship(page);
    await page.touchscreen.tap(target.x, target.y);
    await expect.poll(() => selected(page), { timeout: 10_000 }).toBe(target.code);
    await expect.poll(() => sheetPosition(page)).toBe('half');
    expect(await page.getByTestId('sheet-summary').innerText()).toContain(target.name);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${OUT}/tablet-768x1024-half.png` });
    expect(await page.getByTestId('sheet-body').evaluate((el) => getComputedStyle(el).overflowY)).toBe('hidden');

    // Dragged up by the handle: full, and only now the content scrolls.
    const cdp = await page.context().newCDPSession(page);
    const handle = await center(page, 'sheet-handle');
    await touchDrag(cdp, handle, { x: handle.x, y: 60 });
    await expect.poll(() => sheetPosition(page)).toBe('full');
    const body = page.getByTestId('sheet-body');
    expect(await body.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${OUT}/tablet-768x1024-full.png` });
    // With the inputs table open the panel outgrows the screen, and the body scrolls to it.
    await body.locator('button[aria-expanded="false"]').first().tap();
    await page.getByTestId('panel-inputs').waitFor();
    const room = await body.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    expect(room.scroll, `the panel (${room.scroll} px) is taller than the sheet's body (${room.client} px)`).toBeGreaterThan(room.client);
    await body.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    expect(await body.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
    expect(await smallControls(page)).toEqual([]);
    await body.evaluate((el) => el.scrollTo(0, 0));

    // Down to half, then a tap on the handle steps up; dragged below peek, the panel closes.
    const top = await center(page, 'sheet-handle');
    await touchDrag(cdp, top, { x: top.x, y: 512 });
    await expect.poll(() => sheetPosition(page)).toBe('half');
    await page.waitForTimeout(300);
    await page.getByTestId('sheet-handle').tap();
    await expect.poll(() => sheetPosition(page)).toBe('full');
    await page.waitForTimeout(300);
    const again = await center(page, 'sheet-handle');
    await touchDrag(cdp, again, { x: again.x, y: 1020 });
    await expect.poll(() => selected(page)).toBe(null);
    expect(await sheetPosition(page)).toBe('peek');
    expect(await page.getByTestId('sheet-summary').innerText()).not.toContain(target.name);

    // The keyboard: the search box finds a township by name, then by code; Enter selects it.
    const input = page.getByTestId('township-search-input');
    await input.focus();
    await page.keyboard.type(target.name);
    await expect.poll(() => page.getByTestId('township-search-list').locator('[role="option"]').first().getAttribute('data-code')).toBe(target.code);
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    await expect.poll(() => selected(page)).toBe(target.code);
    await page.getByTestId('sheet-close').tap();
    await expect.poll(() => selected(page)).toBe(null);

    const other = await page.evaluate((skip) => [...(window as unknown as TestWindow).__fiveColor.app.data.boundaries.byCode.values()].find((t) => t.code !== skip)!, target.code);
    await input.focus();
    await page.keyboard.type(other.code);
    await expect.poll(() => input.getAttribute('aria-activedescendant')).toMatch(new RegExp(`${other.code}$`));
    await page.keyboard.press('Enter');
    await expect.poll(() => selected(page)).toBe(other.code);
    expect(await input.inputValue()).toBe('');
  }, TIMEOUT);

  for (const [width, height] of [
    [1024, 768],
    [1366, 1024],
  ] as const) {
    it(`landscape ${width}×${height}: a side drawer leaving at least 60% of the map — tap opens it, it hides and comes back; 44-px targets`, async () => {
      const page = await openTablet(width, height);
      expect(await page.locator('main').getAttribute('data-orientation')).toBe('landscape');
      const drawer = page.getByTestId('side-drawer');
      expect(await drawer.getAttribute('data-open')).toBe('true');
      const left = (await drawer.boundingBox())!.x;
      expect(left / width).toBeGreaterThanOrEqual(0.6);
      expect(await smallControls(page)).toEqual([]);
      const o = await overflow(page);
      expect(o.sw).toBeLessThanOrEqual(o.w);
      expect(o.sh).toBeLessThanOrEqual(o.h);
      await page.screenshot({ path: `${OUT}/tablet-${width}x${height}.png` });

      await layersInOneTap(page);

      // Hidden, the drawer gives the map the whole width; a tap on a township brings it back with the panel.
      await page.getByTestId('drawer-hide').tap();
      await expect.poll(() => drawer.getAttribute('data-open')).toBe('false');
      await expect.poll(() => page.evaluate(() => (window as unknown as TestWindow).__fiveColor.app.insets.padding.right)).toBe(0);
      await page.waitForFunction(() => !(window as unknown as TestWindow).__fiveColor.map.isMoving(), undefined, { timeout: 30_000 });
      expect(await smallControls(page)).toEqual([]);
      const target = await visibleTownship(page);
      await page.touchscreen.tap(target.x, target.y);
      await expect.poll(() => selected(page), { timeout: 10_000 }).toBe(target.code);
      await expect.poll(() => drawer.getAttribute('data-open')).toBe('true');
      expect(await page.getByTestId('panel-name').innerText()).toBe(target.name);
      await page.waitForTimeout(400);
      await page.waitForFunction(() => !(window as unknown as TestWindow).__fiveColor.map.isMoving(), undefined, { timeout: 30_000 });
      // The map pads itself clear of the drawer again (the city is fitted into the rest).
      const pads = await page.evaluate(() => { const { map, app } = (window as unknown as TestWindow).__fiveColor; return { want: app.insets.padding, got: map.getPadding() }; });
      expect(pads.got).toEqual(pads.want);
      await page.screenshot({ path: `${OUT}/tablet-${width}x${height}-township.png` });
      expect(await smallControls(page)).toEqual([]);

      await page.getByTestId('sheet-close').tap();
      await expect.poll(() => selected(page)).toBe(null);
      await page.getByTestId('drawer-hide').tap();
      await page.getByTestId('drawer-show').tap();
      await expect.poll(() => drawer.getAttribute('data-open')).toBe('true');
    }, TIMEOUT);
  }
});
