/**
 * npm run bench:import — the import path in headless Chromium at 1920×1080 (WebGL through
 * SwiftShader: absolute times are this machine's). Two files, each dropped onto the running app
 * through the same drop handler a user's drag reaches:
 * - a 500,000-row incidents CSV: the time to the dialog (read + detect + parse in the worker), the
 *   time from Replace to the joined counts, and the main thread's long tasks
 *   (PerformanceObserver 'longtask'; aim: none over 50 ms) and its longest frame gap;
 * - a 100,000-polygon boundaries GeoJSON: parse (worker: rules, TopoJSON, meshes) and the apply
 *   (main thread gets the parsed boundaries, the map takes the new source, the worker builds the
 *   point-in-polygon index and re-joins), with the same responsiveness figures.
 * Reported, not asserted.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { INCIDENT_TYPES } from '../src/core/incidents/incident-types.ts';
import { createRandom } from '../src/core/random.ts';
import { launchChromium } from '../test/browser/chromium.ts';
import { serveStatic } from '../test/browser/static-server.ts';

if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run `vite build` first (npm run bench:import does)');

function incidentsCsv(n: number): string {
  const random = createRandom('bench-import');
  const lines = ['lon,lat,type,time'];
  for (let i = 0; i < n; i++) {
    const day = 25 + Math.floor(random() * 30);
    const date = new Date(Date.UTC(2026, 9, day, Math.floor(random() * 24), 0, 0)).toISOString().replace('.000Z', '+00:00');
    lines.push(`${(118.7 + random() * 1.8).toFixed(5)},${(27.4 + random() * 1.55).toFixed(5)},${INCIDENT_TYPES[Math.floor(random() * INCIDENT_TYPES.length)]},${date}`);
  }
  return lines.join('\n') + '\n';
}

/** A side × side grid of square townships over Lishui's box, with 9-digit codes. */
function gridBoundaries(side: number): string {
  const [w, s, e, n] = [118.7, 27.4, 120.5, 28.95];
  // Each corner computed once from its grid index, so neighbours share their vertices exactly, as a
  // GIS tool's file does (x + dx would differ in the last bit and leave no shared border).
  const x = (i: number): number => w + ((e - w) * i) / side;
  const y = (j: number): number => s + ((n - s) * j) / side;
  const features = [];
  for (let j = 0; j < side; j++) {
    for (let i = 0; i < side; i++) {
      const k = j * side + i;
      const county = 331100 + Math.floor(k / 20_000);
      features.push({
        type: 'Feature',
        properties: { code: '', name: `镇${k}`, countyCode: String(county), countyName: `县${county}` },
        geometry: { type: 'Polygon', coordinates: [[[x(i), y(j)], [x(i + 1), y(j)], [x(i + 1), y(j + 1)], [x(i), y(j + 1)], [x(i), y(j)]]] },
      });
    }
  }
  // 9-digit codes, unique per square.
  features.forEach((f, k) => (f.properties.code = String(100_000_000 + k)));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

async function measure(page: Page, path: string, name: string, waitApplied: string): Promise<Record<string, number>> {
  return page.evaluate(
    async ({ path, name, waitApplied }) => {
      const w = window as unknown as { __fiveColor: { app: { imports: { phase: string; applied: { file: string } | null } }; incidents: { joined: { count: number } | null } } };
      const blob = await (await fetch(path)).blob();
      const file = new File([blob], name);
      const tasks: number[] = [];
      const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => tasks.push(e.duration)));
      observer.observe({ type: 'longtask' });
      let maxGap = 0;
      let last = performance.now();
      let running = true;
      const frame = (): void => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
        if (running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
      const until = async (ok: () => boolean): Promise<void> => {
        while (!ok()) await new Promise((r) => setTimeout(r, 20));
      };
      const t0 = performance.now();
      const dt = new DataTransfer();
      dt.items.add(file);
      document.querySelector('.maplibregl-canvas')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      await until(() => w.__fiveColor.app.imports.phase === 'inspected');
      const t1 = performance.now();
      (document.querySelector('[data-testid="import-confirm"]') as HTMLButtonElement).click();
      await until(() => w.__fiveColor.app.imports.applied?.file === name);
      if (waitApplied === 'incidents') await until(() => document.querySelector('[data-testid="incidents-control"]')?.getAttribute('data-status') === 'ready');
      const t2 = performance.now();
      await new Promise((r) => setTimeout(r, 500));
      running = false;
      observer.disconnect();
      return { inspectMs: t1 - t0, applyMs: t2 - t1, longTasks: tasks.length, longestTaskMs: Math.max(0, ...tasks), over50: tasks.filter((d) => d > 50).length, maxFrameGapMs: maxGap };
    },
    { path, name, waitApplied },
  );
}

const server = await serveStatic('dist', '/bench/');
const browser = await launchChromium();
try {
  const rows = 500_000;
  server.override('data/bench-incidents.csv', incidentsCsv(rows));
  server.override('data/bench-grid.geojson', gridBoundaries(Number(process.env.BENCH_SIDE ?? 317)));
  for (const [label, path, name, wait] of [
    [`${rows.toLocaleString('en')}-row incidents CSV`, 'data/bench-incidents.csv', 'bench-incidents.csv', 'incidents'],
    ['boundaries grid GeoJSON', 'data/bench-grid.geojson', 'bench-grid.geojson', 'boundaries'],
  ] as const) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // tsx keeps function names with a __name helper the page does not have.
    await page.addInitScript('window.__name = (f) => f');
    await page.goto(server.url());
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 240_000 });
    await page.waitForSelector('[data-testid="incidents-control"][data-status="ready"]', { timeout: 240_000 });
    const r = await measure(page, path, name, wait);
    const polygons = label.startsWith('boundaries') ? ` (${(Number(process.env.BENCH_SIDE ?? 317) ** 2).toLocaleString('en')} polygons)` : '';
    console.log(
      `${label}${polygons}: to the dialog ${Math.round(r.inspectMs!)} ms, replace → applied ${Math.round(r.applyMs!)} ms; ` +
        `long tasks ${r.longTasks} (over 50 ms: ${r.over50}), longest ${Math.round(r.longestTaskMs!)} ms, longest frame gap ${Math.round(r.maxFrameGapMs!)} ms`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
