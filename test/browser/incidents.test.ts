/**
 * The incident join in the real app: the built-in history and a 1,000,000-point file go through the
 * worker, and what the app holds and shows equals the same join computed here in Node; a bad file
 * names itself and leaves the last good counts; deck.gl stays out of the first-paint bundle.
 * Run `vite build` first (npm test does).
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { DIST, distFile, TIMEOUT, useBrowser } from './harness.ts';
import { buildJoinIndex } from '../../src/core/pip/build-index.ts';
import { joinPoints } from '../../src/core/pip/join-points.ts';
import { INCIDENT_TYPES } from '../../src/core/incidents/incident-types.ts';
import { decodeIncidents, encodeIncidents } from '../../src/core/incidents/incidents-bin.ts';
import { createRandom } from '../../src/core/random.ts';


interface JoinedInPage {
  count: number;
  outside: number;
  counts: number[];
  countsByDay: number[] | null;
  startDay: string | null;
}


const topo = JSON.parse(distFile('data/townships.topo.json').toString('utf8')) as Topology;
const townships = (feature(topo, topo.objects.townships) as unknown as FeatureCollection<Polygon | MultiPolygon, { code: string }>)
  .features as Feature<Polygon | MultiPolygon, { code: string }>[];
const index = buildJoinIndex(townships);

/** The join the app should arrive at, computed in Node with the same core on the same decoded points. */
function expectedJoin(bin: Uint8Array, file: string): ReturnType<typeof joinPoints> & { count: number; outside: number; startDay: string } {
  const d = decodeIncidents(bin, file);
  const result = joinPoints(index, d.coords, d.types, INCIDENT_TYPES.length, d.days, d.dayCount);
  const outside = result.township.reduce((n, t) => n + (t < 0 ? 1 : 0), 0);
  return { ...result, count: d.count, outside, startDay: d.startDay };
}

async function readJoined(page: Page): Promise<JoinedInPage> {
  return page.evaluate(() => {
    const { incidents } = (window as unknown as { __fiveColor: { incidents: { joined: Record<string, unknown> | null } } }).__fiveColor;
    const j = incidents.joined as { count: number; outside: number; counts: Uint32Array; countsByDay?: Uint32Array; startDay?: string };
    return {
      count: j.count,
      outside: j.outside,
      counts: Array.from(j.counts),
      countsByDay: j.countsByDay ? Array.from(j.countsByDay) : null,
      startDay: j.startDay ?? null,
    };
  });
}

async function ready(page: Page): Promise<void> {
  await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
  await page.waitForSelector('[data-testid="incidents-control"][data-status="ready"]', { timeout: TIMEOUT });
}

const ctx = useBrowser('/incidents/');

