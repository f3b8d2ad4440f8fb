/**
 * npm run bench:recolor — time per date step in headless Chromium: the date changes, the map gets
 * one feature-state write per township, and the next frame is drawn. Lishui (the built-in data) and,
 * when `npm run data -- 33` has been run, Zhejiang (1,387 townships) side by side in one run.
 * Two figures per step: the script time (from the date change to the last feature-state write,
 * i.e. Svelte's effect plus one setFeatureState per township) and the time to the second animation
 * frame after it (the recolored frame is on screen). Baseline in the same run: two animation frames
 * with no change (what a frame costs on this machine anyway; SwiftShader makes it large here).
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
console.log(`medians of ${STEPS} steps, ms`);
console.log('set        townships   incidents layer   script   to frame   baseline 2 frames   frame / baseline');
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
            map: { setFeatureState(...args: unknown[]): void };
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
      const step: number[] = [];
      const script: number[] = [];
      for (let i = 0; i < steps; i++) {
        let t0 = performance.now();
        await frames();
        base.push(performance.now() - t0);
        t0 = performance.now();
        app.step(1);
        await frames();
        step.push(performance.now() - t0);
        script.push(lastWrite - t0);
      }
      return { base, step, script, townships: app.data.boundaries.byCode.size };
    }, { steps: STEPS, shown });
    const b = median(result.base);
    const s = median(result.step);
    const js = median(result.script);
    console.log(`${set.name.padEnd(10)} ${String(result.townships).padStart(9)}   ${(shown ? 'on' : 'off').padStart(15)}   ${js.toFixed(1).padStart(6)}   ${s.toFixed(1).padStart(8)}   ${b.toFixed(1).padStart(17)}   ${(s / b).toFixed(2).padStart(16)}`);
  }
  await page.close();
}
await browser.close();
await server.close();
