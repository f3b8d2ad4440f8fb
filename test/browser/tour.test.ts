/**
 * The unattended tour in the real app, on the desk layout (`?tour=1`; the wall starts the same
 * controller): it moves the map from step to step by itself, a township step selects the township
 * so its panel shows, a click or a key pauses it, and it goes on by itself after the idle time.
 * Holds are shortened through the state (the config's minimum is 3 s), so the test waits seconds,
 * and nothing here times how fast anything is. Run `vite build` first (npm test does).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TIMEOUT, useBrowser } from './harness.ts';

interface TourView {
  running: boolean;
  paused: boolean;
  stepIndex: number;
  shown: number;
  kind: string | null;
  code: string | null;
  moving: boolean;
  center: [number, number];
  zoom: number;
  selected: string | null;
}

const HOLD = 3;
const IDLE = 5;

function tourView(page: Page): Promise<TourView> {
  return page.evaluate(() => {
    const { app, map } = (
      window as unknown as {
        __fiveColor: {
          app: { tour: { running: boolean; paused: boolean; stepIndex: number; shown: number; step: { kind: string; code?: string } | null }; view: { selected: string | null } };
          map: { isMoving(): boolean; getCenter(): { lng: number; lat: number }; getZoom(): number };
        };
      }
    ).__fiveColor;
    const { tour } = app;
    const c = map.getCenter();
    return {
      running: tour.running,
      paused: tour.paused,
      stepIndex: tour.stepIndex,
      shown: tour.shown,
      kind: tour.step?.kind ?? null,
      code: tour.step?.code ?? null,
      moving: map.isMoving(),
      center: [c.lng, c.lat] as [number, number],
      zoom: map.getZoom(),
      selected: app.view.selected,
    };
  });
}

/** Waits until the tour has shown `n` steps and the map has finished flying to the last. */
async function settledAfter(page: Page, n: number): Promise<TourView> {
  await expect.poll(async () => {
    const v = await tourView(page);
    return v.shown >= n && !v.moving;
  }, { timeout: 60_000, interval: 200 }).toBe(true);
  return tourView(page);
}

const ctx = useBrowser('/tour/');

describe('the tour', () => {
  it(
    'moves the map by itself, shows the worst townships, pauses on input and resumes when idle',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(ctx.server.url('?tour=1'));
      await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-index-status="ready"], [data-index-status="error"]', { timeout: TIMEOUT });
      let v = await tourView(page);
      expect(v.running, 'started by ?tour=1').toBe(true);
      expect(new URL(page.url()).searchParams.get('tour')).toBe('1');

      // Short holds, and a cycle of the city, two counties' worth of steps and one township.
      await page.evaluate(({ hold, idle }) => {
        const { app } = (window as unknown as { __fiveColor: { app: { deployment: { tour: object }; tour: { stop(): void; start(): void } } } }).__fiveColor;
        app.deployment = { ...app.deployment, tour: { ...app.deployment.tour, holdSeconds: hold, resumeAfterIdleSeconds: idle, worstTownships: 1, layers: ['zones'] } };
        app.tour.stop();
        app.tour.start();
      }, { hold: HOLD, idle: IDLE });

      // The city, then the layer over it, then the first county: each a different view, by itself.
      const city = await settledAfter(page, 1);
      expect(city.kind).toBe('city');
      const layer = await settledAfter(page, 2);
      expect(layer.kind).toBe('layer');
      expect(await page.isChecked('[data-testid="layer-zones"]'), 'the layer step switches its layer on').toBe(true);
      const county = await settledAfter(page, 3);
      expect(county.kind).toBe('county');
      expect(await page.isChecked('[data-testid="layer-zones"]'), 'and off again after').toBe(false);
      expect(county.zoom, 'a county is closer than the city').toBeGreaterThan(city.zoom + 0.3);
      const next = await settledAfter(page, 4);
      expect(next.kind).toBe('county');
      expect(Math.hypot(next.center[0] - county.center[0], next.center[1] - county.center[1]), 'the next county is elsewhere').toBeGreaterThan(0.05);

      // A click on the map pauses it: no step for longer than a hold.
      await page.mouse.click(640, 400);
      v = await tourView(page);
      expect(v.paused).toBe(true);
      const held = v.shown;
      await page.waitForTimeout((HOLD + 1) * 1000);
      expect((await tourView(page)).shown, 'paused: no step while someone is there').toBe(held);
      // A key keeps it paused (the idle wait starts again), then it resumes by itself.
      await page.keyboard.press('Shift');
      expect((await tourView(page)).paused).toBe(true);
      const resumed = await settledAfter(page, held + 1);
      expect(resumed.paused).toBe(false);
      expect(resumed.running).toBe(true);

      // Jump to the township step: it is selected, so its panel shows.
      await page.evaluate(() => {
        const { tour } = (window as unknown as { __fiveColor: { app: { tour: { next(): void; steps: { kind: string }[]; stepIndex: number } } } }).__fiveColor.app;
        while (tour.steps[tour.stepIndex]?.kind !== 'township') tour.next();
      });
      v = await tourView(page);
      expect(v.kind).toBe('township');
      expect(v.selected).toBe(v.code);
      await page.waitForSelector('[data-testid="panel-name"]');

      // stop() ends it: nothing pending, the link no longer asks for it.
      await page.evaluate(() => (window as unknown as { __fiveColor: { app: { tour: { stop(): void } } } }).__fiveColor.app.tour.stop());
      v = await tourView(page);
      expect(v.running).toBe(false);
      expect(v.stepIndex).toBe(-1);
      await expect.poll(() => new URL(page.url()).searchParams.get('tour')).toBe(null);
      const stopped = v.shown;
      await page.waitForTimeout((HOLD + 1) * 1000);
      expect((await tourView(page)).shown, 'no step after stop').toBe(stopped);
      expect(errors).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );
});