describe('incidents in the browser', () => {
  it('keeps deck.gl out of the first-paint bundle', () => {
    const html = distFile('index.html').toString('utf8');
    const entries = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(distFile(entry).toString('utf8')).not.toMatch(/HeatmapLayer|ScatterplotLayer/);
    const chunks = readdirSync(`${DIST}/assets`).filter((f) => f.endsWith('.js'));
    expect(chunks.some((f) => f.startsWith('deck-layers') && /ScatterplotLayer/.test(distFile(`assets/${f}`).toString('utf8')))).toBe(true);
  });

  it(
    'joins the built-in history in the worker and shows a township its own counts',
    async () => {
      const expected = expectedJoin(new Uint8Array(distFile('data/incidents.bin')), 'incidents.bin');
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(ctx.server.url());
      await ready(page);

      const joined = await readJoined(page);
      expect(joined.count).toBe(expected.count);
      expect(joined.outside).toBe(expected.outside);
      expect(joined.counts).toEqual(Array.from(expected.counts));
      expect(joined.countsByDay).toEqual(Array.from(expected.countsByDay!));

      // The panel of the busiest township: its last 7 days by type, as summed here.
      const typeCount = INCIDENT_TYPES.length;
      const totals = townships.map((_, t) => expected.counts.slice(t * typeCount, (t + 1) * typeCount).reduce((a, b) => a + b, 0));
      const t = totals.indexOf(Math.max(...totals));
      const lastDay = expected.dayCount - 1;
      const week = INCIDENT_TYPES.map((_, k) => {
        let sum = 0;
        for (let d = lastDay - 6; d <= lastDay; d++) sum += expected.countsByDay![(d * townships.length + t) * typeCount + k];
        return sum;
      });
      await page.evaluate((code) => {
        (window as unknown as { __fiveColor: { app: { view: { selected: string } } } }).__fiveColor.app.view.selected = code;
      }, townships[t].properties.code);
      await page.waitForSelector('[data-testid="panel-incidents"]');
      for (const [k, type] of INCIDENT_TYPES.entries()) {
        expect(await page.textContent(`[data-testid="panel-incidents-${type}"]`), type).toBe(String(week[k]));
      }

      // Filtering by type changes what the layer draws to exactly that type's points of the week.
      const d = decodeIncidents(new Uint8Array(distFile('data/incidents.bin')), 'incidents.bin');
      let fires = 0;
      for (let i = 0; i < d.count; i++) if (d.types[i] === INCIDENT_TYPES.indexOf('fire') && d.days[i] >= lastDay - 6) fires++;
      const checkboxes = page.locator('[data-testid="incidents-control"] li input[type="checkbox"]');
      for (const [k, type] of INCIDENT_TYPES.entries()) if (type !== 'fire') await checkboxes.nth(k).uncheck();
      await page.waitForSelector(`[data-testid="incidents-control"][data-visible-points="${fires}"]`, { timeout: 30_000 });
      expect(fires).toBeGreaterThan(0);
      expect(errors).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'loads 1,000,000 points through the worker with the right counts',
    async () => {
      const random = createRandom('browser-million');
      const n = 1_000_000;
      const coords = new Float64Array(2 * n);
      const types = new Uint8Array(n);
      const days = new Uint16Array(n);
      for (let i = 0; i < n; i++) {
        coords[2 * i] = 118.7 + random() * 1.8;
        coords[2 * i + 1] = 27.4 + random() * 1.55;
        types[i] = Math.floor(random() * INCIDENT_TYPES.length);
        days[i] = Math.floor(random() * 30);
      }
      const bin = new Uint8Array(encodeIncidents({ coords, types, days, startDay: '2026-10-26', dayCount: 30 }));
      ctx.server.override('data/million.bin', bin);
      const expected = expectedJoin(bin, 'million.bin');

      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      // Long tasks on the main thread while the million points load (reported, not asserted:
      // timings on this shared machine are not a test).
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(ctx.server.url('?incidents=data/million.bin'));
      await ready(page);
      const joined = await readJoined(page);
      expect(joined.count).toBe(n);
      expect(joined.outside).toBe(expected.outside);
      expect(joined.outside).toBeGreaterThan(0);
      expect(joined.counts).toEqual(Array.from(expected.counts));
      expect(joined.counts.reduce((a, b) => a + b, 0)).toBe(n - expected.outside);
      const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      console.log(`1M points: ${longTasks.length} long tasks, longest ${Math.round(Math.max(0, ...longTasks))} ms`);
      await page.close();
      ctx.server.override('data/million.bin', undefined);
    },
    TIMEOUT,
  );

  it(
    'names a bad incidents file and keeps the last good counts',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(ctx.server.url());
      await ready(page);
      const before = await readJoined(page);
      await page.setInputFiles('[data-testid="incidents-file"]', {
        name: 'reports-week48.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('when,where\n2026-11-20,somewhere\n'),
      });
      await page.waitForSelector('[data-testid="problems"]', { timeout: 60_000 });
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/reports-week48\.csv/);
      await page.waitForSelector('[data-testid="incidents-control"][data-status="ready"]');
      expect(await readJoined(page)).toEqual(before);

      // A good file replaces the counts: one fire inside the busiest part of the city.
      const seat = (topo.objects.townships as unknown as { geometries: { properties: { code: string; seat: [number, number] } }[] }).geometries[0].properties;
      await page.setInputFiles('[data-testid="incidents-file"]', {
        name: 'one-fire.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`lon,lat,type,time\n${seat.seat[0]},${seat.seat[1]},fire,2026-11-24T10:00:00+08:00\n`),
      });
      await page.waitForFunction(() => {
        const j = (window as unknown as { __fiveColor: { incidents: { joined: { count: number } | null } } }).__fiveColor.incidents.joined;
        return j?.count === 1;
      });
      const after = await readJoined(page);
      const t = townships.findIndex((f) => f.properties.code === seat.code);
      expect(after.counts[t * INCIDENT_TYPES.length + INCIDENT_TYPES.indexOf('fire')]).toBe(1);
      expect(after.counts.reduce((a, b) => a + b, 0)).toBe(1);
      await page.close();
    },
    TIMEOUT,
  );
});
