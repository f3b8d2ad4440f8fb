/**
 * Export in the real app: the map image (its size, the five colors, the legend), the day's CSV and
 * GeoJSON and the range CSV as downloaded files, and the print views as A4 PDFs — the bulletin one
 * page — in both languages. PDFs, their pages as PNG and the images are kept in test-results/ to be
 * looked at. Needs `vite build` first, and poppler-utils (pdfinfo, pdftotext, pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { parseBoundaries } from '../../src/core/boundaries/boundaries.ts';
import { readBoundaryFeatures } from '../../src/core/boundaries/read-boundaries.ts';
import { DAY_TABLE_COLUMNS, RANGE_TABLE_COLUMNS } from '../../src/core/export/day-table.ts';
import { classifyIndex, LEVELS } from '../../src/core/levels.ts';
import type { LevelsFile } from '../../src/core/levels-file.ts';
import { townshipDay } from '../../src/core/safety-index/explain.ts';
import { DIST, distText, TIMEOUT, useBrowser } from './harness.ts';
import { recomputeIndex } from '../support/recompute-index.ts';

const OUT = 'test-results/export';
mkdirSync(OUT, { recursive: true });

const levels = JSON.parse(distText('data/levels.json')) as LevelsFile;
const boundaries = parseBoundaries(distText('data/townships.topo.json'), 'townships.topo.json');
const DATE = levels.dates[levels.dates.length - 1];
const d = levels.dates.length - 1;
const levelOf = (code: string): number | null => classifyIndex(levels.index[d][levels.codes.indexOf(code)]);

const ctx = useBrowser('/export/');

async function download(page: Page, testid: string): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: TIMEOUT }), page.click(`[data-testid="${testid}"]`)]);
  return { name: (file as Download).suggestedFilename(), body: readFileSync((await (file as Download).path())!) };
}

/** CSV text → rows of cells (the export quotes text and leaves numbers bare; no newlines in cells). */
function parseCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].slice(0, -1).map((m) => (m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1])));
}

interface ImageCheck {
  width: number;
  height: number;
  /** Pixels near each level's color, in the map area and in the legend box. */
  map: number[];
  legend: number[];
  /** Share of the legend box in the frame's panel color. */
  legendPanel: number;
}

