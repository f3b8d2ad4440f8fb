/**
 * Runs for weeks: hundreds of accelerated refresh + tour + date cycles on the wall screen, incidents
 * shown, in one page; then the JS heap after forced GC may grow only by a small bound, and the DOM
 * nodes and JS event listeners (Chromium's own DOM counters) must be exactly what they were. Every
 * cycle forces a real levels.json reload (a new LevelsFile, every derived value and feature-state
 * recomputed) and moves the tour on a step (a fly-to, a layer switched, a township picked); every
 * CYCLES/5th reloads every file (the re-join, the overlay shares, the engine). Chromium runs with
 * `--expose-gc` and precise memory. GPU resources are not counted: the browser exposes no counter.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { DIST, TIMEOUT } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const CYCLES = Number(process.env.SOAK_CYCLES ?? 500);
const FULL_EVERY = 100;
/**
 * Heap growth allowed over the run, after GC: 3 MB, 6 kB a cycle. Runs here measure +1.3 to +1.7 MB
 * (2.6–3.4 kB a cycle) for 500 cycles — not yet told apart from heap noise. A leak of what a cycle
 * makes (a parsed levels.json alone is ~100 kB) would be tens of MB and fail at once.
 */
const HEAP_BOUND_BYTES = 3 * 1024 * 1024;
/** One-shot listeners in flight when a sample is taken (a flight's pending moveend, an idle) come and go: ±2 seen. */
const LISTENER_SLACK = 4;

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  server = await serveStatic(DIST, '/soak/');
  browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
}, TIMEOUT);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Sample {
  heap: number;
  nodes: number;
  listeners: number;
}

describe('soak', () => {
  it(
    `${CYCLES} refresh + tour + date cycles on the wall: heap after GC grows < ${HEAP_BOUND_BYTES / 1024 / 1024} MB, DOM nodes constant, listeners not growing`,
    async () => {
      const page = await browser.newPage({ viewport: { width: 960, height: 540 } });
      const cdp = await page.context().newCDPSession(page);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url('?mode=wall'));
      await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });

      const run = (cycles: number, fullEvery: number): Promise<{ refresh: number; full: number; frame: number }> =>
        page.evaluate(
          async ({ cycles, fullEvery }) => {
            const w = window as unknown as {
              __fiveColorRefresh: (force?: 'levels' | 'all') => Promise<void>;
              __fiveColor: { app: { step(days: number): void; tour: { running: boolean; next(): void } } };
            };
            const frame = (): Promise<void> => new Promise((ok) => requestAnimationFrame(() => ok()));
            const t = { refresh: 0, full: 0, frame: 0 };
            for (let i = 0; i < cycles; i++) {
              const full = fullEvery > 0 && i % fullEvery === fullEvery - 1;
              let t0 = performance.now();
              await w.__fiveColorRefresh(full ? 'all' : 'levels');
              t[full ? 'full' : 'refresh'] += performance.now() - t0;
              t0 = performance.now();
              // Back and forth over the last days; an even number of steps ends where it began.
              w.__fiveColor.app.step(i % 2 === 0 ? -1 : 1);
              w.__fiveColor.app.tour.next();
              await frame();
              t.frame += performance.now() - t0;
            }
            return t;
          },
          { cycles, fullEvery },
        );
      const sample = async (): Promise<Sample> => {
        const heap = await page.evaluate(async () => {
          // What the last cycle set off after its poll (the density image of the new window, made in
          // the worker; the layers' redraw) finishes first: work in flight is not a leak.
          await new Promise((ok) => setTimeout(ok, 1000));
          const g = (globalThis as unknown as { gc: () => void }).gc;
          for (let i = 0; i < 3; i++) {
            g();
            await new Promise((ok) => setTimeout(ok, 50));
          }
          return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
        });
        const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
        return { heap, nodes: counters.nodes, listeners: counters.jsEventListeners };
      };

      expect(await page.evaluate(() => (window as unknown as { __fiveColor: { app: { tour: { running: boolean } } } }).__fiveColor.app.tour.running)).toBe(true);
      // Warm-up: caches, lazily created layers, a whole tour cycle and the first full reload settle before the baseline.
      await run(40, 20);
      const before = await sample();
      const started = Date.now();
      const phases = await run(CYCLES, FULL_EVERY);
      console.log(`soak phases (ms): ${JSON.stringify(Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, Math.round(v)])))}`);
      const seconds = (Date.now() - started) / 1000;
      const after = await sample();
      const grew = after.heap - before.heap;
      console.log(
        `soak: ${CYCLES} cycles in ${seconds.toFixed(1)} s; heap ${(before.heap / 1e6).toFixed(2)} → ${(after.heap / 1e6).toFixed(2)} MB ` +
          `(${grew >= 0 ? '+' : ''}${(grew / 1024).toFixed(0)} kB); DOM nodes ${before.nodes} → ${after.nodes}; listeners ${before.listeners} → ${after.listeners}`,
      );
      expect(errors).toEqual([]);
      expect(after.nodes).toBe(before.nodes);
      // No growth: a few one-shot listeners come and go, none may pile up over the cycles.
      expect(after.listeners).toBeLessThanOrEqual(before.listeners + LISTENER_SLACK);
      expect(grew).toBeLessThan(HEAP_BOUND_BYTES);
      await page.close();
    },
    TIMEOUT,
  );
});
