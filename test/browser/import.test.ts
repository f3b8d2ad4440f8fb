/**
 * Import, audit and origins in the real app (run `vite build` first): a dropped boundaries file
 * replaces the map after the dialog, a dropped incidents file updates the counts, a bad file keeps
 * everything and names its problem; the audit lists a planted unknown code and a township with no
 * data, and clicking it selects the township; a foreign ?data= is refused without a request and a
 * javascript: basemap leaves the townships drawn with a message.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { distText, TIMEOUT, useBrowser } from './harness.ts';
import { confirm, drop, ready } from './import-helpers.ts';

const ctx = useBrowser('/import/');
const HOSTILE = '<img src=x onerror="window.__pwned=1">新华镇';

interface Fc {
  __fiveColor: {
    app: {
      data: { boundaries: { byCode: Map<string, { name: string }> } | null; codes: string[]; levels: { codes: string[] } | null };
      view: { selected: string | null };
      imports: { applied: { file: string } | null };
      problems: { list: { key: string; message: string }[] };
    };
    incidents: { joined: { count: number } | null; status: string };
  };
  __pwned?: number;
}

describe('import in the browser', () => {
  it(
    'drops boundaries, incidents and a bad file: the dialog asks, the map follows, the bad file changes nothing',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1920, height: 1080 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(ctx.server.url());
      await ready(page);

      // Boundaries: the built-in ones with the first township renamed (a hostile name, kept as text).
      const topo = JSON.parse(distText('data/townships.topo.json')) as { objects: { townships: { geometries: { properties: { code: string; name: string } }[] } } };
      const first = topo.objects.townships.geometries[0]!.properties;
      first.name = HOSTILE;
      await drop(page, 'official-townships.topo.json', JSON.stringify(topo));
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('boundaries');
      const dialog = await page.textContent('[data-testid="import-dialog"]');
      expect(dialog).toMatch(/不会上传|never leave/);
      expect(dialog).toMatch(/173/);
      await page.screenshot({ path: '/tmp/import-dialog.png' });
      await confirm(page, 'official-townships.topo.json');
      await page.waitForSelector('[data-testid="incidents-control"][data-status="ready"]', { timeout: TIMEOUT });
      expect(await page.evaluate((code) => (window as unknown as Fc).__fiveColor.app.data.boundaries!.byCode.get(code)!.name, first.code)).toBe(HOSTILE);
      await page.evaluate((code) => ((window as unknown as Fc).__fiveColor.app.view.selected = code), first.code);
      await page.waitForSelector('[data-testid="panel-name"]');
      expect(await page.textContent('[data-testid="panel-name"]')).toBe(HOSTILE);

      // Incidents: two fires in the renamed township replace the history.
      const seat = (JSON.parse(distText('data/townships.topo.json')) as { objects: { townships: { geometries: { properties: { seat: [number, number] } }[] } } }).objects.townships.geometries[0]!.properties.seat;
      await drop(page, 'fires.csv', `lon,lat,type,time\n${seat[0]},${seat[1]},fire,2026-11-24T10:00:00+08:00\n${seat[0]},${seat[1]},fire,2026-11-23T10:00:00+08:00\n`);
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('incidents');
      await confirm(page, 'fires.csv');
      expect(await page.evaluate(() => (window as unknown as Fc).__fiveColor.incidents.joined!.count)).toBe(2);
      expect(await page.textContent('[data-testid="incidents-total-fire"]')).toBe('2');

      // A bad file: named in the dialog, nothing replaced, no Replace button.
      const before = await page.evaluate(() => (window as unknown as Fc).__fiveColor.app.data.codes.length);
      await drop(page, 'duplicate-code.geojson', readFileSync('test/fixtures/bad/duplicate-code.geojson', 'utf8'));
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-usable')).toBe('false');
      expect(await page.textContent('[data-testid="import-problems"]')).toMatch(/duplicate-code\.geojson: .*331102001/);
      expect(await page.$('[data-testid="import-confirm"]')).toBeNull();
      await page.click('[data-testid="import-cancel"]');
      expect(await page.evaluate(() => (window as unknown as Fc).__fiveColor.app.data.codes.length)).toBe(before);
      expect(await page.evaluate(() => (window as unknown as Fc).__fiveColor.incidents.joined!.count)).toBe(2);
      expect(await page.textContent('[data-testid="problems"]')).toMatch(/duplicate-code\.geojson/);
      expect(await page.evaluate(() => (window as unknown as Fc).__pwned)).toBeUndefined();
      expect(errors).toEqual([]);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'lists a planted unknown code and a township without data in the audit; clicking selects the township',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.goto(ctx.server.url());
      await ready(page);
      // levels.json without its first township, and with a code that is no township.
      const levels = JSON.parse(distText('data/levels.json')) as { codes: string[]; index: (number | null)[][] };
      const dropped = levels.codes[0]!;
      levels.codes = [...levels.codes.slice(1), '331199999'];
      levels.index = levels.index.map((row) => [...row.slice(1), 75]);
      await drop(page, 'levels-partial.json', JSON.stringify(levels));
      expect(await page.getAttribute('[data-testid="import-dialog"]', 'data-kind')).toBe('levels');
      expect(await page.textContent('[data-testid="import-replaces"]')).toMatch(/331199999/);
      await confirm(page, 'levels-partial.json');
      await page.click('[data-testid="audit-button"]');
      await page.waitForSelector('[data-testid="audit-panel"]');
      expect(await page.textContent('[data-testid="audit-unknownCode"]')).toMatch(/331199999/);
      expect(await page.textContent('[data-testid="audit-unknownCode"]')).toMatch(/levels-partial\.json/);
      await page.click(`[data-testid="audit-noData"] [data-code="${dropped}"]`);
      await page.waitForFunction((c) => (window as unknown as Fc).__fiveColor.app.view.selected === c, dropped);
      await page.waitForSelector('[data-testid="panel-name"]');
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'refuses a foreign ?data= without a request, and draws the townships when the basemap is a javascript: URL',
    async () => {
      const config = JSON.parse(distText('config.json')) as Record<string, unknown>;
      ctx.server.override('config.json', JSON.stringify({ ...config, basemap: 'javascript:alert(1)' }));
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const requested: string[] = [];
      page.on('request', (r) => requested.push(r.url()));
      await page.goto(ctx.server.url('?data=https://evil.example/manifest.json'));
      await page.waitForSelector('[data-map-ready="true"]', { timeout: TIMEOUT });
      // (The page's own address carries the foreign URL in its query: only the host counts.)
      expect(requested.filter((u) => new URL(u).hostname === 'evil.example')).toEqual([]);
      expect(requested.some((u) => u.endsWith('/data/manifest.json'))).toBe(true);
      const problems = await page.textContent('[data-testid="problems"]');
      expect(problems).toMatch(/\?data=.*https:\/\/evil\.example.*allowedOrigins/);
      // The Chinese half only (the page is in Chinese): the reason and what it means, one language.
      expect(problems).toMatch(/basemap: basemap 使用了“javascript:”.*——底图未能载入，乡镇图层照常显示/);
      expect(problems).not.toContain('could not be loaded');
      // The townships are drawn: their fill layer is in the style with features rendered.
      const drawn = await page.evaluate(() => {
        const map = (window as unknown as { __fiveColor: { map: { queryRenderedFeatures(o: unknown): unknown[] } } }).__fiveColor.map;
        return map.queryRenderedFeatures({ layers: ['township-fill'] }).length;
      });
      expect(drawn).toBeGreaterThan(100);
      ctx.server.override('config.json', undefined);
      await page.close();
    },
    TIMEOUT,
  );
});