/** Decodes the PNG in the page and counts the level colors in the map and in the legend box. */
function inspectPng(page: Page, png: Buffer, unit: number): Promise<ImageCheck> {
  return page.evaluate(
    async ({ base64, colors, unit }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const rgb = colors.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
      const near = (data: Uint8ClampedArray, i: number, c: number[]): boolean => Math.abs(data[i] - c[0]) + Math.abs(data[i + 1] - c[1]) + Math.abs(data[i + 2] - c[2]) < 24;
      const count = (x: number, y: number, w: number, h: number): { levels: number[]; panel: number } => {
        const data = g.getImageData(x, y, w, h).data;
        const levels = rgb.map(() => 0);
        let panel = 0;
        for (let i = 0; i < data.length; i += 4) {
          rgb.forEach((c, k) => near(data, i, c) && levels[k]++);
          if (near(data, i, [11, 18, 32]) || near(data, i, [20, 26, 40])) panel++;
        }
        return { levels, panel: panel / (w * h) };
      };
      const W = canvas.width;
      const H = canvas.height;
      // The legend box: 10 CSS px from the left, above the 22 px attribution strip (map-frame.ts).
      const lw = 176 * unit;
      const lh = (34 + 22 * 5 + 6) * unit;
      const legend = count(10 * unit, H - 32 * unit - lh, lw, lh);
      const map = count(200 * unit, 70 * unit, W - 232 * unit, H - 106 * unit);
      return { width: W, height: H, map: map.levels, legend: legend.levels, legendPanel: legend.panel };
    },
    { base64: png.toString('base64'), colors: LEVELS.map((l) => l.color), unit },
  );
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** Prints the page to an A4 PDF, keeps it with its pages as PNG, and returns its page count and text. */
async function printPdf(page: Page, name: string): Promise<{ pages: number; text: string }> {
  const file = `${OUT}/${name}.pdf`;
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  execFileSync('pdftoppm', ['-png', '-r', '80', file, `${OUT}/${name}`]);
  // pdftotext breaks lines (and some words) where the layout does: compare with whitespace collapsed.
  return { pages: pdfPages(file), text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') };
}

describe('export from the desk', () => {
  it(
    "downloads the day's CSV and GeoJSON and the range CSV with the engine's values, guarded against formulas",
    async () => {
      const { result: engine } = recomputeIndex(`${DIST}/data`);
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(ctx.server.url(`?date=${DATE}`));
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      await page.click('[data-testid="export-menu"] summary');

      const csv = await download(page, 'export-day-csv');
      expect(csv.name).toBe(`丽水市-${DATE}.csv`);
      const text = csv.body.toString('utf8');
      expect(text.startsWith('\uFEFF')).toBe(true);
      expect(text).toContain('\r\n');
      const [header, ...rows] = parseCsv(text);
      expect(header).toEqual([...DAY_TABLE_COLUMNS]);
      expect(rows).toHaveLength(173);
      const col = (name: string): number => DAY_TABLE_COLUMNS.indexOf(name as (typeof DAY_TABLE_COLUMNS)[number]);
      for (const row of rows) {
        const code = row[col('code')];
        const explained = townshipDay(engine, code, DATE);
        expect(Number(row[col('index')]), code).toBe(levels.index[d][levels.codes.indexOf(code)]);
        expect(Number(row[col('level')]), code).toBe(levelOf(code));
        explained.domains.forEach((dom) => expect(Number(row[col(`risk_${dom.id}`)]), `${code} ${dom.id}`).toBe(Math.round(dom.risk * 10) / 10));
        expect(row[col('override')] || null).toBe(explained.override?.id ?? null);
        expect(row[col('coverage_share')]).not.toBe('');
      }
      // The window's incidents are in: the city saw some.
      const incidents = rows.reduce((n, r) => n + DAY_TABLE_COLUMNS.reduce((m, c, k) => m + (c.startsWith('incidents_') ? Number(r[k]) : 0), 0), 0);
      expect(incidents).toBeGreaterThan(0);

      const geo = await download(page, 'export-geojson');
      expect(geo.name).toBe(`丽水市-${DATE}.geojson`);
      const back = readBoundaryFeatures(geo.body.toString('utf8'), geo.name);
      expect(back).toHaveLength(173);
      for (const f of back) expect(f.properties?.level, String(f.properties?.code)).toBe(levelOf(String(f.properties?.code)));

      const range = await download(page, 'export-range-csv');
      const [rangeHeader, ...rangeRows] = parseCsv(range.body.toString('utf8'));
      expect(rangeHeader).toEqual([...RANGE_TABLE_COLUMNS]);
      expect(rangeRows).toHaveLength(30 * 173);
      expect(range.name).toBe(`丽水市-${levels.dates[d - 29]}_${DATE}.csv`);

      // A township named like a formula comes out as text.
      await page.evaluate(() => {
        const { app } = (window as unknown as { __fiveColor: { app: { data: { boundaries: { townships: { features: { properties: { name: string } }[] } } } } } }).__fiveColor;
        app.data.boundaries.townships.features[0].properties.name = '=HYPERLINK("http://evil","click")';
      });
      const hostile = (await download(page, 'export-day-csv')).body.toString('utf8');
      expect(hostile.split('\r\n')[1]).toContain(`"'=HYPERLINK(""http://evil"",""click"")"`);
      await page.close();
    },
    TIMEOUT,
  );

  it(
    'renders the map as PNG at 2× and at A4 300 dpi with the five colors, the legend and its frame',
    async () => {
      const page = await ctx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(ctx.server.url(`?date=${DATE}`));
      await page.waitForSelector('[data-index-status="ready"]', { timeout: TIMEOUT });
      await page.click('[data-testid="export-menu"] summary');
      const present = LEVELS.map((l) => levels.index[d].some((v) => classifyIndex(v) === l.level));

      for (const [preset, size, unit] of [
        ['x2', [2560, 1600], 2],
        ['a4', [3508, 2480], 300 / 96],
      ] as const) {
        await page.selectOption('[data-testid="export-size"]', preset);
        const png = await download(page, 'export-png');
        expect(png.name).toBe(`丽水市-${DATE}-${preset}.png`);
        writeFileSync(`${OUT}/map-${preset}.png`, png.body);
        const check = await inspectPng(page, png.body, unit);
        expect([check.width, check.height]).toEqual(size);
        // Every level of the day is on the map; the legend shows all five and sits on its panel.
        present.forEach((p, k) => p && expect(check.map[k], `level ${k + 1} on the map`).toBeGreaterThan(50));
        check.legend.forEach((n, k) => expect(n, `level ${k + 1} in the legend`).toBeGreaterThan(100 * unit));
        expect(check.legendPanel).toBeGreaterThan(0.3);
      }
      await page.close();
    },
    TIMEOUT,
  );
});

describe('print views', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(
      `prints the daily bulletin on one A4 page with every section (${lang})`,
      async () => {
        const page = await ctx.browser.newPage({ viewport: { width: 1000, height: 1300 } });
        await page.goto(ctx.server.url(`?mode=bulletin&date=${DATE}&lang=${lang}`));
        await page.waitForSelector('[data-print-ready="true"]', { timeout: TIMEOUT });
        const sections = await page.$$eval('[data-testid="bulletin"] [data-section]', (els) => els.map((e) => e.getAttribute('data-section')));
        expect(sections).toEqual(['map', 'counts', 'city-index', 'worst', 'changes', 'gaps', 'hazards', 'sources']);
        expect(await page.$eval('[data-testid="bulletin-map"]', (img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(1000);
        await page.screenshot({ path: `${OUT}/bulletin-${lang}-screen.png`, fullPage: true });
        const { pages, text } = await printPdf(page, `bulletin-${lang}`);
        expect(pages).toBe(1);
        const expected =
          lang === 'zh'
            ? ['丽水市平安指数日报', '各等级乡镇数', '全市平安指数', '指数最低的十个乡镇', '等级变化', '高风险、低覆盖乡镇', '地质灾害预警', '数据来源', '近似示意']
            : ['daily safety bulletin', 'Townships per level', 'City safety index', 'The ten lowest indices', 'Level changes', 'High risk, low coverage', 'Geological hazard warnings', 'Data sources', 'approximations'];
        for (const heading of expected) expect(text, heading).toContain(heading);
        // The worst township of the day is named on the paper.
        const worst = levels.codes[levels.index[d].reduce<number>((best, v, t) => (v !== null && v < (levels.index[d][best] ?? 101) ? t : best), 0)];
        expect(text).toContain(boundaries.byCode.get(worst)!.name);
        await page.close();
      },
      TIMEOUT,
    );
  }

  for (const lang of ['en', 'zh'] as const) {
    it(
      `prints the period report on A4 pages with every section (${lang})`,
      async () => {
        const from = levels.dates[d - 29];
        const page = await ctx.browser.newPage({ viewport: { width: 1000, height: 1300 } });
        await page.goto(ctx.server.url(`?mode=report&from=${from}&to=${DATE}&lang=${lang}`));
        await page.waitForSelector('[data-print-ready="true"]', { timeout: TIMEOUT });
        const sections = await page.$$eval('[data-testid="report"] [data-section]', (els) => els.map((e) => e.getAttribute('data-section')));
        expect(sections).toEqual(['counties', 'hotspots', 'incidents', 'gaps', 'sources']);
        const { pages, text } = await printPdf(page, `report-${lang}`);
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(pages).toBeLessThanOrEqual(4);
        const expected =
          lang === 'zh'
            ? ['丽水市平安报告', '月报', '各区县指数趋势与等级天数', '红、橙等级最多的乡镇及原因', '各类事件与上一时段对比', '反复出现的高风险、低覆盖乡镇', '数据来源']
            : ['safety report', 'Monthly', 'Counties: index trend and days per level', 'Townships most often red or orange', 'Incidents by type against the previous period', 'Recurring high-risk', 'Data sources'];
        for (const heading of expected) expect(text, heading).toContain(heading);
        for (const county of boundaries.counties) expect(text).toContain(county.name);
        await page.close();
      },
      TIMEOUT,
    );
  }
});
