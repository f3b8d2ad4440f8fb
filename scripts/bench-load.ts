/**
 * npm run bench:load -- [--runs N] [--network all|none|slow3g]
 * Serves dist/ on 127.0.0.1 (gzip, as a compressing static server would) and loads the app N times
 * (default 5) in fresh headless Chromium contexts (empty cache) at 1920×1080, alternating with a bare
 * MapLibre page that draws the same townships with the same day's colors (scripts/bare-map/): the
 * baseline measured in the same run. Per run: time from navigation start to the
 * `five-color:first-colored-frame` performance mark; then the medians and their ratio, without
 * network emulation and with a slow-3G-like profile (Chromium's DevTools preset: 2 s latency,
 * ~50 kB/s down and up).
 * Also: what the first colored frame cost to download — every HTML, JS, CSS and data file fetched
 * before the mark, raw and gzip -9 (what a compressing static server would send), per file — and
 * whether deck.gl is part of that first-paint bundle.
 * WebGL runs through SwiftShader here: absolute times are this machine's, compare runs, not devices.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_BANDS, LEVELS, NO_DATA_COLOR } from '../src/core/levels.ts';
import { launchChromium } from '../test/browser/chromium.ts';
import { serveStatic } from '../test/browser/static-server.ts';

const MARK = 'five-color:first-colored-frame';
/** The app's names follow its first colored frame; the bare page draws none. */
const LABELS_MARK = 'five-color:labels-drawn';
const DIST = 'dist';
const BASE = '/bench/';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' }, network: { type: 'string', default: 'all' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `vite build` first (npm run bench:load does)');

/** Chromium DevTools' "Slow 3G" preset, as CDP network conditions. */
const PROFILES = {
  none: null,
  slow3g: { offline: false, latency: 2000, downloadThroughput: 50_000, uploadThroughput: 50_000 },
} as const;
type Profile = keyof typeof PROFILES;
const profiles: Profile[] = values.network === 'all' ? ['none', 'slow3g'] : [values.network as Profile];
if (!profiles.every((p) => p in PROFILES)) throw new Error(`--network must be all, none or slow3g, got ${values.network}`);

// The served root: the build, plus the bare page beside it reading the same data folder.
const root = mkdtempSync(join(tmpdir(), 'bench-load-'));
cpSync(DIST, root, { recursive: true });
const bare = join(root, 'bare');
cpSync('scripts/bare-map', bare, { recursive: true });
for (const file of ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css']) cpSync(join('node_modules/maplibre-gl/dist', file), join(bare, file));
cpSync('node_modules/topojson-client/dist/topojson-client.min.js', join(bare, 'topojson-client.min.js'));
const template = readFileSync(join(bare, 'index.html'), 'utf8');
writeFileSync(join(bare, 'index.html'), template.replace('__COLORS__', JSON.stringify([NO_DATA_COLOR, ...LEVELS.map((l) => l.color)])).replace('__BANDS__', JSON.stringify(DEFAULT_BANDS)));

interface Fetched {
  url: string;
  /** Milliseconds after navigation start when the response ended (resource timing); null if unknown. */
  end: number | null;
}

interface Run {
  ms: number;
  /** Until the names are drawn too (the app only). */
  labelsMs: number | null;
  fetched: Fetched[];
}

async function measure(page: Page, url: string): Promise<Run> {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(url);
  await page.waitForSelector('[data-map-ready="true"]', { timeout: 180_000 });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK);
  const timing = await page.evaluate(([mark, labelsMark]) => {
    const entry = performance.getEntriesByName(mark)[0];
    const labels = performance.getEntriesByName(labelsMark)[0];
    const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => ({ url: r.name, end: r.responseEnd }));
    return { mark: entry.startTime, labels: labels?.startTime ?? null, resources, document: location.href };
  }, [MARK, LABELS_MARK] as const);
  const ends = new Map(timing.resources.map((r) => [r.url, r.end]));
  ends.set(timing.document, 0);
  const fetched: Fetched[] = [...new Set(requested)]
    // Requests made by a worker may be missing from the page's resource timing: they count (the frame needed them).
    .map((u) => ({ url: u, end: ends.get(u) ?? null }))
    .filter((f) => f.end === null || f.end <= timing.mark);
  return { ms: timing.mark, labelsMs: timing.labels, fetched };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

async function load(browser: Browser, url: string, profile: Profile): Promise<Run> {
  // A new context per run: empty HTTP cache, no service worker, nothing carried over.
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const conditions = PROFILES[profile];
    if (conditions) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', conditions);
    }
    return await measure(page, url);
  } finally {
    await context.close();
  }
}

