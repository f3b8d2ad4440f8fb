/**
 * Offline after one visit, and a new build replacing the old one cleanly: the service worker in
 * Debian's Chromium, the app served from a sub-path of a copy of dist/ that the test can rebuild.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { DIST, TIMEOUT } from './harness.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const READY = '[data-map-ready="true"]';
let root: string;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'offline-'));
  cpSync(DIST, root, { recursive: true });
  server = await serveStatic(root, '/city/safety-map/');
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  page = await context.newPage();
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The data files the page loaded are all in the service worker's data cache. */
async function dataCached(p: Page): Promise<boolean> {
  return p.evaluate(async () => {
    const app = (window as unknown as { __fiveColor?: { app: { dataUrls(): string[] } } }).__fiveColor?.app;
    if (!app || !navigator.serviceWorker.controller) return false;
    const cache = await caches.open('five-color-data');
    const cached = new Set((await cache.keys()).map((r) => r.url));
    return app.dataUrls().every((u) => cached.has(u));
  });
}

describe('offline', () => {
  it('opens with no network after one visit, with its data and a notice saying how old it is', async () => {
    await page.goto(server.url());
    await page.waitForSelector(READY, { timeout: TIMEOUT });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    await expect.poll(() => dataCached(page), { timeout: 60_000, interval: 500 }).toBe(true);
    expect(await page.locator('[data-testid="offline-notice"]').count()).toBe(0);

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector(READY, { timeout: TIMEOUT });
    const shown = await page.evaluate(() => {
      const app = (window as unknown as { __fiveColor: { app: { data: { levels: { dates: string[] } }; counts: { byLevel: number[] } } } }).__fiveColor.app;
      return { days: app.data.levels.dates.length, colored: app.counts.byLevel.reduce((a, b) => a + b, 0) };
    });
    expect(shown).toEqual({ days: 90, colored: 173 });
    const notice = page.locator('[data-testid="offline-notice"]');
    await expect.poll(() => notice.textContent()).toContain('2026年11月24日');
    await page.screenshot({ path: 'test-results/offline-1024x768.png' });
    await context.setOffline(false);
  }, TIMEOUT);

  it('announces a new build and, when asked, replaces the old one and its cache', async () => {
    // A "new build": the shell's index.html changed and one asset dropped from the precache.
    const sw = readFileSync(join(root, 'sw.js'), 'utf8');
    const changed = sw.replace(/\{url:"index\.html",revision:"[^"]*"\}/, '{url:"index.html",revision:"new-build"}').replace(/\{url:"icons\/favicon-32\.png",revision:"[^"]*"\},?/, '');
    expect(changed).not.toBe(sw);
    writeFileSync(join(root, 'sw.js'), changed);
    writeFileSync(join(root, 'index.html'), readFileSync(join(root, 'index.html'), 'utf8').replace('</head>', '<meta name="build" content="new" /></head>'));

    await page.reload();
    await page.waitForSelector(READY, { timeout: TIMEOUT });
    const notice = page.locator('[data-testid="update-notice"]');
    await notice.waitFor({ timeout: 60_000 });
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), notice.locator('button').click()]);
    await page.waitForSelector(READY, { timeout: TIMEOUT });
    expect(await page.locator('meta[name="build"]').getAttribute('content')).toBe('new');
    const precached = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
      const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
      return { caches: names.length, favicon: urls.some((u) => u.endsWith('favicon-32.png')), index: urls.some((u) => u.includes('index.html')) };
    });
    expect(precached).toEqual({ caches: 1, favicon: false, index: true });
    expect(await page.locator('[data-testid="update-notice"]').count()).toBe(0);
  }, TIMEOUT);
});
