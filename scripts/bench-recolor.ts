/**
 * npm run bench:recolor — time per date step in headless Chromium: the date changes, the map gets
 * one feature-state write per township, and the next frame is drawn. Lishui (the built-in data) and,
 * when `npm run data -- 33` has been run, Zhejiang (1,387 townships) side by side in one run.
 * Two figures per step: the script time (from the date change to the last feature-state write,
 * i.e. Svelte's effect plus one setFeatureState per township) and the time to the second animation
 * frame after it (the recolored frame is on screen). Baseline in the same run: two animation frames
 * with no change (what a frame costs on this machine anyway; SwiftShader makes it large here).
 *
 * A third figure per step: two frames in which the map redraws unchanged (triggerRepaint). Software
 * WebGL spends ~200 ms drawing a 1920×1080 frame however little changed, so "frame / redraw" is the
 * ratio to an idle frame of a live map (a wall always has one moving); "frame / baseline" also
 * counts that one redraw, which no change at all does not need.
 *
 * Then a tour step, as the wall runs it: the tour flies to a county (incidents on) and every frame
 * of the flight is timed (requestAnimationFrame to requestAnimationFrame), against the same count of
 * idle frames redrawn unchanged right after — the median and the 90th percentile, as ratios.
 * All at 1920×1080; ratios, not milliseconds, are what compares across machines.
 */
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../test/browser/chromium.ts';
import { serveStatic } from '../test/browser/static-server.ts';

const STEPS = 30;
const root = mkdtempSync(join(tmpdir(), 'recolor-'));
cpSync('dist', root, { recursive: true });
const sets = [{ name: 'Lishui', query: '' }];
if (existsSync('build/regions/33/manifest.json')) {
  cpSync('build/regions/33', join(root, 'regions/33'), { recursive: true });
  sets.push({ name: 'Zhejiang', query: '?data=regions/33/manifest.json' });
}
const server = await serveStatic(root, '/');
const browser = await launchChromium();
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const tourRows: string[] = [];
console.log(`date steps: medians of ${STEPS} steps, ms`);
console.log('set        townships   incidents layer   script   to frame   baseline 2 frames   frame / baseline   redraw 2 frames   frame / redraw');
for (const set of sets) {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  // tsx compiles with esbuild's keepNames, which wraps the functions passed to evaluate in a helper
  // the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(server.url(set.query));
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 240_000 });
  // Everything that loads after the first frame (incidents join, overlays, the engine) is done, so
  // the steps time the recolor alone.
  await page.waitForSelector('[data-index-status="ready"], [data-index-status="error"]', { timeout: 600_000 });
  for (const shown of [true, false]) {
    const result = await page.evaluate(async ({ steps, shown }) => {
      const { app, map, incidents } = (
        window as unknown as {
          __fiveColor: {
            app: { step(n: number): void; data: { levels: { dates: string[] }; boundaries: { byCode: Map<string, unknown> } }; view: { date: string } };
            map: { setFeatureState(...args: unknown[]): void; triggerRepaint(): void };
            incidents: { shown: boolean };
          };
        }
      ).__fiveColor;
      incidents.shown = shown;
      let lastWrite = 0;
      const write = map.setFeatureState.bind(map);
      map.setFeatureState = (...args: unknown[]) => {
        write(...args);
        lastWrite = performance.now();
      };
      const frames = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      app.view.date = app.data.levels.dates[0];
      await frames();
      const base: number[] = [];
      const redraw: number[] = [];
      const step: number[] = [];
      const script: number[] = [];
      for (let i = 0; i < steps; i++) {
        let t0 = performance.now();
        await frames();
        base.push(performance.now() - t0);
        // The same two frames with the map redrawn unchanged: what any frame of a live map costs.
        t0 = performance.now();
        map.triggerRepaint();
        await frames();
        redraw.push(performance.now() - t0);
        t0 = performance.now();
        app.step(1);
        await frames();
        step.push(performance.now() - t0);
        script.push(lastWrite - t0);
      }
      return { base, redraw, step, script, townships: app.data.boundaries.byCode.size };
    }, { steps: STEPS, shown });
    const b = median(result.base);
    const r = median(result.redraw);
    const s = median(result.step);
    const js = median(result.script);
    console.log(`${set.name.padEnd(10)} ${String(result.townships).padStart(9)}   ${(shown ? 'on' : 'off').padStart(15)}   ${js.toFixed(1).padStart(6)}   ${s.toFixed(1).padStart(8)}   ${b.toFixed(1).padStart(17)}   ${(s / b).toFixed(2).padStart(16)}   ${r.toFixed(1).padStart(15)}   ${(s / r).toFixed(2).padStart(14)}`);
  }
  const tour = await page.evaluate(async () => {
    type Step = { kind: string; code?: string };
    const { app, map, incidents } = (
      window as unknown as {
        __fiveColor: {
          app: { tour: { start(): void; stop(): void; next(): void; step: Step | null } };
          map: { once(e: string, f: () => void): void; isMoving(): boolean; triggerRepaint(): void };
          incidents: { shown: boolean };
        };
      }
    ).__fiveColor;
    incidents.shown = true;
    const raf = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
    const settled = (): Promise<void> => new Promise((r) => (map.isMoving() ? map.once('moveend', () => r()) : r()));
    // Up to the first county (the city and any layer steps before it), each flight finished.
    app.tour.start();
    await settled();
    while (app.tour.step?.kind !== 'county') {
      app.tour.next();
      await raf();
      await settled();
    }
    // The flight to the next county, frame by frame, until it ends.
    app.tour.next();
    const flight: number[] = [];
    let moving = true;
    map.once('moveend', () => (moving = false));
    let last = await raf();
    while (moving) {
      const t = await raf();
      flight.push(t - last);
      last = t;
    }
    app.tour.stop();
    // Settle the tiles of the new view, then time as many frames redrawn unchanged.
    await new Promise<void>((r) => map.once('idle', () => r()));
    const idle: number[] = [];
    last = await raf();
    for (let i = 0; i < flight.length; i++) {
      map.triggerRepaint();
      const t = await raf();
      idle.push(t - last);
      last = t;
    }
    return { flight, idle };
  });
  const fm = median(tour.flight);
  const im = median(tour.idle);
  const f90 = quantile(tour.flight, 0.9);
  const i90 = quantile(tour.idle, 0.9);
  tourRows.push(
    `${set.name.padEnd(10)} ${String(tour.flight.length).padStart(6)}   ${im.toFixed(1).padStart(11)}   ${fm.toFixed(1).padStart(13)}   ${(fm / im).toFixed(2).padStart(12)}   ${i90.toFixed(1).padStart(9)}   ${f90.toFixed(1).padStart(11)}   ${(f90 / i90).toFixed(2).padStart(10)}`,
  );
  await page.close();
}
console.log('');
console.log('tour step (fly to a county, incidents on) against idle frames redrawn unchanged: requestAnimationFrame to the next, ms');
console.log('set        frames   idle median   flight median   median ratio   idle p90   flight p90   p90 ratio');
for (const row of tourRows) console.log(row);
await browser.close();
await server.close();