const server = await serveStatic(root, BASE, { gzip: true });
const browser = await launchChromium();
const results: Run[] = [];
const summary: string[] = [];
try {
  for (const profile of profiles) {
    console.log(`bench:load — network ${profile}: ${runs} fresh loads each of the app and the bare MapLibre page, alternating, at 1920×1080 (headless Chromium, SwiftShader WebGL)`);
    const app: number[] = [];
    const named: number[] = [];
    const base: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await load(browser, server.url(), profile);
      if (profile === profiles[0]) results.push(run);
      app.push(run.ms);
      if (run.labelsMs !== null) named.push(run.labelsMs);
      base.push((await load(browser, server.url('bare/'), profile)).ms);
      console.log(`  run ${i + 1}: app ${app[i].toFixed(0)} ms (names drawn at ${run.labelsMs?.toFixed(0) ?? '—'} ms), bare page ${base[i].toFixed(0)} ms to first colored frame`);
    }
    const ratio = median(app) / median(base);
    summary.push(`  ${profile.padEnd(7)} app median ${median(app).toFixed(0)} ms (min ${Math.min(...app).toFixed(0)}, max ${Math.max(...app).toFixed(0)}), bare ${median(base).toFixed(0)} ms: app / bare = ${ratio.toFixed(2)}×`);
    if (named.length) summary.push(`  ${''.padEnd(7)} app with its names drawn: median ${median(named).toFixed(0)} ms = ${(median(named) / median(base)).toFixed(2)}× the bare page (which draws no names)`);
  }
} finally {
  await browser.close();
  await server.close();
}
console.log('\nFirst colored frame, medians:');
for (const line of summary) console.log(line);

// ---- first-paint download, from the files the first run fetched before the mark -----------------
const origin = new URL(server.url()).origin;
const KINDS: Record<string, string> = { '.html': 'html', '.js': 'js', '.mjs': 'js', '.css': 'css', '.json': 'data' };
const rows: { path: string; kind: string; raw: number; gzip: number }[] = [];
const other: string[] = [];
let deckGl: string[] = [];
for (const { url } of results[0].fetched) {
  if (!url.startsWith(`${origin}${BASE}`)) {
    other.push(url);
    continue;
  }
  let path = decodeURIComponent(new URL(url).pathname.slice(BASE.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const kind = KINDS[extname(path)];
  if (!kind) {
    other.push(url);
    continue;
  }
  const body = readFileSync(join(root, path));
  rows.push({ path, kind, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  if (kind === 'js') {
    const text = body.toString('utf8');
    const hits = ['@deck.gl', 'deck.gl'].filter((s) => text.includes(s));
    if (hits.length) deckGl.push(`${path} (${hits.join(', ')})`);
  }
}
deckGl = [...new Set(deckGl)];
const order = ['html', 'js', 'css', 'data'];
rows.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || b.raw - a.raw);
const width = Math.max(4, ...rows.map((r) => r.path.length));
console.log('\nFirst-paint download (files fetched before the first colored frame, run 1):');
console.log(`  ${'file'.padEnd(width)}  kind  ${'raw'.padStart(10)}  ${'gzip -9'.padStart(10)}`);
for (const r of rows) console.log(`  ${r.path.padEnd(width)}  ${r.kind.padEnd(4)}  ${kb(r.raw).padStart(10)}  ${kb(r.gzip).padStart(10)}`);
for (const kind of order) {
  const k = rows.filter((r) => r.kind === kind);
  if (k.length) console.log(`  ${`subtotal ${kind}`.padEnd(width)}        ${kb(k.reduce((a, r) => a + r.raw, 0)).padStart(10)}  ${kb(k.reduce((a, r) => a + r.gzip, 0)).padStart(10)}`);
}
const raw = rows.reduce((a, r) => a + r.raw, 0);
const gz = rows.reduce((a, r) => a + r.gzip, 0);
console.log(`  ${'TOTAL'.padEnd(width)}        ${kb(raw).padStart(10)}  ${kb(gz).padStart(10)}`);
if (other.length) console.log(`  (also fetched, not counted: ${other.join(', ')})`);
console.log(
  deckGl.length
    ? `deck.gl IS in the first-paint bundle: ${deckGl.join('; ')}`
    : `deck.gl is NOT in the first-paint bundle (no "deck.gl"/"@deck.gl" string in the ${rows.filter((r) => r.kind === 'js').length} JS files fetched)`,
);
