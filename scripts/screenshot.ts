/**
 * npm run screenshot -- [WIDTHxHEIGHT ...] [--click CODE] [--query 'mode=wall&lang=en'] [--out DIR]
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
      // As a click on the township would: select it (its panel opens) and bring it into view.
      await page.evaluate((code) => {
        (window as unknown as { __fiveColor: { app: { view: { pick(code: string): void } } } }).__fiveColor.app.view.pick(code);
      }, values.click);
      await page.waitForTimeout(1500);
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
